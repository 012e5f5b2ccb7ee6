// An exclusive lock file, so two `up`s at once (two jest runs) cannot both decide
// that FerretDB is missing and start one each.
import fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { isAlive } from './processes.mjs';

/**
 * Runs `fn` while holding `lockFile` (created with O_EXCL, holding our pid).
 * A lock whose pid is dead is stale and taken over. Waits up to `timeoutMs`,
 * which must cover a first FerretDB build by the holder.
 */
export async function withLock(lockFile, fn, { timeoutMs = 15 * 60_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let announced = false;
  for (;;) {
    if (tryAcquire(lockFile)) break;
    const holder = readHolder(lockFile);
    if (holder === undefined ? isAbandoned(lockFile) : !isAlive(holder)) {
      // Remove only the stale file we inspected; if someone replaced it meanwhile, loop again.
      if (readHolder(lockFile) === holder) fs.rmSync(lockFile, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(`${lockFile} is held by pid ${holder} for over ${timeoutMs / 1000}s; if no testenv is running, delete it`);
    }
    if (!announced && holder !== undefined) {
      process.stderr.write(`testenv: waiting for another testenv (pid ${holder}) to finish…\n`);
      announced = true;
    }
    await sleep(200);
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lockFile, { force: true });
  }
}

function tryAcquire(lockFile) {
  let fd;
  try {
    fd = fs.openSync(lockFile, 'wx');
  } catch (err) {
    if (err.code === 'EEXIST') return false;
    throw err;
  }
  fs.writeSync(fd, String(process.pid));
  fs.closeSync(fd);
  return true;
}

// A holder that died between creating the file and writing its pid leaves it empty.
function isAbandoned(lockFile) {
  try {
    return Date.now() - fs.statSync(lockFile).mtimeMs > 10_000;
  } catch {
    return false;
  }
}

// undefined while the holder is between creating the file and writing its pid.
function readHolder(lockFile) {
  try {
    const pid = Number.parseInt(fs.readFileSync(lockFile, 'utf8'), 10);
    return Number.isInteger(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}
