// FerretDB v1 (MongoDB wire protocol over SQLite) for tests: built once from
// tools/ferretdb into a per-user cache, then started as a detached server.
import fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { ensureGoBinary, goBinaryPath } from './go-binary.mjs';
import { spawnDetached, spawned, tailFile } from './processes.mjs';

const FERRETDB_VERSION = 'v1.24.2';
const SOURCE_DIR = fileURLToPath(new URL('../ferretdb/', import.meta.url));
const READY_LINE = /^READY (mongodb:\/\/\S+)$/m;

/** Thrown when FerretDB cannot be built or does not come up. */
export class FerretError extends Error {
  name = 'FerretError';
}

const BUILD = { sourceDir: SOURCE_DIR, name: 'ferretdb', version: FERRETDB_VERSION };

/** Path of the cached binary for the current sources of tools/ferretdb. */
export function ferretBinaryPath() {
  return goBinaryPath(BUILD);
}

/** Returns the path of a runnable FerretDB binary, building it on first use (about a minute). */
export function ensureFerretBinary() {
  return ensureGoBinary({ ...BUILD, what: `FerretDB ${FERRETDB_VERSION}`, needs: 'set MONGO_URL to a running MongoDB-compatible server' });
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
