// FerretDB v1 (MongoDB wire protocol over SQLite) for tests: built once from
// tools/ferretdb into a per-user cache, then started as a detached server.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { spawnDetached, spawned, tailFile } from './processes.mjs';

const FERRETDB_VERSION = 'v1.24.2';
const SOURCE_DIR = fileURLToPath(new URL('../ferretdb/', import.meta.url));
const READY_LINE = /^READY (mongodb:\/\/\S+)$/m;

/** Thrown when FerretDB cannot be built or does not come up. */
export class FerretError extends Error {
  name = 'FerretError';
}

/**
 * Path of the cached binary for the current sources of tools/ferretdb. The hash
 * makes a changed program rebuild; living outside the checkout lets every clone
 * (and worktree) share one build.
 */
export function ferretBinaryPath() {
  const hash = createHash('sha256');
  const files = fs
    .readdirSync(SOURCE_DIR)
    .filter((name) => name === 'go.mod' || name === 'go.sum' || name.endsWith('.go'))
    .sort();
  for (const name of files) {
    hash.update(`${name}\0`).update(fs.readFileSync(path.join(SOURCE_DIR, name))).update('\0');
  }
  const cacheHome = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  const dir = `ferretdb-${FERRETDB_VERSION}-${hash.digest('hex').slice(0, 12)}`;
  return path.join(cacheHome, 'base-shift', dir, 'ferretdb');
}

/** Returns the path of a runnable FerretDB binary, building it on first use (minutes). */
export async function ensureFerretBinary() {
  const binary = ferretBinaryPath();
  if (fs.existsSync(binary)) return binary;

  checkGo();
  fs.mkdirSync(path.dirname(binary), { recursive: true });
  // Each build writes its own temporary file and renames it into place: rename is
  // atomic, so a concurrent build (another checkout) can never expose half a binary.
  const tmp = `${binary}.tmp-${process.pid}-${Date.now()}`;
  process.stderr.write(`testenv: building FerretDB ${FERRETDB_VERSION} (first run only, a few minutes)…\n`);
  const started = Date.now();
  try {
    await goBuild(tmp);
    fs.renameSync(tmp, binary);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  process.stderr.write(`testenv: built ${binary} in ${seconds}s\n`);
  return binary;
}

function checkGo() {
  const result = spawnSync('go', ['version'], { encoding: 'utf8' });
  if (result.error?.code === 'ENOENT') {
    throw new FerretError(
      'Go (1.24 or newer) is needed to build the FerretDB test server in tools/ferretdb, ' +
        'but `go` is not on PATH. Install Go, or set MONGO_URL to a running MongoDB-compatible server.',
    );
  }
  if (result.error || result.status !== 0) {
    throw new FerretError(`\`go version\` failed: ${result.error?.message ?? result.stderr.trim()}`);
  }
}

function goBuild(output) {
  // SQLite is the pure-Go modernc.org/sqlite, so no C toolchain is needed;
  // -buildvcs=false because the surrounding git checkout is not this module's.
  const args = ['build', '-trimpath', '-buildvcs=false', '-o', output, '.'];
  const child = spawn('go', args, {
    cwd: SOURCE_DIR,
    env: { ...process.env, CGO_ENABLED: '0' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', (err) => reject(new FerretError(`cannot run go build: ${err.message}`)));
    child.once('exit', (code, sig) => {
      if (code === 0) resolve();
      else reject(new FerretError(`go build in ${SOURCE_DIR} failed (${sig ?? `exit code ${code}`}); see its output above`));
    });
  });
}

/**
 * Starts FerretDB on a free loopback port with SQLite files in `dataDir`, detached,
 * output in `logFile`. Resolves to { url, pid } once it prints its READY line.
 */
export async function startFerret({ dataDir, logFile = `${dataDir}.log`, timeoutMs = 30_000 }) {
  const binary = await ensureFerretBinary();
  fs.mkdirSync(dataDir, { recursive: true });
  // Port 0: the server binds a kernel-chosen port and reports it, so two starts never collide.
  const child = spawnDetached(binary, ['-listen', '127.0.0.1:0', '-sqlite-dir', dataDir], { logFile });
  await spawned(child);

  let exit;
  child.once('exit', (code, sig) => (exit = sig ?? `exit code ${code}`));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ready = READY_LINE.exec(tailFile(logFile, 200));
    if (ready) return { url: ready[1], pid: child.pid };
    if (exit) break;
    await sleep(50);
  }
  if (!exit) child.kill('SIGKILL');
  const why = exit ? `exited (${exit})` : `did not print READY within ${timeoutMs / 1000}s`;
  throw new FerretError(`FerretDB ${why}; last lines of ${logFile}:\n${tailFile(logFile)}`);
}
