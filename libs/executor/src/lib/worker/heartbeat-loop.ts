import { Logger } from '@nestjs/common';
import { withLogContext } from '@base-shift/observability';
import type { JobLeases } from '@base-shift/queue';
import { JobCancelledError, LeaseLostError } from '../errors/executor-errors';
import type { ExecutorMetrics } from '../metrics/executor-metrics';
import type { RunningJob } from './job-attempt';
import { jobLogFields } from './job-log-fields';

/**
 * Extends every held lease in one batched call, three times per lease period
 * (so one late or failed beat does not lose a lease). The queue's answer per
 * job drives the job: stale → abandon it (it runs elsewhere now), cancelled →
 * abort it; the worker then fails it, which the queue turns into 'cancelled'.
 */
export class HeartbeatLoop {
  private readonly logger = new Logger(HeartbeatLoop.name);
  private timer?: NodeJS.Timeout;
  private beating?: Promise<void>;

  constructor(
    private readonly executorId: string,
    private readonly leaseMs: number,
    private readonly leases: JobLeases,
    private readonly metrics: ExecutorMetrics,
    private readonly jobs: () => Iterable<RunningJob>,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => {
      // A slow beat is not overlapped by the next one: it would only queue more work on a struggling Redis.
      this.beating ??= this.beat().finally(() => (this.beating = undefined));
    }, Math.max(50, Math.floor(this.leaseMs / 3)));
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  async idle(): Promise<void> {
    await this.beating;
  }

  private async beat(): Promise<void> {
    const held = [...this.jobs()].filter((entry) => !entry.abandoned);
    if (held.length === 0) return;
    let results;
    try {
      results = await this.leases.heartbeat(
        this.executorId,
        held.map(({ job }) => ({ pool: job.pool, id: job.id, attempt: job.attempt })),
        this.leaseMs,
      );
    } catch (error) {
      this.metrics.leaseRenewFailed('error', held.length);
      this.logger.warn(`heartbeat for ${held.length} job(s) failed: ${(error as Error).message}`);
      return;
    }
    results.forEach((result, index) => {
      const entry = held[index];
      if (result.status === 'stale') {
        this.metrics.leaseRenewFailed('lost');
        if (entry.abandoned || entry.reporting) return;
        entry.abandoned = 'lease_lost';
        entry.controller.abort(new LeaseLostError('the lease was lost (expired and taken back, or a newer attempt runs); the result is dropped'));
        withLogContext(jobLogFields(entry.job), () => this.logger.warn('lease lost; abandoning the job'));
      } else if (result.status === 'cancelled' && !entry.controller.signal.aborted) {
        entry.controller.abort(new JobCancelledError('the job was cancelled by the control plane'));
        withLogContext(jobLogFields(entry.job), () => this.logger.log('job cancelled; aborting it'));
      }
    });
  }
}
