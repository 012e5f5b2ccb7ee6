import { errorMessage } from '@base-shift/core';
import { isPoolName, POOL_NAME_RULE } from '@base-shift/job-contract';
import { keyPrefixProblem } from '@base-shift/redis';
import { InvalidArgumentError, PayloadTooLargeError } from '../errors/queue-errors';

/** Printable ASCII without spaces; digits-only ids are reserved for generated ones. */
const JOB_ID = /^[\x21-\x7e]{1,200}$/;
/** Executor ids end up in lease records, which use '|' as separator. */
const EXECUTOR_ID = /^[A-Za-z0-9_.:@/-]{1,200}$/;

export function checkPoolName(pool: unknown, field: string): string {
  if (!isPoolName(pool)) {
    throw new InvalidArgumentError(field, `must be ${POOL_NAME_RULE} (got ${JSON.stringify(pool)})`);
  }
  return pool;
}

/** A key prefix (tests, developer instances sharing a Redis), by the platform's one rule for it. */
export function checkPrefix(prefix: unknown, field: string): string {
  if (typeof prefix !== 'string') throw new InvalidArgumentError(field, `must be a string (got ${typeof prefix})`);
  const problem = keyPrefixProblem(prefix);
  if (problem) throw new InvalidArgumentError(field, problem);
  return prefix;
}

export function checkJobId(id: unknown, field: string): string {
  if (typeof id !== 'string' || !JOB_ID.test(id)) {
    throw new InvalidArgumentError(field, `must be 1-200 printable ASCII characters without spaces (got ${JSON.stringify(id)})`);
  }
  return id;
}

/** A caller-chosen id for a new job: like any job id, but never all digits. */
export function checkNewJobId(id: unknown, field: string): string {
  checkJobId(id, field);
  if (/^\d+$/.test(id as string)) throw new InvalidArgumentError(field, `must not be all digits: those ids are generated (got ${JSON.stringify(id)})`);
  return id as string;
}

export function checkExecutorId(id: unknown, field = '/executorId'): string {
  if (typeof id !== 'string' || !EXECUTOR_ID.test(id)) {
    throw new InvalidArgumentError(field, `must match [A-Za-z0-9_.:@/-]{1,200} (got ${JSON.stringify(id)})`);
  }
  return id;
}

export function checkInt(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new InvalidArgumentError(field, `must be an integer from ${min} to ${max} (got ${String(value)})`);
  }
  return value;
}

export function checkNumber(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new InvalidArgumentError(field, `must be a number from ${min} to ${max} (got ${String(value)})`);
  }
  return value;
}

/** JSON text of a plain object (payload, meta), at most maxBytes of UTF-8. */
export function objectJson(value: unknown, field: string, maxBytes: number): string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidArgumentError(field, `must be a JSON object (got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value})`);
  }
  return anyJson(value, field, maxBytes);
}

/** JSON text of any JSON value (output, error details), at most maxBytes of UTF-8. */
export function anyJson(value: unknown, field: string, maxBytes: number): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    throw new InvalidArgumentError(field, `must be JSON-serialisable (${errorMessage(error)})`);
  }
  if (text === undefined) throw new InvalidArgumentError(field, 'must be JSON-serialisable (got undefined or a function)');
  // JSON.stringify output is ASCII-heavy: the char count is a cheap lower bound of the byte count.
  const bytes = text.length > maxBytes ? text.length : Buffer.byteLength(text);
  if (bytes > maxBytes) throw new PayloadTooLargeError(field, bytes, maxBytes);
  return text;
}
