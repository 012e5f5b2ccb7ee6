import { childPointer } from '@base-shift/core';
import type { RedisConnection } from '@base-shift/redis';
import { InvalidArgumentError } from '../errors/queue-errors';
import { isRefusal, refusalToError } from '../errors/script-codes';
import { queuedJobInfo, recordJobInfo } from '../model/job-codec';
import { JOB_STATES, type CancelOutcome, type JobInfo, type JobPage, type JobState, type NewJob, type QueueStats } from '../model/job-types';
import { EPOCH_MS } from '../model/priority';
import { QueueContext, type QueueOptions } from '../options/queue-context';
import { checkInt, checkJobId } from '../options/validation';
import { MAX_ATTEMPTS_LIMIT, newJobArgs, type EnqueueArgs, type NewJobLimits } from './new-job-args';

export interface JobQueueOptions extends QueueOptions {
  /** maxAttempts of jobs that do not set one. Default 3. */
  defaultMaxAttempts?: number;
  /** Largest `meta` JSON, in bytes; meta is copied into every result entry. Default 4096 (at most maxPayloadBytes). */
  maxMetaBytes?: number;
}

// One script call adds at most this many jobs / bytes, so Redis never stalls on one huge batch.
const CHUNK_JOBS = 500;
const CHUNK_BYTES = 4 * 1024 * 1024;

const STATE_CODES: Record<JobState, string> = { queued: 'Q', leased: 'L', delayed: 'D', dead: 'X' };

/**
 * The jobs side of the queue: add jobs, cancel them, requeue dead-lettered ones
 * and look inside (for the workflow engine, the API, the autoscaler, metrics).
 * Executors use JobLeases; outcomes come back through ResultConsumer.
 */
export class JobQueue {
  private readonly context: QueueContext;
  private readonly limits: NewJobLimits;

  constructor(redis: RedisConnection, options: JobQueueOptions) {
    this.context = new QueueContext(redis, options);
    this.limits = {
      maxPayloadBytes: this.context.maxPayloadBytes,
      maxMetaBytes: checkInt(options.maxMetaBytes ?? Math.min(4096, this.context.maxPayloadBytes), '/options/maxMetaBytes', 2, this.context.maxPayloadBytes),
      defaultMaxAttempts: checkInt(options.defaultMaxAttempts ?? 3, '/options/defaultMaxAttempts', 1, MAX_ATTEMPTS_LIMIT),
    };
  }

  get pools(): readonly string[] {
    return this.context.pools;
  }

  /** Adds one job; resolves to its id. A caller id that is already live is a no-op that resolves to that id. */
  async enqueue(pool: string, job: NewJob): Promise<string> {
    const [id] = await this.enqueueMany(pool, [job]);
    return id;
  }

  /**
   * Adds jobs in one round trip per 500 jobs (or 4 MiB); resolves to their ids
   * in order. Every job is validated before anything is written. Each chunk is
   * atomic; if a later chunk fails, enqueueMany can be called again with the
   * same caller ids without duplicating the earlier ones.
   */
  async enqueueMany(pool: string, jobs: readonly NewJob[]): Promise<string[]> {
    const keys = this.context.pool(pool);
    if (!Array.isArray(jobs)) throw new InvalidArgumentError('/jobs', 'must be an array');
    const encoded = jobs.map((job, i) => newJobArgs(job, childPointer('/jobs', i), this.limits));
    const seen = new Set<string>();
    encoded.forEach(([id], i) => {
      if (!id) return;
      if (seen.has(id)) throw new InvalidArgumentError(childPointer('/jobs', i, 'id'), `repeats ${JSON.stringify(id)} within the same call`);
      seen.add(id);
    });
    const ids: string[] = [];
    for (const chunk of chunks(encoded)) {
      const reply = (await this.context.run(
        'enqueue',
        [keys.queued, keys.jobs, keys.seq, keys.wake, keys.ages, keys.ageCounts],
        [keys.base, chunk.length, ...chunk.flat()],
      )) as (string | number)[];
      for (let i = 0; i < reply.length; i += 2) ids.push(String(reply[i]));
    }
    return ids;
  }

  /** Cancels a job: see CancelOutcome and cancel-7.lua for what happens in each state. */
  async cancel(pool: string, id: string): Promise<CancelOutcome> {
    const keys = this.context.pool(pool);
    checkJobId(id, '/id');
    const code = (await this.context.run(
      'cancel',
      [keys.queued, keys.jobs, keys.delayed, keys.dead, keys.ages, keys.ageCounts, keys.results],
      [keys.base, id],
    )) as number;
    return code === 1 ? 'cancelled' : code === 2 ? 'cancel_requested' : 'not_found';
  }

  /** Puts a dead-lettered job back into the queue with its failure count reset. JobNotFoundError / JobStateError otherwise. */
  async requeueDead(pool: string, id: string): Promise<void> {
    const keys = this.context.pool(pool);
    checkJobId(id, '/id');
    const code = (await this.context.run('requeue-dead', [keys.queued, keys.jobs, keys.dead, keys.wake, keys.ages, keys.ageCounts], [keys.base, id])) as number;
    if (isRefusal(code)) throw refusalToError(code, pool, id, 0, 'dead-lettered');
  }

