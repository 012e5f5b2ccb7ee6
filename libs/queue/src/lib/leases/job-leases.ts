import { childPointer, type JsonValue } from '@base-shift/core';
import type { RedisConnection } from '@base-shift/redis';
import { InvalidArgumentError, QueueClosedError } from '../errors/queue-errors';
import { isRefusal, refusalStatus, refusalToError } from '../errors/script-codes';
import { DEFAULT_BACKOFF, type BackoffPolicy } from '../model/backoff';
import { parseMember } from '../model/job-codec';
import type { AckStatus, FailManyOutcome, FailOutcome, HeartbeatResult, JobError, JobRef, LeasedJob, ReleaseOutcome } from '../model/job-types';
import { TICKS_PER_PRIORITY } from '../model/priority';
import { QueueContext, type QueueOptions } from '../options/queue-context';
import { anyJson, checkExecutorId, checkInt, checkJobId, checkNumber } from '../options/validation';
import { errorArgs, failOutcome, groupByPool } from './lease-replies';
import { WakeSignals } from './wake-signals';

export interface JobLeasesOptions extends QueueOptions {
  /** Retry delays of retryable failures. Default { baseMs: 1000, factor: 2, capMs: 300000 }. */
  backoff?: BackoffPolicy;
  /** Jitter source in [0, 1); tests inject a fixed one. Default Math.random. */
  random?: () => number;
  /** Append a 'started' result when a job is leased (the engine then shows it RUNNING). Default false. */
  announceStarts?: boolean;
}

export interface LeaseOptions {
  /** Most jobs to lease in this call (1–1000); all are popped and leased in one script per pool. */
  count: number;
  /** Lease length (ms); heartbeats extend it. */
  leaseMs: number;
  /** When no job is ready, wait up to this long for one (no polling). Default 0: return at once. */
  blockMs?: number;
  /** Aborting stops the wait early (executor shutdown). */
  signal?: AbortSignal;
  /**
   * Wait for a wake-up before the first attempt: for a caller whose previous
   * lease got fewer jobs than it asked for, i.e. found the pools empty. A job
   * enqueued since then has left a wake token, so nothing is missed, and an
   * idle executor saves a round trip per batch. Needs blockMs > 0.
   */
  waitFirst?: boolean;
}

export type ReleaseManyOutcome = ReleaseOutcome | 'stale' | 'not_found';

const MAX_LEASE_MS = 24 * 3_600_000;
const BATCH = 500;

/**
 * The executor side: lease jobs (batch pop + lease in one script, blocking wait
 * when idle), heartbeat, and settle each lease by complete, fail or release.
 * Every settlement presents the attempt it was leased under (fencing): a
 * zombie executor's late result is refused, never applied twice.
 */
export class JobLeases {
  private readonly context: QueueContext;
  private readonly backoff: BackoffPolicy;
  private readonly random: () => number;
  private readonly announceStarts: boolean;
  private readonly wake: WakeSignals;
  private nextPool = 0;
  private closed = false;

  constructor(redis: RedisConnection, options: JobLeasesOptions) {
    this.context = new QueueContext(redis, options);
    const backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.backoff = {
      baseMs: checkInt(backoff.baseMs, '/options/backoff/baseMs', 0, MAX_LEASE_MS),
      factor: checkNumber(backoff.factor, '/options/backoff/factor', 1, 100),
      capMs: checkInt(backoff.capMs, '/options/backoff/capMs', 0, 7 * MAX_LEASE_MS),
    };
    this.random = options.random ?? Math.random;
    this.announceStarts = options.announceStarts ?? false;
    this.wake = new WakeSignals(redis);
  }

  get pools(): readonly string[] {
    return this.context.pools;
  }

