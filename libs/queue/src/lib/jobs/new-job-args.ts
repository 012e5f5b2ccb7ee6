import { childPointer } from '@base-shift/core';
import { InvalidArgumentError, InvalidPriorityError } from '../errors/queue-errors';
import type { NewJob } from '../model/job-types';
import { EPOCH_MS, MAX_CREATED_AT, MAX_PRIORITY, priorityTicks } from '../model/priority';
import { checkInt, checkNewJobId, objectJson } from '../options/validation';

export interface NewJobLimits {
  maxPayloadBytes: number;
  maxMetaBytes: number;
  defaultMaxAttempts: number;
}

/** One job as enqueue-6.lua takes it: id, ticks, createdAt, maxAttempts, meta, payload. */
export type EnqueueArgs = [string, string, string, string, string, string];

export const MAX_ATTEMPTS_LIMIT = 1000;

/** Validates a job completely (`field`: its JSON Pointer, e.g. `/jobs/3`) (nothing is written for a bad one) and encodes it for the script. */
export function newJobArgs(job: NewJob, field: string, limits: NewJobLimits): EnqueueArgs {
  if (typeof job !== 'object' || job === null) throw new InvalidArgumentError(field, 'must be an object with a payload');
  const id = job.id === undefined ? '' : checkNewJobId(job.id, childPointer(field, 'id'));
  const priority = job.priority ?? 0;
  if (typeof priority !== 'number' || !Number.isFinite(priority) || Math.abs(priority) > MAX_PRIORITY) {
    throw new InvalidPriorityError(childPointer(field, 'priority'), priority);
  }
  const maxAttempts = checkInt(job.maxAttempts ?? limits.defaultMaxAttempts, childPointer(field, 'maxAttempts'), 1, MAX_ATTEMPTS_LIMIT);
  let createdAt = '';
  if (job.createdAt !== undefined) {
    const ms = job.createdAt instanceof Date ? job.createdAt.getTime() : job.createdAt;
    if (typeof ms !== 'number' || !Number.isInteger(ms) || ms < EPOCH_MS || ms > MAX_CREATED_AT) {
      throw new InvalidArgumentError(
        childPointer(field, 'createdAt'),
        `must be a Date or integer ms between ${new Date(EPOCH_MS).toISOString()} and ${new Date(MAX_CREATED_AT).toISOString()} (got ${String(job.createdAt)})`,
      );
    }
    createdAt = String(ms);
  }
  const meta = job.meta === undefined ? '' : objectJson(job.meta, childPointer(field, 'meta'), limits.maxMetaBytes);
  const payload = objectJson(job.payload, childPointer(field, 'payload'), limits.maxPayloadBytes);
  return [id, String(priorityTicks(priority)), createdAt, String(maxAttempts), meta, payload];
}
