import type { RedisConnection } from '@base-shift/redis';
import type { WorkflowKeys } from './workflow-keys';
import type { WorkflowStore } from './workflow-store';
import type { WorkflowTimers } from './workflow-timers';

/** Index entries read per ZSCAN round. */
const PAGE_SIZE = 200;

/**
 * Workflows that finished before finished workflows expired were kept for
 * ever, inputs included. One pass over `workflow-index` gives each of them the
 * expiry the scripts give a workflow when it finishes (backfill-retention-7.lua)
 * and arms its timer, so the sweeper drops its index entries once it is gone.
 * A marker key records that the pass ended: later passes (every replica, every
 * start) read one key. Safe to run on several replicas at once: the script does
 * nothing for a workflow that already expires.
 */
export class RetentionBackfill {
  constructor(
    private readonly redis: RedisConnection,
    private readonly keys: WorkflowKeys,
    private readonly store: Pick<WorkflowStore, 'backfillRetention'>,
    private readonly timers: Pick<WorkflowTimers, 'arm'>,
    private readonly retentionSeconds: number,
  ) {}

  /** Runs the pass unless it already ended; answers how many workflows were given an expiry. */
  async run(): Promise<number> {
    const marker = this.keys.retentionBackfilled();
    if ((await this.redis.exists(marker)) === 1) return 0;
    let given = 0;
    let cursor = '0';
    do {
      // ZSCAN returns every member present for the whole scan, even while entries come and go.
      const [next, flat] = await this.redis.zscan(this.keys.index(), cursor, 'COUNT', PAGE_SIZE);
      cursor = next;
      for (let i = 0; i < flat.length; i += 2) {
        const id = flat[i];
        const at = await this.store.backfillRetention(id, this.retentionSeconds);
        if (at) {
          await this.timers.arm(id, at + 1);
          given += 1;
        }
      }
    } while (cursor !== '0');
    await this.redis.set(marker, String(Date.now()));
    return given;
  }
}
