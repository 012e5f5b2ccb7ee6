// Helpers for the long-lived servers testenv starts: they are spawned detached with
// their output in a log file, so they outlive the `up` process that started them.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Spawns `command` in its own process group, stdout+stderr appended to `logFile`,
 * not keeping this process alive. Returns the ChildProcess (its 'exit' event still
 * fires while this process runs).
 */
export function spawnDetached(command, args, { logFile, cwd } = {}) {
  const fd = fs.openSync(logFile, 'w');
  try {
    const child = spawn(command, args, { cwd, detached: true, stdio: ['ignore', fd, fd] });
    child.unref();
    return child;
  } finally {
    fs.closeSync(fd);
  }
}

/** Resolves once `child` has started, rejects with the spawn error (ENOENT, EACCES). */
export function spawned(child) {
  return new Promise((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', reject);
  });
}

/**
 * True if `pid` is a live (non-zombie) process; with `commandIncludes`, its command
 * line must also contain that text, so a recycled pid is not mistaken for our server.
 */
export function isAlive(pid, commandIncludes) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (err) {
    if (err.code !== 'EPERM') return false;
  }
  const stat = readProc(pid, 'stat');
  // Our own children linger as zombies until Node reaps them; they are not serving.
  if (stat && /\) Z /.test(stat)) return false;
  if (commandIncludes) {
    const cmdline = readProc(pid, 'cmdline');
    if (cmdline !== undefined && !cmdline.includes(commandIncludes)) return false;
  }
  return true;
}

function readProc(pid, file) {
  try {
    return fs.readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return undefined; // no /proc (macOS) or the process is gone
  }
}

/** SIGTERM, then SIGKILL if `pid` is still alive after `timeoutMs`. Resolves when it is gone. */
export async function stopProcess(pid, { commandIncludes, timeoutMs = 10_000 } = {}) {
  if (!isAlive(pid, commandIncludes)) return;
  signal(pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    await sleep(50);
    if (!isAlive(pid)) return;
  }
  signal(pid, 'SIGKILL');
  while (isAlive(pid)) await sleep(50);
}

function signal(pid, name) {
  try {
    process.kill(pid, name);
  } catch (err) {
    if (err.code !== 'ESRCH') throw err;
  }
}

/**
 * A loopback port that was free a moment ago. Another process may take it before
 * the caller binds it; callers retry on a bind failure.
 */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** True if something accepts TCP connections on host:port within `timeoutMs`. */
export function portAnswers(host, port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** The last `lines` lines of a log file, for error messages; '' if it cannot be read. */
export function tailFile(file, lines = 20) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}
