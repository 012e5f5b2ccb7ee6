import { errorMessage, getLogger, type JsonValue } from '@base-shift/core';
import { BackgroundLoop } from '@base-shift/redis';
import type { JobLeases } from '../leases/job-leases';
import type { JobError, JobRef, LeasedJob } from '../model/job-types';
import { checkExecutorId, checkInt } from '../options/validation';
import { SettlementBuffer, type SettledListener, type SettledOutcome } from './settlement-buffer';

/** Why a running job's signal was aborted. */
export type AbortReason = 'cancelled' | 'lease_lost' | 'shutdown' | 'timed_out';

export interface JobContext {
  /**
   * Aborted when the job was cancelled, its lease was lost, it ran past its
   * timeout, or the worker shuts down; `signal.reason` is an AbortReason, or
   * what options.abortReason made of it.
   */
  signal: AbortSignal;
}

/** Runs one job; what it returns (JSON) is the job's output. Throwing fails the attempt (see toJobError). */
export type JobHandler = (job: LeasedJob, context: JobContext) => Promise<JsonValue | void> | JsonValue | void;

/** Why a heartbeat did not extend leases: the call failed (`error`), or the queue refused them (`lost`). */
export type HeartbeatFailure = 'error' | 'lost';

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
  /** A job's time limit (ms), if it has one: past it, its signal is aborted with 'timed_out'. */
  timeoutMs?: (job: LeasedJob) => number | undefined;
  /** What a job's signal is aborted with (its `reason`). Default: the AbortReason itself. */
  abortReason?: (reason: AbortReason, job: LeasedJob) => unknown;
  /** Called exactly once per leased job, when it leaves the worker (see SettledOutcome): for metrics. */
  onSettled?: SettledListener;
  /** Called when a heartbeat failed for these jobs. */
  onHeartbeatFailure?: (reason: HeartbeatFailure, jobs: readonly LeasedJob[]) => void;
  /** Wraps everything run for one job (its handler, the worker's callbacks and log lines about it), e.g. to set a log context. */
  jobScope?: <T>(job: LeasedJob, run: () => T) => T;
}

interface Running {
  job: LeasedJob;
  controller: AbortController;
  /** Set when the lease is lost or handed back: the handler's result must not be reported. */
  abandoned?: 'lease_lost' | 'released';
  /** Resolves once the handler returned and its result was handed on. */
  done: Promise<void>;
}

/**
 * The executor loop on top of JobLeases: keeps `concurrency` jobs running,
 * leases as many as there are free slots in one call, blocks (no polling) when
 * the pools are empty, heartbeats every running lease in one call, aborts a
 * job's signal on cancel, lost lease or timeout, and batches completions and
 * failures (SettlementBuffer). stop() hands back what does not finish within
 * the grace period.
 */
export class JobWorker {
  private readonly logger = getLogger(JobWorker.name);
  private readonly running = new Map<string, Running>();
  private readonly settlements: SettlementBuffer;
  private readonly stopController = new AbortController();
  private readonly leaseMs: number;
  private readonly heartbeatMs: number;
  private readonly blockMs: number;
  private readonly concurrency: number;
  private readonly leasing: BackgroundLoop;
  private readonly heartbeats: BackgroundLoop;
  private stopping?: Promise<void>;
  // A batch shorter than asked for means the pools were empty: the next lease call may wait first.
  private drained = false;
  private slotFreed?: () => void;

  constructor(
    private readonly leases: JobLeases,
    private readonly options: JobWorkerOptions,
  ) {
    checkExecutorId(options.executorId, '/options/executorId');
    this.concurrency = checkInt(options.concurrency, '/options/concurrency', 1, 1000);
    this.leaseMs = checkInt(options.leaseMs ?? 30_000, '/options/leaseMs', 100, 24 * 3_600_000);
    this.heartbeatMs = checkInt(options.heartbeatMs ?? Math.floor(this.leaseMs / 3), '/options/heartbeatMs', 10, this.leaseMs);
    this.blockMs = checkInt(options.blockMs ?? 5_000, '/options/blockMs', 1, 3_600_000);
    this.settlements = new SettlementBuffer(leases, (job, outcome, error) => this.settled(job, outcome, error));
    // Each round is one lease call that blocks while the pools are empty, so the next round starts at once.
    // A worker must lease again within a second of Redis coming back, as it always did: no growing backoff.
    this.leasing = new BackgroundLoop({
      name: 'leasing jobs',
      intervalMs: 0,
      errorDelayMs: 1000,
      maxErrorDelayMs: 1000,
      logger: this.logger,
      run: () => this.leaseRound(),
    });
    const heartbeatMs = this.heartbeatMs;
    this.heartbeats = new BackgroundLoop({
      name: 'heartbeats',
      intervalMs: heartbeatMs,
      // Leases expire on a clock: no jitter, and the next beat is due heartbeatMs after this one started.
      // A slow beat is not overlapped by the next one: that would only queue more work on a struggling Redis.
      jitter: 0,
      runAtStart: false,
      logger: this.logger,
      run: async () => {
        const started = Date.now();
        await this.heartbeat();
        return Math.max(0, heartbeatMs - (Date.now() - started));
      },
    });
  }

