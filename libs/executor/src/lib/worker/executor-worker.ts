import { Logger } from '@nestjs/common';
import { withLogContext } from '@base-shift/observability';
import type { JobLeases, LeasedJob, QueueMaintenance } from '@base-shift/queue';
import { JobReleasedError } from '../errors/executor-errors';
import type { JobRunner } from '../job/job-runner';
import type { ExecutorMetrics, JobOutcome } from '../metrics/executor-metrics';
import type { TemplateSnapshotStore } from '../templates/template-snapshot-store';
import { HeartbeatLoop } from './heartbeat-loop';
import { LeaseReaper } from './lease-reaper';
import { runJobAttempt, type JobAttemptDependencies, type RunningJob } from './job-attempt';
import { jobLogFields } from './job-log-fields';
import { pause } from './pause';
import { SettlementBatcher } from './settlement-batcher';

export interface ExecutorWorkerOptions {
  executorId: string;
  pools: readonly string[];
  concurrency: number;
  leaseMs: number;
  /** How long running jobs may finish after stop() before they are released. */
  shutdownGraceMs: number;
  /** How long one lease call waits for work when the pools are empty. Default 5000. */
  blockMs?: number;
  /** Largest output JSON the queue accepts (its maxPayloadBytes). Default 1 MiB. */
  maxOutputBytes?: number;
}

export interface ExecutorWorkerDependencies {
  leases: JobLeases;
  templates: TemplateSnapshotStore;
  jobRunner: JobRunner;
  metrics: ExecutorMetrics;
  /** When given, expired leases of the served pools are taken back here too (safe on every replica). */
  maintenance?: QueueMaintenance;
}

/**
 * The agent's loop: lease as many jobs as there are free slots (blocking while
 * the pools are empty), run each with an AbortSignal (timeout, cancel, lost
 * lease), keep the leases alive with batched heartbeats, and settle every
 * lease exactly once: complete, fail, or release at shutdown.
 */
export class ExecutorWorker {
  private readonly logger = new Logger(ExecutorWorker.name);
  private readonly running = new Map<string, RunningJob>();
  private readonly settlements: SettlementBatcher;
  private readonly attemptDeps: JobAttemptDependencies;
  private readonly heartbeats: HeartbeatLoop;
  private readonly stopLeasing = new AbortController();
  private slotWaiters: Array<() => void> = [];
  private loop?: Promise<void>;
  private stopping?: Promise<void>;
  private readonly reaper?: LeaseReaper;

  constructor(
    private readonly options: ExecutorWorkerOptions,
    private readonly deps: ExecutorWorkerDependencies,
  ) {
    this.settlements = new SettlementBatcher(deps.leases);
    this.attemptDeps = { templates: deps.templates, jobRunner: deps.jobRunner, settlements: this.settlements, maxOutputBytes: options.maxOutputBytes ?? 1024 * 1024 };
    this.heartbeats = new HeartbeatLoop(options.executorId, options.leaseMs, deps.leases, deps.metrics, () => this.running.values());
    if (deps.maintenance) this.reaper = new LeaseReaper(deps.maintenance, options.pools, options.leaseMs, deps.metrics);
    deps.metrics.setConcurrency(options.concurrency);
  }

  /** Jobs running now. */
  get inFlight(): number {
    return this.running.size;
  }

  start(): void {
    if (this.loop) return;
    this.heartbeats.start();
    this.reaper?.start();
    this.loop = this.leaseLoop();
  }

  /** Stops leasing, lets running jobs finish within the grace period, releases the rest. Idempotent. */
  stop(): Promise<void> {
    this.stopping ??= this.shutdown();
    return this.stopping;
  }

  private async leaseLoop(): Promise<void> {
    const signal = this.stopLeasing.signal;
    let failures = 0;
    while (!signal.aborted) {
      const free = this.options.concurrency - this.running.size;
      if (free <= 0) {
        await new Promise<void>((resolve) => this.slotWaiters.push(resolve));
        continue;
      }
      try {
        const jobs = await this.deps.leases.lease(this.options.pools, this.options.executorId, {
          count: free,
          leaseMs: this.options.leaseMs,
          blockMs: this.options.blockMs ?? 5000,
          signal,
        });
        failures = 0;
        for (const job of jobs) this.launch(job);
      } catch (error) {
        if (signal.aborted) break;
        failures += 1;
        this.logger.warn(`leasing jobs failed (${(error as Error).message}); trying again`);
        await pause(Math.min(5000, 100 * 2 ** Math.min(failures, 6)), signal);
      }
    }
  }

  private launch(job: LeasedJob): void {
    const controller = new AbortController();
    const entry = { job, controller, reporting: false } as RunningJob;
    const key = `${job.pool}\n${job.id}`;
    this.running.set(key, entry);
    this.deps.metrics.jobStarted();
    // Every line logged while the job runs (steps included) names it: workflowId, jobId, attempt, templateId.
    entry.done = withLogContext(jobLogFields(job), () =>
      runJobAttempt(entry, this.attemptDeps).catch((error: unknown): JobOutcome => {
        // Not reported: the lease expires and the job runs again.
        this.logger.error(`job ${job.id} (pool ${job.pool}): ${(error as Error).message}`);
        return 'lease_lost';
      }),
    ).then((outcome) => {
        this.deps.metrics.jobFinished(job.pool, outcome);
        this.running.delete(key);
        const waiters = this.slotWaiters;
        this.slotWaiters = [];
        waiters.forEach((wake) => wake());
      });
  }

  private async shutdown(): Promise<void> {
    this.stopLeasing.abort();
    this.slotWaiters.forEach((wake) => wake());
    await this.loop;
    const grace = new Promise<void>((resolve) => setTimeout(resolve, this.options.shutdownGraceMs).unref());
    await Promise.race([Promise.all([...this.running.values()].map((entry) => entry.done)), grace]);

    const left = [...this.running.values()].filter((entry) => !entry.reporting && !entry.abandoned);
    if (left.length > 0) await this.release(left);
    await Promise.all([...this.running.values()].map((entry) => entry.done));
    await this.settlements.drain();
    this.heartbeats.stop();
    this.reaper?.stop();
    await this.heartbeats.idle();
  }

  /** Hands unfinished jobs back to the queue at once (not counted as failures), then aborts them. */
  private async release(entries: RunningJob[]): Promise<void> {
    for (const entry of entries) entry.abandoned = 'released';
    const byPool = new Map<string, RunningJob[]>();
    for (const entry of entries) byPool.set(entry.job.pool, [...(byPool.get(entry.job.pool) ?? []), entry]);
    for (const [pool, group] of byPool) {
      try {
        const outcomes = await this.deps.leases.releaseMany(pool, group.map((entry) => ({ id: entry.job.id, attempt: entry.job.attempt })));
        this.logger.log(`released ${group.length} unfinished job(s) of pool ${pool}: ${outcomes.join(', ')}`);
      } catch (error) {
        this.logger.error(`releasing jobs of pool ${pool} failed (${(error as Error).message}); their leases will expire instead`);
      }
    }
    for (const entry of entries) entry.controller.abort(new JobReleasedError('the executor is shutting down; the job was handed back to the queue'));
  }
}
