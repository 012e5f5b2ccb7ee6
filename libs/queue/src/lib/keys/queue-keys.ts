/** The Redis keys of one pool. All share the `{pool}` hash tag, so every script runs on one cluster slot. */
export interface PoolKeys {
  /** `<prefix>queue:{<pool>}:` — index bucket keys (`…ix:<bucket>`) are built from it inside the scripts. */
  readonly base: string;
  /** Sorted set of queued jobs; each member carries the whole job (see lua/includes/codec.lua). */
  readonly queued: string;
  /** Hash id → record of every job that is leased, delayed or dead-lettered. */
  readonly jobs: string;
  /** Sorted set id → lease expiry (ms). */
  readonly leased: string;
  /** Sorted set id → retry time (ms): jobs in RETRY_WAIT. */
  readonly delayed: string;
  /** Sorted set id → time the job was dead-lettered (ms). */
  readonly dead: string;
  /** Stream of outcomes (started, succeeded, retrying, failed, cancelled) for the workflow engine. */
  readonly results: string;
  /** List idle executors block on; a token wakes one of them. */
  readonly wake: string;
  /** Counter of the pool's generated job numbers. */
  readonly seq: string;
  /** Sorted set of creation seconds that still have queued jobs… */
  readonly ages: string;
  /** …and the hash of how many per second: the oldest queued job in O(log n). */
  readonly ageCounts: string;
}

/**
 * The one place queue key names are made. `prefix` isolates tests and
 * developer instances sharing a Redis: every key is `${prefix}queue:{<pool>}:…`.
 */
export class QueueKeys {
  constructor(readonly prefix = '') {}

  pool(pool: string): PoolKeys {
    const base = `${this.prefix}queue:{${pool}}:`;
    return {
      base,
      queued: `${base}queued`,
      jobs: `${base}jobs`,
      leased: `${base}leased`,
      delayed: `${base}delayed`,
      dead: `${base}dead`,
      results: `${base}results`,
      wake: `${base}wake`,
      seq: `${base}seq`,
      ages: `${base}ages`,
      ageCounts: `${base}age-counts`,
    };
  }
}
