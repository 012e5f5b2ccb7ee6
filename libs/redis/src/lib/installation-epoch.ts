import { randomUUID } from 'node:crypto';
import { getLogger, type Logger } from '@base-shift/core';
import { BackgroundLoop } from './background-loop';
import type { RedisConnection } from './redis-connection';

/**
 * The key of the installation epoch. Under `queue:` because that is the one
 * key family both Redis users may touch (see redis-acl.ts).
 */
export function installationEpochKey(prefix = ''): string {
  return `${prefix}queue:epoch`;
}

export interface InstallationEpochOptions {
  /** REDIS_KEY_PREFIX. */
  prefix?: string;
  /** Called once per loss noticed, after the new epoch is known: count it, recreate structures. */
  onLoss?: (previous: string, current: string) => Promise<void> | void;
  /** How often start() re-reads the epoch (default 5 s): a loss is noticed within this. */
  checkIntervalMs?: number;
  logger?: Logger;
}

/**
 * A random id written once (SET NX) into Redis. Every process reads it at
 * start and again on its background loops: when it changed or vanished, Redis
 * lost its data (restarted empty, failed over to an empty replica, flushed),
 * and whatever the process assumed exists (consumer groups, scripts' keys)
 * must be re-established. Each process reports a loss once, however many
 * processes race to write the new epoch.
 */
export class InstallationEpoch {
  private readonly key: string;
  private readonly logger: Logger;
  private readonly loop: BackgroundLoop;
  private known: string | undefined;

  constructor(
    private readonly redis: RedisConnection,
    private readonly options: InstallationEpochOptions = {},
  ) {
    this.key = installationEpochKey(options.prefix);
    this.logger = options.logger ?? getLogger(InstallationEpoch.name);
    const intervalMs = options.checkIntervalMs ?? 5000;
    // While Redis is down the rounds fail; retry at the interval at most, so a loss is noticed soon after it is back.
    this.loop = new BackgroundLoop({
      name: 'installation-epoch',
      run: async () => void (await this.check()),
      intervalMs,
      maxErrorDelayMs: intervalMs,
      logger: this.logger,
    });
  }

  /** Checks now and then every interval, in the background; never waits for Redis. */
  start(): void {
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** The epoch this process last saw (undefined before the first check). */
  get current(): string | undefined {
    return this.known;
  }

  /** Reads (or first writes) the epoch; true when it differs from the one seen before, i.e. Redis lost its data. */
  async check(): Promise<boolean> {
    let epoch = await this.redis.get(this.key);
    if (epoch === null) {
      // Only one writer wins; every process then reads the same winner.
      await this.redis.set(this.key, randomUUID(), 'NX');
      epoch = await this.redis.get(this.key);
      if (epoch === null) throw new Error(`the installation epoch ${this.key} vanished right after it was written`);
    }
    const previous = this.known;
    this.known = epoch;
    if (previous === undefined || previous === epoch) return false;
    this.logger.error(`Redis lost its data: epoch ${previous} → ${epoch}`);
    await this.options.onLoss?.(previous, epoch);
    return true;
  }
}
