import { Logger } from '@nestjs/common';
import type { FailManyOutcome, JobLeases } from '../leases/job-leases';
import type { JobError, LeasedJob } from '../model/job-types';
import type { JsonValue } from '../model/json';

/** What became of a reported result: the job's new state, or refused when its lease was already lost. */
export type SettledOutcome = 'succeeded' | 'retrying' | 'failed' | 'cancelled' | 'refused';

export type SettledListener = (job: LeasedJob, outcome: SettledOutcome) => void;

interface Pending {
  completions: { job: LeasedJob; output?: JsonValue }[];
  failures: { job: LeasedJob; error: JobError }[];
  flushing: boolean;
}

/**
 * Collects completions and failures and sends each pool's in one script call:
 * everything settled while the previous call was in flight goes in the next
 * one, so the batch size follows the load with no timer. A lost flush is not a
 * lost job: its leases expire and the reaper retries them (at-least-once).
 */
export class SettlementBuffer {
  private readonly logger = new Logger(SettlementBuffer.name);
  private readonly pending = new Map<string, Pending>();
  private readonly flushes = new Set<Promise<void>>();
  private scheduled = false;

  constructor(private readonly leases: JobLeases, private readonly onSettled?: SettledListener) {}

  complete(job: LeasedJob, output: JsonValue | undefined): void {
    this.pool(job.pool).completions.push({ job, ...(output !== undefined && { output }) });
    this.schedule();
  }

  fail(job: LeasedJob, error: JobError): void {
    this.pool(job.pool).failures.push({ job, error });
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
    try {
      const [completed, failed] = await Promise.all([
        completions.length > 0 ? this.leases.completeMany(pool, completions.map(({ job, output }) => ({ id: job.id, attempt: job.attempt, output }))) : [],
        failures.length > 0 ? this.leases.failMany(pool, failures.map(({ job, error }) => ({ id: job.id, attempt: job.attempt, error }))) : [],
      ]);
      const outcomes: SettledOutcome[] = [...completed.map((s) => (s === 'ok' ? 'succeeded' : 'refused')), ...failed.map(failOutcome)];
      const refused = outcomes.filter((outcome) => outcome === 'refused').length;
      if (refused > 0) this.logger.warn(`pool ${pool}: ${refused} result(s) refused because their lease was lost (stale attempt)`);
      if (this.onSettled) {
        const jobs = [...completions, ...failures].map(({ job }) => job);
        jobs.forEach((job, i) => this.onSettled?.(job, outcomes[i]));
      }
    } catch (error) {
      this.logger.error(`pool ${pool}: reporting ${completions.length + failures.length} result(s) failed: ${(error as Error).message}; their leases will expire and be retried`);
    }
  }
}

function failOutcome(outcome: FailManyOutcome): SettledOutcome {
  return outcome.outcome === 'stale' || outcome.outcome === 'not_found' ? 'refused' : outcome.outcome;
}
