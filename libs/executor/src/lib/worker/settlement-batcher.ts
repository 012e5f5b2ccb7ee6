import type { AckStatus, FailManyOutcome, JobError, JobLeases, LeasedJob } from '@base-shift/queue';
import type { JsonValue } from '@base-shift/steps';

interface Pending<TResult> {
  job: LeasedJob;
  resolve(result: TResult): void;
  reject(error: unknown): void;
}

type Completion = Pending<AckStatus> & { output: JsonValue };
type Failure = Pending<FailManyOutcome> & { error: JobError };

interface PoolBuffer {
  completions: Completion[];
  failures: Failure[];
  flushing: boolean;
}

/**
 * Sends completions and failures as one call per pool (completeMany /
 * failMany) and tells each caller what the queue did with its job. While one
 * call of a pool is in flight the next batch accumulates, so the batch size
 * follows the load without a timer. (The queue lib's SettlementBuffer does the
 * same fire-and-forget; the executor needs each job's outcome for its metrics.)
 */
export class SettlementBatcher {
  private readonly pools = new Map<string, PoolBuffer>();
  private readonly flushes = new Set<Promise<void>>();
  private scheduled = false;

  constructor(private readonly leases: JobLeases) {}

  complete(job: LeasedJob, output: JsonValue): Promise<AckStatus> {
    return new Promise((resolve, reject) => {
      this.buffer(job.pool).completions.push({ job, output, resolve, reject });
      this.schedule();
    });
  }

  fail(job: LeasedJob, error: JobError): Promise<FailManyOutcome> {
    return new Promise((resolve, reject) => {
      this.buffer(job.pool).failures.push({ job, error, resolve, reject });
      this.schedule();
    });
  }

  /** Resolves once everything reported so far was sent. */
  async drain(): Promise<void> {
    while (this.scheduled || this.flushes.size > 0) {
      await Promise.all([...this.flushes, new Promise((resolve) => setImmediate(resolve))]);
    }
  }

  private buffer(pool: string): PoolBuffer {
    let buffer = this.pools.get(pool);
    if (!buffer) {
      buffer = { completions: [], failures: [], flushing: false };
      this.pools.set(pool, buffer);
    }
    return buffer;
  }

  // Everything settled in the same turn of the event loop shares one call.
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      for (const [pool, buffer] of this.pools) this.flush(pool, buffer);
    });
  }

  private flush(pool: string, buffer: PoolBuffer): void {
    if (buffer.flushing || buffer.completions.length + buffer.failures.length === 0) return;
    buffer.flushing = true;
    const completions = buffer.completions.splice(0);
    const failures = buffer.failures.splice(0);
    const flush = Promise.all([
      completions.length > 0 &&
        settle(this.leases.completeMany(pool, completions.map((c) => ({ id: c.job.id, attempt: c.job.attempt, output: c.output }))), completions),
      failures.length > 0 && settle(this.leases.failMany(pool, failures.map((f) => ({ id: f.job.id, attempt: f.job.attempt, error: f.error }))), failures),
    ]).then(() => {
      buffer.flushing = false;
      this.flushes.delete(flush);
      if (buffer.completions.length + buffer.failures.length > 0) this.schedule();
    });
    this.flushes.add(flush);
  }
}

function settle<TResult>(call: Promise<TResult[]>, batch: Pending<TResult>[]): Promise<void> {
  return call.then(
    (results) => batch.forEach((entry, index) => entry.resolve(results[index])),
    (error: unknown) => batch.forEach((entry) => entry.reject(error)),
  );
}
