import { getLogger } from '@base-shift/core';
import { BackgroundLoop, type RedisConnection } from '@base-shift/redis';
import { QueueContext, type QueueOptions } from '../options/queue-context';
import { checkExecutorId, checkInt } from '../options/validation';

export interface QueueMaintenanceOptions extends QueueOptions {
  /** Period of start()'s sweeps (ms). Default 1000. */
  intervalMs?: number;
  /** Called with the report of each of start()'s sweeps (metrics). */
  onSweep?: (reports: readonly SweepReport[]) => void;
}

/** What one sweep of a pool did. */
export interface SweepReport {
  pool: string;
  promoted: number;
  reaped: number;
  trimmed: number;
}

// One script call handles at most this many jobs, so Redis never stalls on a backlog.
const SWEEP_LIMIT = 1000;

/**
 * Housekeeping that keeps delivery at-least-once and memory bounded: promote
 * due retries, take back expired leases, trim acknowledged results. Every
 * operation is one atomic script per pool, so every control-plane replica may
 * run it at the same time.
 */
export class QueueMaintenance {
  private readonly logger = getLogger(QueueMaintenance.name);
  private readonly context: QueueContext;
  private readonly loop: BackgroundLoop;

  constructor(
    redis: RedisConnection,
    private readonly options: QueueMaintenanceOptions,
  ) {
    this.context = new QueueContext(redis, options);
    const intervalMs = checkInt(options.intervalMs ?? 1000, '/options/intervalMs', 10, 3_600_000);
    this.loop = new BackgroundLoop({ name: 'queue maintenance', intervalMs, runAtStart: false, logger: this.logger, run: () => this.backgroundSweep() });
  }

  /** Moves due delayed jobs (RETRY_WAIT) into the queue; resolves to how many. */
  async promoteDue(pool: string): Promise<number> {
    const keys = this.context.pool(pool);
    let total = 0;
    for (;;) {
      const promoted = (await this.context.run(
        'promote-due',
        [keys.queued, keys.jobs, keys.delayed, keys.wake, keys.ages, keys.ageCounts],
        [keys.base, SWEEP_LIMIT],
      )) as number;
      total += promoted;
      if (promoted < SWEEP_LIMIT) return total;
    }
  }

  /**
   * Takes back every expired lease (stalled job): counted as a failed attempt,
   * requeued at once or dead-lettered on its last attempt. Resolves to how many.
   */
  async reapExpired(pool: string): Promise<number> {
    return this.requeueLeases(pool, '');
  }

  /**
   * Takes back at once every job leased by an executor known to be dead (the pod
   * health monitor calls this), in all configured pools or the given ones.
   */
  async requeueLeasesOf(executorId: string, pools: readonly string[] = this.context.pools): Promise<number> {
    checkExecutorId(executorId);
    let total = 0;
    for (const pool of pools) total += await this.requeueLeases(pool, executorId);
    return total;
  }

  /** Deletes result entries that every consumer group has acknowledged; resolves to how many. */
  async trimResults(pool: string): Promise<number> {
    const keys = this.context.pool(pool);
    return (await this.context.run('trim-results', [keys.results], [])) as number;
  }

  /** One sweep of every configured pool. */
  async sweep(): Promise<SweepReport[]> {
    const reports: SweepReport[] = [];
    for (const pool of this.context.pools) {
      reports.push({ pool, promoted: await this.promoteDue(pool), reaped: await this.reapExpired(pool), trimmed: await this.trimResults(pool) });
    }
    return reports;
  }

  /** Sweeps every intervalMs until stop(); a failed sweep is logged and retried with backoff. */
  start(): void {
    this.loop.start();
  }

  /** Stops sweeping and waits for a sweep in progress. */
  stop(): Promise<void> {
    return this.loop.stop();
  }

  private async backgroundSweep(): Promise<void> {
    const reports = await this.sweep();
    this.options.onSweep?.(reports);
    for (const r of reports) {
      if (r.reaped > 0) this.logger.warn(`pool ${r.pool}: took back ${r.reaped} expired lease(s)`);
    }
  }

  private async requeueLeases(pool: string, executorId: string): Promise<number> {
    const keys = this.context.pool(pool);
    let total = 0;
    for (;;) {
      const taken = (await this.context.run(
        'requeue-leases',
        [keys.queued, keys.jobs, keys.leased, keys.dead, keys.wake, keys.ages, keys.ageCounts, keys.results],
        [keys.base, executorId, SWEEP_LIMIT],
      )) as number;
      total += taken;
      if (taken < SWEEP_LIMIT) return total;
    }
  }
}
