import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SECRET_NAME_PATTERN } from '@base-shift/steps';
import { SecretMissingError } from '../errors/executor-errors';
import type { Redactor } from './redactor';

/**
 * Variables of the executor's own configuration (and of the process) that a
 * template must never read through `${NAME}`: `${JOB_QUEUE_URL}` in a header
 * would send the queue's credentials to any API a template author chooses.
 */
const RESERVED_ENV_NAMES = new Set([
  'JOB_QUEUE_URL',
  'REDIS_URL',
  'QUEUE_PREFIX',
  'EXECUTOR_ID',
  'POD_NAME',
  'POOLS',
  'CONCURRENCY',
  'METRICS_PORT',
  'LOG_LEVEL',
  'SHUTDOWN_GRACE_SECONDS',
  'LEASE_SECONDS',
  'SECRETS_DIR',
  'EGRESS_ALLOW',
  'PATH',
  'HOME',
  'HOSTNAME',
  'NODE_OPTIONS',
  'NODE_ENV',
]);

export interface SecretResolverOptions {
  /** Directory of a mounted Kubernetes Secret: one file per key. */
  secretsDir?: string;
  env?: Readonly<Record<string, string | undefined>>;
  redactor: Redactor;
  /** How long a value read from a file is reused (default 5 s); a rotated Secret is seen after at most this long. */
  fileCacheMs?: number;
}

/**
 * Fills `${NAME}` from `SECRETS_DIR/NAME` (re-read every few seconds, so a
 * rotated Secret is picked up) or else from the environment. Every value handed
 * out is given to the redactor first, so it is blanked wherever it could surface later.
 */
export class SecretResolver {
  private readonly fileCache = new Map<string, { value: string | undefined; readAt: number }>();

  constructor(private readonly options: SecretResolverOptions) {}

  resolve(name: string): string {
    const value = this.fromFile(name) ?? this.fromEnv(name);
    if (value === undefined) throw new SecretMissingError(name, this.describeSources(name));
    this.options.redactor.remember(value);
    return value;
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
      return readFileSync(path.join(this.options.secretsDir as string, name), 'utf8').replace(/\r?\n$/, '');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  private fromEnv(name: string): string | undefined {
    if (RESERVED_ENV_NAMES.has(name) || name.startsWith('NODE_') || name.startsWith('KUBERNETES_')) return undefined;
    const value = (this.options.env ?? process.env)[name];
    return value === undefined || value === '' ? undefined : value;
  }

  private describeSources(name: string): string {
    const file = this.options.secretsDir ? `${path.join(this.options.secretsDir, name)} and ` : '';
    const reserved = RESERVED_ENV_NAMES.has(name) || name.startsWith('NODE_') || name.startsWith('KUBERNETES_');
    return reserved
      ? `${file || 'SECRETS_DIR (not set); '}the environment variable is reserved for the executor itself`
      : `${file}the environment variable ${name}`;
  }
}
