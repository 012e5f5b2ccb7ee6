import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateApiKey } from '@base-shift/auth';
import type { AuthConfig } from '../../src/app/auth/auth-config';

/** Generous limits: tests measure behaviour, not the rate limiter (auth-rate-limit.spec does that). */
export const TEST_RATE = { perSecond: 100_000, burst: 100_000 };

/**
 * A real admin key, made the way operators make the first one: a private file
 * named by AUTH_BOOTSTRAP_KEY_FILE, holding a key from generateApiKey().
 */
export class TestAdminKey {
  readonly key = generateApiKey();
  readonly file: string;
  private readonly dir: string;

  constructor() {
    this.dir = mkdtempSync(path.join(tmpdir(), 'bs-admin-key-'));
    this.file = path.join(this.dir, 'admin-key');
    writeFileSync(this.file, `${this.key}\n`, { mode: 0o600 });
  }

  /** `Authorization: Bearer <key>`, for supertest's `.set()` and fetch's `headers`. */
  get headers(): { authorization: string } {
    return { authorization: `Bearer ${this.key}` };
  }

  /** The config the app reads from AUTH_BOOTSTRAP_KEY_FILE (for apps built from a config object). */
  authConfig(): AuthConfig {
    return { mode: 'api-keys', bootstrapKeyFile: this.file, rate: TEST_RATE };
  }

  /** The environment of a config loaded by loadControlPlaneConfig or of a built app. */
  env(): Record<string, string> {
    return { AUTH_BOOTSTRAP_KEY_FILE: this.file, AUTH_RATE_PER_SECOND: String(TEST_RATE.perSecond), AUTH_RATE_BURST: String(TEST_RATE.burst) };
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