  /** Jobs running now. */
  get inFlight(): number {
    return this.running.size;
  }

  start(): void {
    if (this.leasing.isRunning || this.stopping) return;
    this.heartbeats.start();
    this.leasing.start();
  }

  /**
   * Stops leasing, lets running jobs finish for up to graceMs, then releases
   * the rest to the queue at once (not counted as failures), aborts them
   * (reason 'shutdown'), waits for their handlers to return, and flushes every
   * result. Idempotent.
   */
  stop(graceMs = 0): Promise<void> {
    this.stopping ??= this.shutdown(graceMs);
    return this.stopping;
  }

  private async shutdown(graceMs: number): Promise<void> {
    this.stopController.abort('shutdown');
    this.slotFreed?.();
    await this.leasing.stop();
    let graceTimer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => (graceTimer = setTimeout(resolve, graceMs)));
    await Promise.race([this.allDone(), grace]);
    clearTimeout(graceTimer);
    await this.heartbeats.stop();
    await this.releaseRunning();
    await this.allDone();
    await this.settlements.drain();
  }

  /** Fills the free slots (one lease call), or waits for one to free up; a failed call is retried by the loop with backoff. */
  private async leaseRound(): Promise<number> {
    const free = this.concurrency - this.running.size;
    if (free <= 0) {
      await this.nextSlot();
      return 0;
    }
    const jobs = await this.leases.lease(this.options.pools, this.options.executorId, {
      count: free,
      leaseMs: this.leaseMs,
      blockMs: this.blockMs,
      signal: this.stopController.signal,
      waitFirst: this.drained,
    });
    this.drained = jobs.length > 0 && jobs.length < free;
    for (const job of jobs) this.run(job);
    // Let results of quick jobs go out before the next lease call, which would queue
    // ahead of them on the same connection (two turns: the settlement flush is itself an immediate).
    if (jobs.length > 0) await new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
    return 0;
  }

  private run(job: LeasedJob): void {
    const key = refKey(job);
    const entry = { job, controller: new AbortController() } as Running;
    this.running.set(key, entry);
    const timeoutMs = this.options.timeoutMs?.(job);
    // Past setTimeout's range (~24.8 days) a timer would fire at once: such a limit is no limit.
    const timer = timeoutMs === undefined || timeoutMs > MAX_TIMER_MS ? undefined : setTimeout(() => this.abort(entry, 'timed_out'), timeoutMs);
    entry.done = this.inScope(job, async () => {
      let result: { ok: true; output: JsonValue | void } | { ok: false; error: unknown };
      try {
        result = { ok: true, output: await this.options.handler(job, { signal: entry.controller.signal }) };
      } catch (error) {
        result = { ok: false, error };
      }
      clearTimeout(timer);
      // Leaving `running` and deciding what to report happen in one turn: a heartbeat answer can no longer abandon the job after this.
      this.running.delete(key);
      if (entry.abandoned === 'lease_lost') this.settled(job, 'lease_lost');
      else if (!entry.abandoned && result.ok) this.settlements.complete(job, result.output ?? undefined);
      else if (!entry.abandoned && !result.ok) this.settlements.fail(job, this.toJobError(result.error), result.error);
      this.slotFreed?.();
    });
  }

  private allDone(): Promise<unknown> {
    return Promise.all([...this.running.values()].map((entry) => entry.done));
  }

  private nextSlot(): Promise<void> {
    return new Promise((resolve) => {
      this.slotFreed = () => {
        this.slotFreed = undefined;
        resolve();
      };
    });
  }

  private abort(entry: Running, reason: AbortReason): void {
    if (entry.controller.signal.aborted) return;
    entry.controller.abort(this.options.abortReason ? this.options.abortReason(reason, entry.job) : reason);
  }

  private async heartbeat(): Promise<void> {
    const entries = [...this.running.values()].filter((entry) => !entry.abandoned);
    if (entries.length === 0) return;
    let results;
    try {
      results = await this.leases.heartbeat(
        this.options.executorId,
        entries.map(({ job }) => jobRef(job)),
        this.leaseMs,
      );
    } catch (error) {
      // Reported, not thrown: the loop's backoff would let the leases expire; the next beat comes on time.
      this.logger.error(`heartbeat for ${entries.length} job(s) failed: ${errorMessage(error)}`);
      this.options.onHeartbeatFailure?.(
        'error',
        entries.map(({ job }) => job),
      );
      return;
    }
    const lost: LeasedJob[] = [];
    results.forEach((result, i) => {
      const entry = entries[i];
      if (result.status === 'stale') lost.push(entry.job);
      // Finished meanwhile (its result is on its way) or released: nothing to abort.
      if (entry.abandoned || this.running.get(refKey(entry.job)) !== entry) return;
      if (result.status === 'stale') {
        entry.abandoned = 'lease_lost';
        this.abort(entry, 'lease_lost');
        this.inScope(entry.job, () =>
          this.logger.warn(`lost the lease of job ${result.id} (pool ${result.pool}, attempt ${result.attempt}); its result will be dropped`),
        );
      } else if (result.status === 'cancelled' && !entry.controller.signal.aborted) {
        this.abort(entry, 'cancelled');
        this.inScope(entry.job, () => this.logger.info(`job ${result.id} (pool ${result.pool}) was cancelled; aborting it`));
      }
    });
    if (lost.length > 0) this.options.onHeartbeatFailure?.('lost', lost);
  }

  private async releaseRunning(): Promise<void> {
    const byPool = new Map<string, Running[]>();
    for (const entry of this.running.values()) {
      if (entry.abandoned) continue;
      entry.abandoned = 'released';
      byPool.set(entry.job.pool, [...(byPool.get(entry.job.pool) ?? []), entry]);
    }
    for (const [pool, entries] of byPool) {
      try {
        const outcomes = await this.leases.releaseMany(
          pool,
          entries.map(({ job }) => ({ id: job.id, attempt: job.attempt })),
        );
        this.logger.info(`released ${entries.length} unfinished job(s) of pool ${pool}: ${outcomes.join(', ')}`);
      } catch (error) {
        this.logger.error(`releasing ${entries.length} job(s) of pool ${pool} failed: ${errorMessage(error)}; their leases will expire`);
      }
      for (const entry of entries) {
        this.abort(entry, 'shutdown');
        this.settled(entry.job, 'released');
      }
    }
  }

  private settled(job: LeasedJob, outcome: SettledOutcome, error?: unknown): void {
    if (!this.options.onSettled) return;
    try {
      this.inScope(job, () => this.options.onSettled?.(job, outcome, error));
    } catch (listenerError) {
      this.logger.error(`the onSettled listener failed for job ${job.id}: ${errorMessage(listenerError)}`);
    }
  }

  private inScope<T>(job: LeasedJob, run: () => T): T {
    return this.options.jobScope ? this.options.jobScope(job, run) : run();
  }

  private toJobError(error: unknown): JobError {
    try {
      if (this.options.toJobError) return this.options.toJobError(error);
    } catch (converterError) {
      this.logger.error(`toJobError failed: ${errorMessage(converterError)}; reporting the error as it is`);
    }
    const message = error instanceof Error ? error.message : String(error);
    const retryable = !(typeof error === 'object' && error !== null && (error as { retryable?: unknown }).retryable === false);
    return { message, retryable };
  }
}

const MAX_TIMER_MS = 2 ** 31 - 1;

// The attempt is part of the key: after a lease is lost, this same worker may
// lease the job again while the old attempt's handler is still winding down.
function refKey(job: JobRef): string {
  return `${job.pool}\n${job.id}\n${job.attempt}`;
}

function jobRef(job: LeasedJob): JobRef {
  return { pool: job.pool, id: job.id, attempt: job.attempt };
}
