import type { RedisConnection } from '@base-shift/redis';
import { runPodScript } from '../lua/pod-scripts';
import type { LeaderElector } from './leader-elector.port';

export interface RedisLockElectorOptions {
  key: string;
  identity: string;
  leaseDurationMs: number;
}

/**
 * Leader election on a Redis lock (local driver, no Kubernetes): SET NX PX to
 * acquire, compare-and-set renewal and release in Lua, so a replica can only
 * extend or drop a lock it still holds. Expiry runs on the Redis server's clock.
 */
export class RedisLockElector implements LeaderElector {
  readonly identity: string;
  readonly leaseDurationMs: number;

  constructor(
    private readonly redis: RedisConnection,
    private readonly options: RedisLockElectorOptions,
  ) {
    this.identity = options.identity;
    this.leaseDurationMs = options.leaseDurationMs;
  }

  async tryAcquireOrRenew(): Promise<boolean> {
    const { key, identity, leaseDurationMs } = this.options;
    const renewed = (await runPodScript(this.redis, 'renew-leader', [key], [identity, leaseDurationMs])) as number;
    if (renewed === 1) return true;
    return (await this.redis.set(key, identity, 'PX', leaseDurationMs, 'NX')) === 'OK';
  }

  async release(): Promise<void> {
    await runPodScript(this.redis, 'release-leader', [this.options.key], [this.options.identity]);
  }

  /** Who holds the lock now, if anyone. */
  holder(): Promise<string | null> {
    return this.redis.get(this.options.key);
  }
}