  /**
   * Leases up to `count` jobs from `pools` (highest effective priority first in
   * each pool; pools are visited round-robin across calls). With `blockMs`, an
   * empty result waits for an enqueue to wake this executor, then tries again.
   */
  async lease(pools: readonly string[], executorId: string, options: LeaseOptions): Promise<LeasedJob[]> {
    this.assertOpen();
    const keys = pools.map((pool) => this.context.pool(pool));
    if (keys.length === 0) throw new InvalidArgumentError('/pools', 'must name at least one pool');
    checkExecutorId(executorId);
    const count = checkInt(options.count, '/options/count', 1, 1000);
    const leaseMs = checkInt(options.leaseMs, '/options/leaseMs', 1, MAX_LEASE_MS);
    const blockMs = checkInt(options.blockMs ?? 0, '/options/blockMs', 0, MAX_LEASE_MS);
    const deadline = Date.now() + blockMs;
    if (options.waitFirst && blockMs > 0)
      await this.wake.wait(
        keys.map((k) => k.wake),
        blockMs,
        options.signal,
      );
    for (;;) {
      // An aborted call leases nothing: the caller is shutting down.
      if (options.signal?.aborted || this.closed) return [];
      const jobs = await this.leaseNow(pools, executorId, count, leaseMs);
      const remaining = deadline - Date.now();
      if (jobs.length > 0 || remaining <= 0) return jobs;
      await this.wake.wait(
        keys.map((k) => k.wake),
        remaining,
        options.signal,
      );
    }
  }

  /** Extends leases, batched per pool. Jobs reported stale must be abandoned; cancelled ones failed or released. */
  async heartbeat(executorId: string, jobs: readonly JobRef[], leaseMs: number): Promise<HeartbeatResult[]> {
    this.assertOpen();
    checkExecutorId(executorId);
    checkInt(leaseMs, '/leaseMs', 1, MAX_LEASE_MS);
    const results: HeartbeatResult[] = new Array(jobs.length);
    await Promise.all(
      groupByPool(jobs).map(async ([pool, entries]) => {
        const keys = this.context.pool(pool);
        const args = entries.flatMap(({ ref, index }) => [checkJobId(ref.id, childPointer('/jobs', index, 'id')), String(ref.attempt)]);
        const [expiry, ...codes] = (await this.context.run('heartbeat', [keys.jobs, keys.leased], [keys.base, executorId, leaseMs, ...args])) as number[];
        entries.forEach(({ ref, index }, i) => {
          const code = codes[i];
          const status = code === 1 ? 'ok' : code === 2 ? 'cancelled' : 'stale';
          results[index] = { pool: ref.pool, id: ref.id, attempt: ref.attempt, status, ...(code > 0 && { leaseExpiresAt: expiry }) };
        });
      }),
    );
    return results;
  }

  /** Completes one lease with its output; StaleAttemptError / JobNotFoundError when the lease is not held. */
  async complete(pool: string, id: string, attempt: number, output?: JsonValue): Promise<void> {
    const [status] = await this.completeMany(pool, [{ id, attempt, output }]);
    if (status !== 'ok') throw refusalToError(status === 'not_found' ? -1 : -2, pool, id, attempt);
  }

  /** Completes many leases of one pool in one round trip per 500; a status per job, in order. */
  async completeMany(pool: string, jobs: readonly { id: string; attempt: number; output?: JsonValue }[]): Promise<AckStatus[]> {
    this.assertOpen();
    const keys = this.context.pool(pool);
    const args = jobs.map((job, i) => [
      checkJobId(job.id, childPointer('/jobs', i, 'id')),
      String(checkInt(job.attempt, childPointer('/jobs', i, 'attempt'), 1, Number.MAX_SAFE_INTEGER)),
      job.output === undefined ? '' : anyJson(job.output, childPointer('/jobs', i, 'output'), this.context.maxPayloadBytes),
    ]);
    const statuses: AckStatus[] = [];
    for (let i = 0; i < args.length; i += BATCH) {
      const codes = (await this.context.run('complete', [keys.jobs, keys.leased, keys.results], [keys.base, ...args.slice(i, i + BATCH).flat()])) as number[];
      for (const code of codes) statuses.push(isRefusal(code) ? refusalStatus(code) : 'ok');
    }
    return statuses;
  }

  /** Reports a failed attempt: retried with backoff, dead-lettered, or dropped if cancelled. Stale → StaleAttemptError. */
  async fail(pool: string, id: string, attempt: number, error: JobError): Promise<FailOutcome> {
    const [outcome] = await this.failMany(pool, [{ id, attempt, error }]);
    if (outcome.outcome === 'stale' || outcome.outcome === 'not_found') {
      throw refusalToError(outcome.outcome === 'not_found' ? -1 : -2, pool, id, attempt);
    }
    return outcome;
  }

