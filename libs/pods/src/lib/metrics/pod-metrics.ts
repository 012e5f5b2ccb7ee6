import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { PoolStatus } from '../manager/pool-status';
import type { TemplateUsage } from '../templates/template-usage';

export interface PodMetricsSources {
  /** The leader's last evaluation of every pool (from Redis: every replica reports the same). */
  poolStatuses(): Promise<PoolStatus[]>;
  /** Observed template runs and the pool each template needs. */
  templateUsage(): Promise<TemplateUsage[]>;
}

const DURATION_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800];

/**
 * The pod manager's Prometheus metrics. Gauges of pool sizes are read at scrape
 * time from what the leader stored, so followers report the same truth; counters
 * count what this replica did (only the leader acts, so sum() over replicas).
 */
export class PodMetrics {
  private readonly decisions: Counter<'pool' | 'direction'>;
  private readonly apiErrors: Counter<'pool' | 'code'>;
  private readonly replacements: Counter<'pool' | 'reason'>;
  private readonly requeued: Counter<'pool'>;
  private readonly orphans: Counter;
  private readonly relists: Counter<'reason'>;
  private readonly oomKills: Counter<'pool' | 'template'>;
  private readonly durations: Histogram<'pool' | 'template'>;
  private readonly leader: Gauge;

  constructor(registry: Registry, sources: PodMetricsSources) {
    const registers = [registry];
    this.decisions = new Counter({
      name: 'base_shift_autoscaler_decisions_total',
      help: 'Autoscaler scale actions taken, by pool and direction (up, down).',
      labelNames: ['pool', 'direction'],
      registers,
    });
    this.apiErrors = new Counter({
      name: 'base_shift_pod_api_errors_total',
      help: 'Pod API calls refused or failed, by pool and HTTP status code (0: unreachable).',
      labelNames: ['pool', 'code'],
      registers,
    });
    this.replacements = new Counter({
      name: 'base_shift_pod_replacements_total',
      help: 'Broken executor pods deleted for replacement, by pool and reason (Failed, OOMKilled, CrashLoopBackOff, Unknown, NotReady, Completed).',
      labelNames: ['pool', 'reason'],
      registers,
    });
    this.requeued = new Counter({
      name: 'base_shift_executor_lost_jobs_requeued_total',
      help: 'Jobs taken back at once from executor pods that died or vanished, by pool.',
      labelNames: ['pool'],
      registers,
    });
    this.orphans = new Counter({
      name: 'base_shift_orphan_pods_deleted_total',
      help: 'Executor pods deleted because no live control plane owns them.',
      registers,
    });
    this.relists = new Counter({
      name: 'base_shift_pod_watch_relists_total',
      help: 'Full relists of the executor pod watch, by reason (initial, expired: 410 Gone).',
      labelNames: ['reason'],
      registers,
    });
    this.oomKills = new Counter({
      name: 'base_shift_template_oom_kills_total',
      help: 'Jobs whose executor pod was OOMKilled while running them, by pool and template.',
      labelNames: ['pool', 'template'],
      registers,
    });
    this.durations = new Histogram({
      name: 'base_shift_template_job_duration_seconds',
      help: 'Observed run time of job attempts (lease to outcome), by pool and template.',
      labelNames: ['pool', 'template'],
      buckets: DURATION_BUCKETS,
      registers,
    });
    this.leader = new Gauge({
      name: 'base_shift_control_plane_leader',
      help: '1 while this control-plane replica leads (runs the autoscaler and health monitor), else 0.',
      registers,
    });
    this.leader.set(0);

    new Gauge({
      name: 'base_shift_executor_pods_desired',
      help: 'Executor pods the autoscaler wants per pool, at its last evaluation.',
      labelNames: ['pool'],
      registers,
      async collect() {
        await fill(this, sources, (status) => status.desired);
      },
    });
    new Gauge({
      name: 'base_shift_executor_pods_ready',
      help: 'Executor pods that are Ready per pool, at the last evaluation.',
      labelNames: ['pool'],
      registers,
      async collect() {
        await fill(this, sources, (status) => status.ready);
      },
    });
    new Gauge({
      name: 'base_shift_executor_pods',
      help: 'Executor pods that count as capacity (created, not deleting, not broken) per pool, at the last evaluation.',
      labelNames: ['pool'],
      registers,
      async collect() {
        await fill(this, sources, (status) => status.pods);
      },
    });
    new Gauge({
      name: 'base_shift_template_recommended_pool',
      help: "Info metric: 1 for the pool a template's jobs need according to observed runs (template, pool = where it ran, recommended_pool).",
      labelNames: ['template', 'pool', 'recommended_pool'],
      registers,
      async collect() {
        this.reset();
        try {
          for (const usage of await sources.templateUsage()) {
            this.set({ template: usage.templateId, pool: usage.pool, recommended_pool: usage.recommendedPool }, 1);
          }
        } catch {
          // Redis unreachable: no series this scrape rather than a failed scrape.
        }
      },
    });
  }

  decision(pool: string, direction: 'up' | 'down'): void {
    this.decisions.inc({ pool, direction });
  }

  apiError(pool: string, status: number): void {
    this.apiErrors.inc({ pool, code: String(status) });
  }

  replaced(pool: string, reason: string): void {
    this.replacements.inc({ pool, reason });
  }

  requeuedJobs(pool: string, count: number): void {
    if (count > 0) this.requeued.inc({ pool }, count);
  }

  orphanDeleted(): void {
    this.orphans.inc();
  }

  relisted(reason: string): void {
    this.relists.inc({ reason });
  }

  oomKilled(pool: string, template: string, count: number): void {
    if (count > 0) this.oomKills.inc({ pool, template }, count);
  }

  jobRun(pool: string, template: string, seconds: number): void {
    this.durations.observe({ pool, template }, seconds);
  }

  leading(isLeader: boolean): void {
    this.leader.set(isLeader ? 1 : 0);
  }
}

async function fill(gauge: Gauge<'pool'>, sources: PodMetricsSources, value: (status: PoolStatus) => number): Promise<void> {
  try {
    const statuses = await sources.poolStatuses();
    gauge.reset();
    for (const status of statuses) gauge.set({ pool: status.pool }, value(status));
  } catch {
    // Redis unreachable: keep the last values rather than fail the whole scrape.
  }
}
