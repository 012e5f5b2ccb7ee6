import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** Writes a run's report as JSON to `<dir>/<name>` (dir relative to the repository, created if missing; git-ignored); returns the path relative to the repository. */
export function writeResultFile(dir: string, name: string, report: unknown): string {
  mkdirSync(path.join(ROOT, dir), { recursive: true });
  const file = path.join(ROOT, dir, name);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return path.relative(ROOT, file);
}