  async failMany(pool: string, jobs: readonly { id: string; attempt: number; error: JobError }[]): Promise<FailManyOutcome[]> {
    this.assertOpen();
    const keys = this.context.pool(pool);
    // Per job: id, attempt, retryable, error JSON, the jitter's random number.
    const args = jobs.map((job, i) => [
      checkJobId(job.id, childPointer('/jobs', i, 'id')),
      String(checkInt(job.attempt, childPointer('/jobs', i, 'attempt'), 1, Number.MAX_SAFE_INTEGER)),
      ...errorArgs(job.error, childPointer('/jobs', i, 'error'), this.context.maxPayloadBytes),
      String(this.random()),
    ]);
    const outcomes: FailManyOutcome[] = [];
    const backoff = [this.backoff.baseMs, this.backoff.factor, this.backoff.capMs];
    for (let i = 0; i < args.length; i += BATCH) {
      const reply = (await this.context.run(
        'fail',
        [keys.queued, keys.jobs, keys.leased, keys.delayed, keys.dead, keys.wake, keys.ages, keys.ageCounts, keys.results],
        [keys.base, ...backoff, ...args.slice(i, i + BATCH).flat()],
      )) as number[];
      for (let j = 0; j < reply.length; j += 2) outcomes.push(failOutcome(reply[j], reply[j + 1]));
    }
    return outcomes;
  }

  /** Gives a lease back at once, not counted as a failure (graceful shutdown). Stale → StaleAttemptError. */
  async release(pool: string, id: string, attempt: number): Promise<ReleaseOutcome> {
    const [outcome] = await this.releaseMany(pool, [{ id, attempt }]);
    if (outcome === 'stale' || outcome === 'not_found') throw refusalToError(outcome === 'not_found' ? -1 : -2, pool, id, attempt);
    return outcome;
  }

  async releaseMany(pool: string, jobs: readonly { id: string; attempt: number }[]): Promise<ReleaseManyOutcome[]> {
    this.assertOpen();
    const keys = this.context.pool(pool);
    const args = jobs.flatMap((job, i) => [
      checkJobId(job.id, childPointer('/jobs', i, 'id')),
      String(checkInt(job.attempt, childPointer('/jobs', i, 'attempt'), 1, Number.MAX_SAFE_INTEGER)),
    ]);
    const outcomes: ReleaseManyOutcome[] = [];
    for (let i = 0; i < args.length; i += 2 * BATCH) {
      const codes = (await this.context.run(
        'release',
        [keys.queued, keys.jobs, keys.leased, keys.wake, keys.ages, keys.ageCounts, keys.results],
        [keys.base, ...args.slice(i, i + 2 * BATCH)],
      )) as number[];
      for (const code of codes) outcomes.push(isRefusal(code) ? refusalStatus(code) : code === 3 ? 'cancelled' : 'requeued');
    }
    return outcomes;
  }

  /** Stops blocked waits and closes the blocking connections; the connection passed in stays open (its owner closes it). */
  async close(): Promise<void> {
    this.closed = true;
    await this.wake.close();
  }

  private async leaseNow(pools: readonly string[], executorId: string, count: number, leaseMs: number): Promise<LeasedJob[]> {
    const jobs: LeasedJob[] = [];
    const start = this.nextPool++ % pools.length;
    for (let i = 0; i < pools.length && jobs.length < count; i++) {
      const pool = pools[(start + i) % pools.length];
      const keys = this.context.pool(pool);
      const reply = (await this.context.run(
        'lease',
        [keys.queued, keys.jobs, keys.leased, keys.delayed, keys.wake, keys.ages, keys.ageCounts, keys.results],
        [keys.base, executorId, count - jobs.length, leaseMs, this.announceStarts ? '1' : '0'],
      )) as (string | number)[];
      const [leasedAt, leaseExpiresAt] = [Number(reply[0]), Number(reply[1])];
      for (let j = 2; j < reply.length; j += 3) {
        const member = parseMember(String(reply[j]));
        jobs.push({
          id: member.id,
          pool,
          attempt: Number(reply[j + 2]),
          failures: member.failures,
          maxAttempts: member.maxAttempts,
          priority: Number(reply[j + 1]) / TICKS_PER_PRIORITY,
          createdAt: member.createdAt,
          leasedAt,
          leaseExpiresAt,
          payload: member.payload,
          ...(member.meta && { meta: member.meta }),
        });
      }
    }
    return jobs;
  }

  private assertOpen(): void {
    if (this.closed) throw new QueueClosedError('JobLeases');
  }
}
