import { Inject, Injectable } from '@nestjs/common';
import { JobQueue, type QueueStats } from '@base-shift/queue';
import {
  CONTROL_PLANE_CONFIG,
  DEFAULT_MAX_CREATES_IN_FLIGHT,
  DEFAULT_MAX_QUEUED_PER_POOL,
  DEFAULT_MAX_UNAPPLIED_RESULTS,
  type ControlPlaneConfig,
} from '../config/control-plane-config';
import { RetryLaterException } from '../http/retry-later.exception';

/** Retry-After (seconds) when this replica has too many creates in flight: they finish in milliseconds. */
export const BUSY_RETRY_AFTER_SECONDS = 1;
/** Retry-After (seconds) when a pool's queue is full: executors need a while to drain it. */
export const QUEUE_FULL_RETRY_AFTER_SECONDS = 5;
/** Retry-After (seconds) when the engine lags behind a pool's results: it applies hundreds a second. */
export const RESULTS_BACKLOG_RETRY_AFTER_SECONDS = 2;
/** How long a pool's stats are reused (see `poolStats`). */
export const QUEUED_COUNT_TTL_MS = 250;

/**
 * Back-pressure on POST /workflows, before anything is written, each answered
 * 429 with Retry-After:
 * - at most `workflowMaxCreatesInFlight` creates at once in this replica;
 * - no create whose jobs go to a pool that already holds
 *   `workflowMaxQueuedPerPool` queued jobs (the executors are behind);
 * - no create whose jobs go to a pool with `workflowMaxUnappliedResults`
 *   results the engine has not applied yet (the control planes are behind:
 *   admitting more would only grow that backlog, and every workflow's
 *   latency with it, while fewer of them finish per second).
 */
@Injectable()
export class WorkflowAdmission {
  private inFlight = 0;
  private readonly maxInFlight: number;
  private readonly maxQueued: number;
  private readonly maxUnapplied: number;
  private readonly stats = new Map<string, { at: number; stats: Promise<QueueStats> }>();

  constructor(
    @Inject(JobQueue) private readonly queue: Pick<JobQueue, 'stats'>,
    @Inject(CONTROL_PLANE_CONFIG) config: ControlPlaneConfig,
  ) {
    this.maxInFlight = config.workflowMaxCreatesInFlight ?? DEFAULT_MAX_CREATES_IN_FLIGHT;
    this.maxQueued = config.workflowMaxQueuedPerPool ?? DEFAULT_MAX_QUEUED_PER_POOL;
    this.maxUnapplied = config.workflowMaxUnappliedResults ?? DEFAULT_MAX_UNAPPLIED_RESULTS;
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

  /** The engine's admission hook: refuses a create whose jobs would go to a pool that is behind. */
  readonly admit = async (pools: readonly string[]): Promise<void> => {
    for (const pool of pools) {
      const { queued, unappliedResults } = await this.poolStats(pool);
      if (queued >= this.maxQueued) {
        throw new RetryLaterException(
          429,
          'Too Many Requests',
          `Pool ${JSON.stringify(pool)} already has ${queued} queued jobs (limit ${this.maxQueued}); retry later.`,
          QUEUE_FULL_RETRY_AFTER_SECONDS,
          'pool_queue_full',
        );
      }
      if (unappliedResults >= this.maxUnapplied) {
        throw new RetryLaterException(
          429,
          'Too Many Requests',
          `The workflow engine has ${unappliedResults} results of pool ${JSON.stringify(pool)} still to apply (limit ${this.maxUnapplied}); retry shortly.`,
          RESULTS_BACKLOG_RETRY_AFTER_SECONDS,
          'results_backlog',
        );
      }
    }
  };

  /**
   * A pool's stats, cached for QUEUED_COUNT_TTL_MS and shared by the creates
   * that ask meanwhile (one read in flight per pool). JobQueue.stats is one
   * cheap script, but at hundreds of creates/s reading it per create would
   * add a Redis round trip to each one and load Redis exactly when it is busiest;
   * the bounds are approximate anyway (every replica admits on its own), and
   * 250 ms of staleness overshoots them by at most rate × 0.25 s. A failed
   * read is not cached, and rethrown (Redis down → 503).
   */
  private poolStats(pool: string): Promise<QueueStats> {
    const now = Date.now();
    const cached = this.stats.get(pool);
    if (cached && now - cached.at < QUEUED_COUNT_TTL_MS) return cached.stats;
    const entry = { at: now, stats: this.queue.stats(pool) };
    this.stats.set(pool, entry);
    entry.stats.catch(() => {
      if (this.stats.get(pool) === entry) this.stats.delete(pool);
    });
    return entry.stats;
  }
}