  /** Deletes a dead-lettered job for good (no result is sent). JobNotFoundError / JobStateError otherwise. */
  async purgeDead(pool: string, id: string): Promise<void> {
    const keys = this.context.pool(pool);
    checkJobId(id, '/id');
    const code = (await this.context.run('purge-dead', [keys.jobs, keys.dead], [keys.base, id])) as number;
    if (isRefusal(code)) throw refusalToError(code, pool, id, 0, 'dead-lettered');
  }

  /** The job in whatever state it is, or undefined if no live job has that id (completed jobs are gone). */
  async getJob(pool: string, id: string): Promise<JobInfo | undefined> {
    const keys = this.context.pool(pool);
    checkJobId(id, '/id');
    const reply = (await this.context.run('get-job', [keys.queued, keys.jobs, keys.leased, keys.delayed, keys.dead], [keys.base, id])) as
      [] | [string, number, string, number];
    if (reply.length === 0) return undefined;
    const [state, now, entry, value] = reply;
    return state === 'Q' ? queuedJobInfo(pool, entry, value, now) : recordJobInfo(pool, entry, value, now);
  }

  /**
   * A page of the jobs in one state: queued in pop order, leased by expiry,
   * delayed by retry time, dead newest first. `limit` 1–1000 (default 50).
   */
  async listJobs(pool: string, state: JobState, page: { limit?: number; cursor?: string } = {}): Promise<JobPage> {
    const keys = this.context.pool(pool);
    if (!JOB_STATES.includes(state)) throw new InvalidArgumentError('/state', `must be one of ${JOB_STATES.join(', ')} (got ${JSON.stringify(state)})`);
    const limit = checkInt(page.limit ?? 50, '/page/limit', 1, 1000);
    const offset = page.cursor === undefined ? 0 : Number(page.cursor);
    if (!Number.isInteger(offset) || offset < 0 || !/^\d+$/.test(page.cursor ?? '0')) {
      throw new InvalidArgumentError('/page/cursor', `must be a cursor returned by listJobs (got ${JSON.stringify(page.cursor)})`);
    }
    const set = { queued: keys.queued, leased: keys.leased, delayed: keys.delayed, dead: keys.dead }[state];
    const reply = (await this.context.run('list-jobs', [set, keys.jobs], [STATE_CODES[state], offset, limit])) as (string | number)[];
    const [now, total] = [Number(reply[0]), Number(reply[1])];
    const jobs: JobInfo[] = [];
    for (let i = 2; i < reply.length; i += 2) {
      const entry = String(reply[i]);
      const score = Number(reply[i + 1]);
      jobs.push(state === 'queued' ? queuedJobInfo(pool, entry, createdOf(entry) - score, now) : recordJobInfo(pool, entry, score, now));
    }
    const next = offset + limit;
    return { jobs, total, ...(next < total && { nextCursor: String(next) }) };
  }

  /**
   * Executor id → how many of the pool's jobs it holds leases on, read in one
   * step; an executor that holds none is absent (the autoscaler finds idle pods with it).
   */
  async leaseHolders(pool: string): Promise<Map<string, number>> {
    const keys = this.context.pool(pool);
    const reply = (await this.context.run('lease-holders', [keys.leased, keys.jobs], [])) as (string | number)[];
    const holders = new Map<string, number>();
    for (let i = 0; i < reply.length; i += 2) holders.set(String(reply[i]), Number(reply[i + 1]));
    return holders;
  }

  /** Counts per state and the oldest queued job's age, read in one step. */
  async stats(pool: string): Promise<QueueStats> {
    const keys = this.context.pool(pool);
    const [now, queued, leased, delayed, dead, oldestSecond, unappliedResults] = (await this.context.run(
      'stats',
      [keys.queued, keys.leased, keys.delayed, keys.dead, keys.ages, keys.results],
      [],
    )) as number[];
    const oldestQueuedAt = oldestSecond >= 0 ? EPOCH_MS + oldestSecond * 1000 : undefined;
    return {
      pool,
      queued,
      leased,
      delayed,
      dead,
      unappliedResults,
      ...(oldestQueuedAt !== undefined && { oldestQueuedAt }),
      oldestWaitSeconds: oldestQueuedAt === undefined ? 0 : Math.max(0, Math.floor((now - oldestQueuedAt) / 1000)),
      observedAt: now,
    };
  }
}

// Relative creation ms of a queued member, to turn its score back into ticks.
function createdOf(member: string): number {
  return parseInt(member.slice(0, 8), 36);
}

function* chunks(jobs: readonly EnqueueArgs[]): Generator<EnqueueArgs[]> {
  let chunk: EnqueueArgs[] = [];
  let bytes = 0;
  for (const job of jobs) {
    const size = job[4].length + job[5].length;
    if (chunk.length > 0 && (chunk.length >= CHUNK_JOBS || bytes + size > CHUNK_BYTES)) {
      yield chunk;
      chunk = [];
      bytes = 0;
    }
    chunk.push(job);
    bytes += size;
  }
  if (chunk.length > 0) yield chunk;
}
