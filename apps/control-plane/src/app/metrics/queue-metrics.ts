import { Counter, Gauge, type Registry } from 'prom-client';
import { METRIC_PREFIX } from '@base-shift/observability';
import type { JobQueue, QueueStats, SweepReport } from '@base-shift/queue';
import type { ScrapeReads } from './scrape-reads';

/** The queue's job states as labels: waiting, leased to an executor (in flight), waiting for a retry, dead-lettered. */
const STATES = ['queued', 'leased', 'delayed', 'dead'] as const;

/**
 * Queue metrics per pool. The gauges are read from Redis at scrape time
 * (JobQueue.stats, one script per pool), so every replica reports the same
 * truth; the stalled-lease counter is fed by this replica's housekeeping.
 */
export class QueueMetrics {
  private readonly stalledLeases: Counter<'pool'>;

  constructor(registry: Registry, queue: Pick<JobQueue, 'stats'>, pools: readonly string[], reads: ScrapeReads) {
    const registers = [registry];
    const stats = () => reads.read<QueueStats[]>('queue', () => Promise.all(pools.map((pool) => queue.stats(pool))));

    new Gauge<'pool' | 'state'>({
      name: `${METRIC_PREFIX}queue_jobs`,
      help: 'Jobs in the queue per pool and state: queued (waiting), leased (in flight), delayed (waiting for a retry), dead (dead-lettered). Read at scrape time.',
      labelNames: ['pool', 'state'],
      registers,
      async collect() {
        const all = await stats();
        this.reset();
        for (const pool of all ?? []) for (const state of STATES) this.set({ pool: pool.pool, state }, pool[state]);
      },
    });
    new Gauge<'pool'>({
      name: `${METRIC_PREFIX}queue_oldest_wait_seconds`,
      help: 'How long the oldest queued job of the pool has waited, in seconds (0 when none is queued). Read at scrape time.',
      labelNames: ['pool'],
      registers,
      async collect() {
        const all = await stats();
        this.reset();
        for (const pool of all ?? []) this.set({ pool: pool.pool }, pool.oldestWaitSeconds);
      },
    });
    new Gauge<'pool'>({
      name: `${METRIC_PREFIX}queue_unapplied_results`,
      help: "Job results of the pool the workflow engine has not applied yet: the control planes' lag behind the executors (admission refuses creates past WORKFLOW_MAX_UNAPPLIED_RESULTS). Read at scrape time.",
      labelNames: ['pool'],
      registers,
      async collect() {
        const all = await stats();
        this.reset();
        for (const pool of all ?? []) this.set({ pool: pool.pool }, pool.unappliedResults);
      },
    });
    this.stalledLeases = new Counter({
      name: `${METRIC_PREFIX}queue_stalled_leases_recovered_total`,
      help: 'Expired leases (jobs of a dead or stuck executor) taken back into the queue by this process, by pool.',
      labelNames: ['pool'],
      registers,
    });
    for (const pool of pools) this.stalledLeases.inc({ pool }, 0);
  }

  /** What one housekeeping sweep did. */
  recordSweep(reports: readonly SweepReport[]): void {
    for (const report of reports) if (report.reaped > 0) this.stalledLeases.inc({ pool: report.pool }, report.reaped);
  }
}
