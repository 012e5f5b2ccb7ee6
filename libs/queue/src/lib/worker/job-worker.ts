import { Logger } from '@nestjs/common';
import type { JobLeases } from '../leases/job-leases';
import type { JobError, JobRef, LeasedJob } from '../model/job-types';
import type { JsonValue } from '../model/json';
import { checkExecutorId, checkInt } from '../options/validation';
import { SettlementBuffer, type SettledListener } from './settlement-buffer';

/** Why a running job's signal was aborted. */
export type AbortReason = 'cancelled' | 'lease_lost' | 'shutdown';

export interface JobContext {
  /** Aborted when the job was cancelled, its lease was lost, or the worker shuts down; `signal.reason` is an AbortReason. */
  signal: AbortSignal;
}

/** Runs one job; what it returns (JSON) is the job's output. Throwing fails the attempt (see toJobError). */
export type JobHandler = (job: LeasedJob, context: JobContext) => Promise<JsonValue | void> | JsonValue | void;

export interface JobWorkerOptions {
  pools: readonly string[];
  executorId: string;
  /** Jobs run at once (1–1000). */
  concurrency: number;
  handler: JobHandler;
  /** Lease length (ms). Default 30000. */
  leaseMs?: number;
  /** Heartbeat period (ms). Default leaseMs / 3. */
  heartbeatMs?: number;
  /** How long one idle wait for jobs blocks before it is renewed (ms). Default 5000. */
  blockMs?: number;
  /** Turns what the handler threw into a JobError. Default: `retryable` unless the error has `retryable: false`. */
  toJobError?: (error: unknown) => JobError;
  /** Called once a job's result is recorded in Redis (or refused as stale): for metrics. */
  onSettled?: SettledListener;
}

interface Running {
  job: LeasedJob;
  controller: AbortController;
  /** Set when the lease is lost or handed back: the handler's result must not be reported. */
  abandoned: boolean;
}

/**
 * The executor loop on top of JobLeases: keeps `concurrency` jobs running,
 * leases as many as there are free slots in one call, blocks (no polling) when
 * the pools are empty, heartbeats every running lease in one call per pool, and
 * batches completions and failures (SettlementBuffer). stop() hands back what
 * does not finish within the grace period.
 */
export class JobWorker {
  private readonly logger = new Logger(JobWorker.name);
  private readonly running = new Map<string, Running>();
  private readonly settlements: SettlementBuffer;
  private readonly stopController = new AbortController();
  private readonly leaseMs: number;
  private readonly heartbeatMs: number;
  private readonly blockMs: number;
  private readonly concurrency: number;
  private loop?: Promise<void>;
  private heartbeatTimer?: NodeJS.Timeout;
  private slotFreed?: () => void;

  constructor(private readonly leases: JobLeases, private readonly options: JobWorkerOptions) {
    checkExecutorId(options.executorId, 'options.executorId');
    this.concurrency = checkInt(options.concurrency, 'options.concurrency', 1, 1000);
    this.leaseMs = checkInt(options.leaseMs ?? 30_000, 'options.leaseMs', 100, 24 * 3_600_000);
    this.heartbeatMs = checkInt(options.heartbeatMs ?? Math.floor(this.leaseMs / 3), 'options.heartbeatMs', 10, this.leaseMs);
    this.blockMs = checkInt(options.blockMs ?? 5_000, 'options.blockMs', 1, 3_600_000);
    this.settlements = new SettlementBuffer(leases, options.onSettled);
  }

  /** Jobs running now. */
  get inFlight(): number {
    return this.running.size;
  }

  start(): void {
    if (this.loop) return;
    this.heartbeatTimer = setInterval(() => void this.heartbeat(), this.heartbeatMs);
    this.loop = this.leaseLoop();
  }

