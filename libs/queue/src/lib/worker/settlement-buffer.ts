import { errorMessage, getLogger, type JsonValue } from '@base-shift/core';
import type { JobLeases } from '../leases/job-leases';
import type { FailManyOutcome } from '../model/job-types';
import type { JobError, LeasedJob } from '../model/job-types';

/**
 * How a leased job left the worker: the state its result put it in; `refused`
 * when the queue refused the result (the lease was lost meanwhile);
 * `unreported` when the result could not be sent (the lease expires and the job
 * runs again); `lease_lost` when a heartbeat found the lease gone while the job
 * ran (its result was dropped); `released` when stop() handed it back.
 */
export type SettledOutcome = 'succeeded' | 'retrying' | 'failed' | 'cancelled' | 'refused' | 'unreported' | 'lease_lost' | 'released';

/** `error` is what the handler threw, for a failed attempt. */
export type SettledListener = (job: LeasedJob, outcome: SettledOutcome, error?: unknown) => void;

interface Completion {
  job: LeasedJob;
  output?: JsonValue;
}

interface Failure {
  job: LeasedJob;
  error: JobError;
  thrown: unknown;
}

interface Pending {
  completions: Completion[];
  failures: Failure[];
  flushing: boolean;
}

/** Attempts of one flush while Redis is unreachable (~2 s in all): then the leases are left to expire. */
const FLUSH_TRIES = 5;

/**
 * Collects completions and failures and sends each pool's in one script call:
 * everything settled while the previous call was in flight goes in the next
 * one, so the batch size follows the load with no timer. A lost flush is not a
 * lost job: its leases expire and the reaper retries them (at-least-once).
 */
export class SettlementBuffer {
  private readonly logger = getLogger(SettlementBuffer.name);
  private readonly pending = new Map<string, Pending>();
  private readonly flushes = new Set<Promise<void>>();
  private scheduled = false;

  constructor(
    private readonly leases: JobLeases,
    private readonly onSettled: SettledListener,
  ) {}

  complete(job: LeasedJob, output: JsonValue | undefined): void {
    this.pool(job.pool).completions.push({ job, ...(output !== undefined && { output }) });
    this.schedule();
  }

  fail(job: LeasedJob, error: JobError, thrown: unknown): void {
    this.pool(job.pool).failures.push({ job, error, thrown });
    this.schedule();
  }

  /** Resolves when everything buffered so far has been sent. */
  async drain(): Promise<void> {
    while (this.scheduled || this.flushes.size > 0 || [...this.pending.values()].some((p) => p.completions.length + p.failures.length > 0)) {
      this.flushAll();
      await Promise.all([...this.flushes]);
      if (this.scheduled) await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private pool(pool: string): Pending {
    let pending = this.pending.get(pool);
    if (!pending) {
      pending = { completions: [], failures: [], flushing: false };
      this.pending.set(pool, pending);
    }
    return pending;
  }

  // Settlements of the same tick (a batch of jobs finishing together) share one call.
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.flushAll();
    });
  }

  private flushAll(): void {
    for (const [pool, pending] of this.pending) {
      if (pending.flushing || pending.completions.length + pending.failures.length === 0) continue;
      pending.flushing = true;
      const flush = this.flush(pool, pending).finally(() => {
        pending.flushing = false;
        this.flushes.delete(flush);
        if (pending.completions.length + pending.failures.length > 0) this.schedule();
      });
      this.flushes.add(flush);
    }
  }

  private async flush(pool: string, pending: Pending): Promise<void> {
    const completions = pending.completions.splice(0);
    const failures = pending.failures.splice(0);
    const [completed, failed] = await Promise.all([
      this.send(pool, completions.length, () =>
        this.leases.completeMany(
          pool,
          completions.map(({ job, output }) => ({ id: job.id, attempt: job.attempt, output })),
        ),
      ),
      this.send(pool, failures.length, () =>
        this.leases.failMany(
          pool,
          failures.map(({ job, error }) => ({ id: job.id, attempt: job.attempt, error })),
        ),
      ),
    ]);
    const outcomes: SettledOutcome[] = [
      ...completions.map((_, i): SettledOutcome => (completed ? (completed[i] === 'ok' ? 'succeeded' : 'refused') : 'unreported')),
      ...failures.map((_, i): SettledOutcome => (failed ? failOutcome(failed[i]) : 'unreported')),
    ];
    const refused = outcomes.filter((outcome) => outcome === 'refused').length;
    if (refused > 0) this.logger.warn(`pool ${pool}: ${refused} result(s) refused because their lease was lost (stale attempt)`);
    completions.forEach(({ job }, i) => this.onSettled(job, outcomes[i]));
    failures.forEach(({ job, thrown }, i) => this.onSettled(job, outcomes[completions.length + i], thrown));
  }

  /** One script call, tried again while Redis is unreachable; undefined when it never went through. */
  private async send<T>(pool: string, count: number, call: () => Promise<T[]>): Promise<T[] | undefined> {
    if (count === 0) return [];
    for (let tries = 1; ; tries += 1) {
      try {
        return await call();
      } catch (error) {
        if (tries >= FLUSH_TRIES) {
          this.logger.error(`pool ${pool}: reporting ${count} result(s) failed: ${errorMessage(error)}; their leases will expire and be retried`);
          return undefined;
        }
        await new Promise((resolve) => setTimeout(resolve, 200 * tries));
      }
    }
  }
}

function failOutcome(outcome: FailManyOutcome): SettledOutcome {
  return outcome.outcome === 'stale' || outcome.outcome === 'not_found' ? 'refused' : outcome.outcome;
}
