import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateApiKey } from '@base-shift/auth';

export interface AdminKey {
  /** The key itself, for `authorization: Bearer …`. */
  key: string;
  /** The file the control plane reads it from (AUTH_BOOTSTRAP_KEY_FILE). */
  file: string;
  /** Removes the file (and the temp directory, when this created it). */
  remove(): void;
}

/**
 * A fresh bootstrap admin key in a 0600 file: in `dir` when given, else in a
 * private temp directory of its own. A file, not an environment variable, so
 * the key never shows in the process list.
 */
export function createAdminKey(dir?: string): AdminKey {
  const keyDir = dir ?? mkdtempSync(path.join(tmpdir(), 'bs-bench-key-'));
  const file = path.join(keyDir, 'admin-key');
  const key = generateApiKey();
  writeFileSync(file, key, { mode: 0o600 });
  return { key, file, remove: () => rmSync(dir ? file : keyDir, { recursive: true, force: true }) };
}
