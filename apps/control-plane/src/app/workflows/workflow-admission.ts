import { Inject, Injectable } from '@nestjs/common';
import { JobQueue } from '@base-shift/queue';
import { CONTROL_PLANE_CONFIG, DEFAULT_MAX_CREATES_IN_FLIGHT, DEFAULT_MAX_QUEUED_PER_POOL, type ControlPlaneConfig } from '../config/control-plane-config';
import { RetryLaterException } from '../http/retry-later.exception';

/** Retry-After (seconds) when this replica has too many creates in flight: they finish in milliseconds. */
export const BUSY_RETRY_AFTER_SECONDS = 1;
/** Retry-After (seconds) when a pool's queue is full: executors need a while to drain it. */
export const QUEUE_FULL_RETRY_AFTER_SECONDS = 5;
/** How long a pool's queued count is reused (see `queuedCount`). */
export const QUEUED_COUNT_TTL_MS = 250;

/**
 * Back-pressure on POST /workflows: at most `workflowMaxCreatesInFlight`
 * creates at once in this replica, and no create whose jobs go to a pool that
 * already holds `workflowMaxQueuedPerPool` queued jobs. Both answer 429 with
 * Retry-After, before anything is written.
 */
@Injectable()
export class WorkflowAdmission {
  private inFlight = 0;
  private readonly maxInFlight: number;
  private readonly maxQueued: number;
  private readonly counts = new Map<string, { at: number; queued: Promise<number> }>();

  constructor(
    @Inject(JobQueue) private readonly queue: Pick<JobQueue, 'stats'>,
    @Inject(CONTROL_PLANE_CONFIG) config: ControlPlaneConfig,
  ) {
    this.maxInFlight = config.workflowMaxCreatesInFlight ?? DEFAULT_MAX_CREATES_IN_FLIGHT;
    this.maxQueued = config.workflowMaxQueuedPerPool ?? DEFAULT_MAX_QUEUED_PER_POOL;
  }

  /** Takes a create slot, or answers null when none is left; call the returned function when the create ends. */
  tryEnter(): (() => void) | null {
    if (this.inFlight >= this.maxInFlight) return null;
    this.inFlight += 1;
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.inFlight -= 1;
    };
  }

  /** The 429 for a create that found no slot left. */
  busy(): RetryLaterException {
    return new RetryLaterException(
      429,
      'Too Many Requests',
      `This replica is already handling ${this.maxInFlight} workflow creations; retry shortly.`,
      BUSY_RETRY_AFTER_SECONDS,
      'creates_in_flight',
    );
  }

  /** The engine's admission hook: refuses a create whose jobs would go to a full pool. */
  readonly admit = async (pools: readonly string[]): Promise<void> => {
    for (const pool of pools) {
      const queued = await this.queuedCount(pool);
      if (queued >= this.maxQueued) {
        throw new RetryLaterException(
          429,
          'Too Many Requests',
          `Pool ${JSON.stringify(pool)} already has ${queued} queued jobs (limit ${this.maxQueued}); retry later.`,
          QUEUE_FULL_RETRY_AFTER_SECONDS,
          'pool_queue_full',
        );
      }
    }
  };

  /**
   * A pool's queued count, cached for QUEUED_COUNT_TTL_MS and shared by the
   * creates that ask meanwhile (one read in flight per pool). JobQueue.stats is
   * one cheap script, but at hundreds of creates/s reading it per create would
   * add a Redis round trip to each one and load Redis exactly when it is busiest;
   * the bound is approximate anyway (every replica admits on its own), and
   * 250 ms of staleness overshoots it by at most rate × 0.25 s jobs. A failed
   * read is not cached, and rethrown (Redis down → 503).
   */
  private queuedCount(pool: string): Promise<number> {
    const now = Date.now();
    const cached = this.counts.get(pool);
    if (cached && now - cached.at < QUEUED_COUNT_TTL_MS) return cached.queued;
    const queued = this.queue.stats(pool).then((stats) => stats.queued);
    const entry = { at: now, queued };
    this.counts.set(pool, entry);
    queued.catch(() => {
      if (this.counts.get(pool) === entry) this.counts.delete(pool);
    });
    return queued;
  }
}
