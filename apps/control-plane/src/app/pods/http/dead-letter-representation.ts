import type { JsonObject } from '@base-shift/core';
import type { JobError, JobInfo } from '@base-shift/queue';

/** A dead-lettered job as the API shows it; times in ISO 8601. */
export interface DeadLetter {
  id: string;
  pool: string;
  priority: number;
  attempt: number;
  failures: number;
  maxAttempts: number;
  createdAt: string;
  deadAt?: string;
  lastError?: JobError;
  meta?: JsonObject;
  /** Only when one job is read: it may hold personal data. */
  payload?: JsonObject;
}

export interface DeadLetterPage {
  items: DeadLetter[];
  /** Jobs in the dead letter right now. */
  total: number;
  nextCursor: string | null;
}

export function toDeadLetter(job: JobInfo, withPayload: boolean): DeadLetter {
  return {
    id: job.id,
    pool: job.pool,
    priority: job.priority,
    attempt: job.attempt,
    failures: job.failures,
    maxAttempts: job.maxAttempts,
    createdAt: new Date(job.createdAt).toISOString(),
    ...(job.deadAt !== undefined && { deadAt: new Date(job.deadAt).toISOString() }),
    ...(job.lastError !== undefined && { lastError: job.lastError }),
    ...(job.meta !== undefined && { meta: job.meta }),
    ...(withPayload && { payload: job.payload }),
  };
}
