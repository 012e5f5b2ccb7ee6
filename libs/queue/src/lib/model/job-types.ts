import type { JsonObject, JsonValue } from '@base-shift/core';

/** A job to add to a pool. */
export interface NewJob {
  /**
   * Caller id, unique among the pool's live jobs (queued, leased, delayed, dead):
   * enqueueing an id that is live again is a no-op, so a retried enqueue is safe.
   * 1–200 printable ASCII characters without spaces, not all digits (digits-only
   * ids are generated ones). Omitted: the pool's next number ("1", "2", …).
   */
  id?: string;
  /** What the executor needs; JSON, at most `maxPayloadBytes`. Reference big data, never carry it. */
  payload: JsonObject;
  /** Base priority, a finite number in [-1e9, 1e9], resolution 0.0001. Default 0. */
  priority?: number;
  /** Failed or stalled attempts allowed before the job is dead-lettered (1–1000). Default: the queue's. */
  maxAttempts?: number;
  /** When the job started waiting (ms or Date), for aging. Default: the Redis server's clock. */
  createdAt?: number | Date;
  /** Small JSON echoed in every result of this job (e.g. `{ workflowId, jobKey }`); at most `maxMetaBytes`. */
  meta?: JsonObject;
}

/** A job handed to an executor, leased until `leaseExpiresAt` unless heartbeats extend it. */
export interface LeasedJob {
  id: string;
  pool: string;
  /** The fencing token: heartbeat, complete, fail and release must present it. Grows on every lease. */
  attempt: number;
  /** Counted failures so far (failed attempts and expired leases, not releases). */
  failures: number;
  maxAttempts: number;
  /** Base priority. */
  priority: number;
  createdAt: number;
  leasedAt: number;
  leaseExpiresAt: number;
  payload: JsonObject;
  meta?: JsonObject;
}

/** Names one lease: the job and the attempt it was leased under. */
export interface JobRef {
  pool: string;
  id: string;
  attempt: number;
}

/** How an executor reports a failure. */
export interface JobError {
  message: string;
  /** false: dead-letter at once (bad input, permanent refusal); true: retry with backoff while attempts remain. */
  retryable: boolean;
  details?: JsonValue;
}

/** ok: lease extended; stale: the lease is lost (expired and taken back, or a newer attempt) — stop working on it; cancelled: extended, but stop and fail or release the job. */
export type HeartbeatStatus = 'ok' | 'stale' | 'cancelled';

export interface HeartbeatResult extends JobRef {
  status: HeartbeatStatus;
  /** The new expiry when status is ok or cancelled. */
  leaseExpiresAt?: number;
}

/** Per job of a batch call: ok, stale (not leased under that attempt any more) or not_found (no live job with that id). */
export type AckStatus = 'ok' | 'stale' | 'not_found';

/** What fail() did with the job. */
export type FailOutcome = { outcome: 'retrying'; retryAt: number } | { outcome: 'failed' } | { outcome: 'cancelled' };

/** What release() did with the job. */
export type ReleaseOutcome = 'requeued' | 'cancelled';

/** What cancel() did: removed a queued/delayed/dead job, flagged a leased one, or found nothing. */
export type CancelOutcome = 'cancelled' | 'cancel_requested' | 'not_found';

export type JobState = 'queued' | 'leased' | 'delayed' | 'dead';

export const JOB_STATES: readonly JobState[] = ['queued', 'leased', 'delayed', 'dead'];

/** A job as introspection sees it. */
export interface JobInfo {
  id: string;
  pool: string;
  state: JobState;
  /** Base priority. */
  priority: number;
  /** base + 0.1 * seconds waited since createdAt, at `observedAt` (Redis clock). */
  effectivePriority: number;
  createdAt: number;
  /** Leases so far; while leased, the current lease's attempt. */
  attempt: number;
  failures: number;
  maxAttempts: number;
  payload: JsonObject;
  meta?: JsonObject;
  /** Set while leased. */
  lease?: { executorId: string; leasedAt: number; expiresAt: number; cancelRequested: boolean };
  /** Set while delayed: when it returns to the queue. */
  retryAt?: number;
  /** Set when dead-lettered. */
  deadAt?: number;
  /** The error of the last failed attempt, while delayed or dead. */
  lastError?: JobError;
  /** The Redis server time the job was read at. */
  observedAt: number;
}

/** Counts of one pool, for the API, the autoscaler and metrics. */
export interface QueueStats {
  pool: string;
  queued: number;
  leased: number;
  delayed: number;
  dead: number;
  /**
   * Results in the pool's result stream that the workflow engine has not applied
   * yet (its consumer group's undelivered + unacknowledged entries): how far the
   * control planes lag behind the executors.
   */
  unappliedResults: number;
  /** Creation time of the oldest queued job, to the second; undefined when none is queued. */
  oldestQueuedAt?: number;
  /** Seconds the oldest queued job has waited (0 when none). */
  oldestWaitSeconds: number;
  observedAt: number;
}

/** One page of listJobs(). */
export interface JobPage {
  jobs: JobInfo[];
  /** Jobs in that state right now. */
  total: number;
  /** Pass back to get the next page; undefined on the last page. An offset: concurrent changes may shift items. */
  nextCursor?: string;
}

/** The outcome of one job of `failMany`: a fail outcome, or why the job was not failed. */
export type FailManyOutcome = FailOutcome | { outcome: 'stale' } | { outcome: 'not_found' };