  /**
   * Stops leasing, lets running jobs finish for up to graceMs, then aborts the
   * rest (signal reason 'shutdown') and releases them to the queue at once
   * (not counted as failures), and flushes every result.
   */
  async stop(graceMs = 0): Promise<void> {
    this.stopController.abort('shutdown');
    this.slotFreed?.();
    await this.loop;
    const deadline = Date.now() + graceMs;
    while (this.running.size > 0 && Date.now() < deadline) {
      await Promise.race([this.nextSlot(), new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline - Date.now())))]);
    }
    clearInterval(this.heartbeatTimer);
    await this.releaseRunning();
    await this.settlements.drain();
  }

  private async leaseLoop(): Promise<void> {
    const signal = this.stopController.signal;
    // A batch shorter than asked for means the pools were empty: the next call may wait first.
    let drained = false;
    while (!signal.aborted) {
      const free = this.concurrency - this.running.size;
      if (free <= 0) {
        await this.nextSlot();
        continue;
      }
      try {
        const jobs = await this.leases.lease(this.options.pools, this.options.executorId, {
          count: free,
          leaseMs: this.leaseMs,
          blockMs: this.blockMs,
          signal,
          waitFirst: drained,
        });
        drained = jobs.length > 0 && jobs.length < free;
        for (const job of jobs) this.run(job);
        // Let results of quick jobs go out before the next lease call, which would queue
        // ahead of them on the same connection (two turns: the settlement flush is itself an immediate).
        if (jobs.length > 0) await new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
      } catch (error) {
        if (signal.aborted) break;
        this.logger.error(`leasing jobs failed: ${(error as Error).message}; retrying in 1 s`);
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }

  private run(job: LeasedJob): void {
    const entry: Running = { job, controller: new AbortController(), abandoned: false };
    const key = refKey(job);
    this.running.set(key, entry);
    Promise.resolve()
      .then(() => this.options.handler(job, { signal: entry.controller.signal }))
      .then(
        (output) => {
          if (!entry.abandoned) this.settlements.complete(job, output ?? undefined);
        },
        (error: unknown) => {
          if (!entry.abandoned) this.settlements.fail(job, this.toJobError(error));
        },
      )
      .finally(() => {
        this.running.delete(key);
        this.slotFreed?.();
      });
  }

  private nextSlot(): Promise<void> {
    return new Promise((resolve) => {
      this.slotFreed = () => {
        this.slotFreed = undefined;
        resolve();
      };
    });
  }

  private async heartbeat(): Promise<void> {
    const entries = [...this.running.values()].filter((entry) => !entry.abandoned);
    if (entries.length === 0) return;
    try {
      const results = await this.leases.heartbeat(this.options.executorId, entries.map(({ job }) => jobRef(job)), this.leaseMs);
      results.forEach((result, i) => {
        const entry = entries[i];
        if (result.status === 'stale') {
          entry.abandoned = true;
          entry.controller.abort('lease_lost' satisfies AbortReason);
          this.logger.warn(`lost the lease of job ${result.id} (pool ${result.pool}, attempt ${result.attempt}); its result will be dropped`);
        } else if (result.status === 'cancelled' && !entry.controller.signal.aborted) {
          entry.controller.abort('cancelled' satisfies AbortReason);
        }
      });
    } catch (error) {
      this.logger.error(`heartbeat failed: ${(error as Error).message}`);
    }
  }

  private async releaseRunning(): Promise<void> {
    const byPool = new Map<string, { id: string; attempt: number }[]>();
    for (const entry of this.running.values()) {
      if (entry.abandoned) continue;
      entry.abandoned = true;
      entry.controller.abort('shutdown' satisfies AbortReason);
      const list = byPool.get(entry.job.pool) ?? [];
      list.push({ id: entry.job.id, attempt: entry.job.attempt });
      byPool.set(entry.job.pool, list);
    }
    for (const [pool, jobs] of byPool) {
      try {
        await this.leases.releaseMany(pool, jobs);
      } catch (error) {
        this.logger.error(`releasing ${jobs.length} job(s) of pool ${pool} failed: ${(error as Error).message}; their leases will expire`);
      }
    }
  }

  private toJobError(error: unknown): JobError {
    if (this.options.toJobError) return this.options.toJobError(error);
    const message = error instanceof Error ? error.message : String(error);
    const retryable = !(typeof error === 'object' && error !== null && (error as { retryable?: unknown }).retryable === false);
    return { message, retryable };
  }
}

function refKey(job: JobRef): string {
  return `${job.pool}\n${job.id}`;
}

function jobRef(job: LeasedJob): JobRef {
  return { pool: job.pool, id: job.id, attempt: job.attempt };
}
