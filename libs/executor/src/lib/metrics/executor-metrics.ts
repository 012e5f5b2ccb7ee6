import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { registerDefaultMetrics } from '@base-shift/observability';

/** How a leased job left this executor. */
export type JobOutcome = 'succeeded' | 'failed' | 'retrying' | 'timed_out' | 'cancelled' | 'released' | 'lease_lost';

/**
 * The executor's Prometheus metrics, in a registry of their own. Labels are
 * bounded sets (pool, outcome, step type); job ids never become labels.
 */
export class ExecutorMetrics {
  readonly registry = new Registry();

  private readonly jobs = new Counter({
    name: 'base_shift_executor_jobs_total',
    help: 'Jobs finished by this executor, by pool and outcome.',
    labelNames: ['pool', 'outcome'] as const,
    registers: [this.registry],
  });

  private readonly stepDuration = new Histogram({
    name: 'base_shift_executor_step_duration_seconds',
    help: 'Time spent running one step, by step type and outcome.',
    labelNames: ['type', 'outcome'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
    registers: [this.registry],
  });

  private readonly inFlight = new Gauge({
    name: 'base_shift_executor_jobs_in_flight',
    help: 'Jobs currently leased and running on this executor.',
    registers: [this.registry],
  });

  private readonly concurrency = new Gauge({
    name: 'base_shift_executor_concurrency_limit',
    help: 'Jobs this executor runs at once at most (CONCURRENCY).',
    registers: [this.registry],
  });

  private readonly renewFailures = new Counter({
    name: 'base_shift_executor_lease_renew_failures_total',
    help: 'Lease renewals that failed: "lost" when the queue refused the lease (expired or taken over), "error" when the heartbeat call itself failed.',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  private readonly egressRefusals = new Counter({
    name: 'base_shift_executor_egress_refusals_total',
    help: 'Outbound requests refused by the SSRF guard, by address class (or "scheme").',
    labelNames: ['class'] as const,
    registers: [this.registry],
  });

  // Same name as the control plane's: whichever process takes a stalled lease back counts it, so sum() is the total.
  private readonly stalledLeases = new Counter({
    name: 'base_shift_queue_stalled_leases_recovered_total',
    help: 'Expired leases (jobs of a dead or stuck executor) taken back into the queue by this process, by pool.',
    labelNames: ['pool'] as const,
    registers: [this.registry],
  });

  // Same name as the control plane's: every process counts the losses it noticed.
  private readonly redisDataLosses = new Counter({
    name: 'base_shift_redis_data_loss_total',
    help: 'Times this process found that Redis lost its data (the installation epoch changed or vanished).',
    registers: [this.registry],
  });

  constructor(options: { defaultMetrics?: boolean } = {}) {
    if (options.defaultMetrics ?? true) registerDefaultMetrics(this.registry);
  }

  setConcurrency(limit: number): void {
    this.concurrency.set(limit);
  }

  jobStarted(): void {
    this.inFlight.inc();
  }

  jobFinished(pool: string, outcome: JobOutcome): void {
    this.inFlight.dec();
    this.jobs.inc({ pool, outcome });
  }

  stepFinished(type: string, outcome: 'succeeded' | 'failed', seconds: number): void {
    this.stepDuration.observe({ type, outcome }, seconds);
  }

  leaseRenewFailed(reason: 'lost' | 'error', count = 1): void {
    this.renewFailures.inc({ reason }, count);
  }

  stalledLeasesRecovered(pool: string, count: number): void {
    if (count > 0) this.stalledLeases.inc({ pool }, count);
  }

  redisDataLost(): void {
    this.redisDataLosses.inc();
  }

  egressRefused(kind: string): void {
    this.egressRefusals.inc({ class: kind });
  }

  /** The text exposition format, for GET /metrics. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
