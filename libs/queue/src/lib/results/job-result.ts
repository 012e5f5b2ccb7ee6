import type { JsonObject, JsonValue } from '@base-shift/core';
import type { JobError } from '../model/job-types';

/**
 * started (leased; only with announceStarts), succeeded, retrying (a counted
 * failure or an expired lease; the job runs again), failed (final: the job is
 * dead-lettered), cancelled (removed by cancel()).
 */
export type JobOutcome = 'started' | 'succeeded' | 'retrying' | 'failed' | 'cancelled';

/**
 * One entry of a pool's result stream. Delivery is at-least-once: apply it
 * idempotently, keyed by (jobId, attempt, outcome).
 */
export interface JobResult {
  /** Stream entry id: pass it to ack(). */
  entryId: string;
  pool: string;
  jobId: string;
  attempt: number;
  outcome: JobOutcome;
  /** When the outcome happened (Redis clock, ms; from the entry id). */
  at: number;
  /** The job's meta as given to enqueue. */
  meta?: JsonObject;
  /** succeeded: what the executor returned. */
  output?: JsonValue;
  /** retrying and failed: why. */
  error?: JobError;
  /** retrying: when the job is queued again. */
  retryAt?: number;
  /** started: who leased it. */
  executorId?: string;
}

/** A stream entry as ioredis returns it: [id, [field, value, ...]] (fields null if the entry was deleted). */
export type StreamEntry = [string, string[] | null];

/** What XREAD / XREADGROUP answer for one stream: [[stream, entries]], or null when nothing came. */
export type StreamReply = [string, StreamEntry[]][] | null;

/** The results of a reply's entries, in order; deleted entries (no fields) are skipped. */
export function parseResults(pool: string, entries: readonly StreamEntry[]): JobResult[] {
  const results: JobResult[] = [];
  for (const entry of entries) {
    const result = parseResultEntry(pool, entry);
    if (result) results.push(result);
  }
  return results;
}

export function parseResultEntry(pool: string, [entryId, fields]: StreamEntry): JobResult | undefined {
  if (!fields) return undefined;
  const values = new Map<string, string>();
  for (let i = 0; i < fields.length; i += 2) values.set(fields[i], fields[i + 1]);
  const result: JobResult = {
    entryId,
    pool,
    jobId: values.get('job') ?? '',
    attempt: Number(values.get('attempt')),
    outcome: values.get('outcome') as JobOutcome,
    at: Number(entryId.slice(0, entryId.indexOf('-'))),
  };
  const json = (name: string) => (values.has(name) ? JSON.parse(values.get(name) as string) : undefined);
  if (values.has('meta')) result.meta = json('meta') as JsonObject;
  if (values.has('output')) result.output = json('output') as JsonValue;
  if (values.has('error')) result.error = json('error') as JobError;
  if (values.has('retryAt')) result.retryAt = Number(values.get('retryAt'));
  if (values.has('executor')) result.executorId = values.get('executor');
  return result;
}
