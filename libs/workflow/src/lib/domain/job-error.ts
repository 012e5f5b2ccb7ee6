import { isJsonObject, type JsonObject, type JsonValue } from '@base-shift/core';

/** A failed job's `error`, whoever reported it: always an object with a `message`. */
export type JobErrorValue = JsonObject & { message: string };

const NO_MESSAGE = 'failed (no message given)';

/**
 * The one shape of a job's `error`. `PUT …/jobs/{jobId}` accepts a bare
 * string (`{message: <string>}`) and records written before this rule may
 * hold one; an executor reports `{message, retryable, details: {code, step?}}`,
 * whose `code` and `step` are copied to the top level so every error is read
 * alike (`error.code`, `error.step`). Applied where errors come in (the PUT)
 * and where records are read, so a client never sees anything else.
 */
export function toJobError(error: JsonValue | undefined): JobErrorValue | undefined {
  if (error === undefined || error === null) return undefined;
  if (typeof error === 'string') return { message: error || NO_MESSAGE };
  if (!isJsonObject(error)) return { message: NO_MESSAGE, details: error };
  const details = isJsonObject(error['details']) ? error['details'] : {};
  return {
    ...(typeof details['code'] === 'string' && { code: details['code'] }),
    ...(typeof details['step'] === 'string' && { step: details['step'] }),
    ...error,
    message: typeof error['message'] === 'string' && error['message'] ? error['message'] : NO_MESSAGE,
  };
}
