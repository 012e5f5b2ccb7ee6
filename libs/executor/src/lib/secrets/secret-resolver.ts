import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SECRET_NAME_PATTERN, SecretBindings } from '@base-shift/steps';
import { SecretDestinationRefusedError, SecretMissingError } from '../errors/executor-errors';
import type { Redactor } from './redactor';

export interface SecretResolverOptions {
  /** Directory of a mounted Kubernetes Secret: one file per key. */
  secretsDir?: string;
  /** The pool's bindings (SECRET_BINDINGS): only these names resolve, each only for its hosts. */
  bindings: SecretBindings;
  redactor: Redactor;
  /** How long a value read from a file is reused (default 5 s); a rotated Secret is seen after at most this long. */
  fileCacheMs?: number;
}

/**
 * Fills `${NAME}` from `SECRETS_DIR/NAME` (re-read every few seconds, so a
 * rotated Secret is picked up), and only for names the pool binds: there is
 * no fallback to environment variables, which would let a template read the
 * executor's own configuration. Every value handed out is given to the
 * redactor first, so it is blanked wherever it could surface later.
 */
export class SecretResolver {
  private readonly fileCache = new Map<string, { value: string | undefined; readAt: number }>();

  constructor(private readonly options: SecretResolverOptions) {}

  /**
   * Throws unless every secret in `names` may go to `host`; called for each
   * request (and redirect hop) before it connects.
   */
  checkDestination(names: readonly string[], host: string): void {
    for (const name of names) {
      if (!this.options.bindings.declares(name)) throw this.undeclared(name);
      if (!this.options.bindings.allows(name, host)) throw new SecretDestinationRefusedError(name, host, this.options.bindings.hostsOf(name));
    }
  }

  resolve(name: string): string {
    if (!this.options.bindings.declares(name)) throw this.undeclared(name);
    const value = this.fromFile(name);
    if (value === undefined) {
      throw new SecretMissingError(name, this.options.secretsDir ? path.join(this.options.secretsDir, name) : 'SECRETS_DIR, which is not set');
    }
    this.options.redactor.remember(value);
    return value;
  }

  private undeclared(name: string): SecretMissingError {
    return new SecretMissingError(name, "this pool's SECRET_BINDINGS, which does not declare it");
  }

  private fromFile(name: string): string | undefined {
    // The name pattern (no dots, no slashes) is what keeps this read inside the directory.
    if (!this.options.secretsDir || !SECRET_NAME_PATTERN.test(name)) return undefined;
    const cached = this.fileCache.get(name);
    const now = Date.now();
    if (cached && now - cached.readAt < (this.options.fileCacheMs ?? 5000)) return cached.value;
    const value = this.readFile(name);
    this.fileCache.set(name, { value, readAt: now });
    return value;
  }

  private readFile(name: string): string | undefined {
    try {
      // Files written by hand usually end with one newline that is not part of the value.
      const value = readFileSync(path.join(this.options.secretsDir as string, name), 'utf8').replace(/\r?\n$/, '');
      return value === '' ? undefined : value;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }
}
