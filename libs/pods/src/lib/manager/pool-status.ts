import type { RedisConnection } from '@base-shift/redis';
import type { PodKeys } from '../keys/pod-keys';

/** One pool after an evaluation of the leader: what GET /pools and the gauges report. */
export interface PoolStatus {
  pool: string;
  desired: number;
  /** Pods that count as capacity: created, not deleting, not broken. */
  pods: number;
  ready: number;
  /** Pods draining after a delete. */
  deleting: number;
  queued: number;
  inFlight: number;
  delayed: number;
  dead: number;
  oldestWaitSeconds: number;
  /** What the evaluation did. */
  action: 'up' | 'down' | 'hold';
  /** Why it could not do all it wanted: backoff after API refusals, the creation rate limit, busy pods, the scale-down delay. */
  blockedBy?: 'api-backoff' | 'rate-limit' | 'busy-pods' | 'scale-down-delay';
  /** The last API refusal, while backing off. */
  lastError?: string;
  /** When the leader evaluated (ms) and who it was. */
  evaluatedAt: number;
  leader: string;
}

/** The leader's pool statuses in Redis (one hash), so every replica serves the same numbers. */
export class PoolStatusStore {
  constructor(
    private readonly redis: RedisConnection,
    private readonly keys: PodKeys,
  ) {}

  async write(statuses: readonly PoolStatus[]): Promise<void> {
    if (statuses.length === 0) return;
    await this.redis.hset(this.keys.status, ...statuses.flatMap((status) => [status.pool, JSON.stringify(status)]));
  }

  async read(): Promise<PoolStatus[]> {
    const fields = await this.redis.hgetall(this.keys.status);
    return Object.values(fields).map((json) => JSON.parse(json) as PoolStatus);
  }
}
