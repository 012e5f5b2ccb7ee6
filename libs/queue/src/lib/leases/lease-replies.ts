import { childPointer } from '@base-shift/core';
import { InvalidArgumentError } from '../errors/queue-errors';
import { isRefusal, refusalStatus, type ScriptRefusal } from '../errors/script-codes';
import type { FailManyOutcome, JobError, JobRef } from '../model/job-types';
import { anyJson } from '../options/validation';

/** Script arguments and replies of JobLeases, kept out of the facade. */

export function groupByPool(jobs: readonly JobRef[]): [string, { ref: JobRef; index: number }[]][] {
  const groups = new Map<string, { ref: JobRef; index: number }[]>();
  jobs.forEach((ref, index) => {
    const group = groups.get(ref.pool) ?? [];
    group.push({ ref, index });
    groups.set(ref.pool, group);
  });
  return [...groups];
}

export function errorArgs(error: JobError, field: string, maxBytes: number): [string, string] {
  if (typeof error !== 'object' || error === null) throw new InvalidArgumentError(field, 'must be an object { message, retryable, details? }');
  if (typeof error.message !== 'string') throw new InvalidArgumentError(childPointer(field, 'message'), 'must be a string');
  if (typeof error.retryable !== 'boolean') throw new InvalidArgumentError(childPointer(field, 'retryable'), 'must be true or false');
  const json = anyJson({ message: error.message, retryable: error.retryable, ...(error.details !== undefined && { details: error.details }) }, field, maxBytes);
  return [error.retryable ? '1' : '0', json];
}

export function failOutcome(code: number, at: number): FailManyOutcome {
  if (isRefusal(code)) return { outcome: refusalStatus(code as ScriptRefusal) };
  if (code === 1) return { outcome: 'retrying', retryAt: at };
  return code === 2 ? { outcome: 'failed' } : { outcome: 'cancelled' };
}
