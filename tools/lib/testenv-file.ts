import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** A value written by `node tools/testenv/index.mjs up` to .testenv/env (REDIS_URL, MONGO_URL, …), if the file has it. */
export function testenvFileValue(name: string): string | undefined {
  const file = path.join(ROOT, '.testenv/env');
  if (!existsSync(file)) return undefined;
  return readFileSync(file, 'utf8')
    .split('\n')
    .find((line) => line.startsWith(`${name}=`))
    ?.slice(name.length + 1);
}

/** The environment variable `name` when set (a developer's own server wins), else the test environment's value. */
export function envOrTestenv(name: string): string | undefined {
  return process.env[name] || testenvFileValue(name);
}

/**
 * The pid of the test environment's own FerretDB (the template store) when the
 * bench talks to it and it still runs: its CPU time is what template reads cost.
 * Undefined for a developer's own MongoDB (MONGO_URL set), which may serve others.
 */
export function testenvFerretPid(): number | undefined {
  if (process.env['MONGO_URL']) return undefined;
  const file = path.join(ROOT, '.testenv/state.json');
  if (!existsSync(file)) return undefined;
  const pid = (JSON.parse(readFileSync(file, 'utf8')) as { ferretdb?: { pid?: number } }).ferretdb?.pid;
  return pid !== undefined && existsSync(`/proc/${pid}/stat`) ? pid : undefined;
}
