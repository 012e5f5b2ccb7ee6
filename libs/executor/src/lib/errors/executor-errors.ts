import type { JsonValue } from '@base-shift/steps';

/**
 * Why a job (or one of its steps) did not succeed. `code` is stable (clients and
 * tests match on it); `retryable` tells the queue whether another attempt may
 * help. Messages never contain secret values: they are redacted before any
 * error leaves the executor, and the errors below are written not to need them.
 */
export abstract class JobFailure extends Error {
  abstract readonly code: string;
  abstract readonly retryable: boolean;
  /** The step that failed, set by the job runner. */
  step?: string;

  constructor(message: string, readonly details?: JsonValue) {
    super(message);
    this.name = new.target.name;
  }

  /** What the queue stores and the workflow engine reads: `{ message, retryable, details: { code, step?, details? } }`. */
  report(): { message: string; retryable: boolean; details: JsonValue } {
    const details: { [key: string]: JsonValue } = { code: this.code };
    if (this.step !== undefined) details['step'] = this.step;
    if (this.details !== undefined) details['details'] = this.details;
    return { message: this.message, retryable: this.retryable, details };
  }
}

/** A validation rule rejected the step input. */
export class ValidationRuleFailedError extends JobFailure {
  readonly code = 'EXECUTOR.VALIDATION_FAILED';
  readonly retryable = false;
  constructor(readonly rule: string, readonly field: string | undefined, problem: string) {
    super(`rule ${rule} failed${field ? ` for field ${field}` : ''}: ${problem}`, { rule, ...(field ? { field } : {}), problem });
  }
}

/** A `${NAME}` placeholder names a secret found neither in SECRETS_DIR nor in the environment. */
export class SecretMissingError extends JobFailure {
  readonly code = 'EXECUTOR.SECRET_MISSING';
  readonly retryable = false;
  constructor(readonly secret: string, where: string) {
    super(`secret ${secret} is not available (looked in ${where})`, { secret });
  }
}

/** The SSRF guard refused a destination (scheme, address class, or a redirect leading there). */
export class EgressRefusedError extends JobFailure {
  readonly code = 'EXECUTOR.EGRESS_REFUSED';
  readonly retryable = false;
}

/** The API answered with a 4xx other than 408/429: sending the same request again cannot help. */
export class HttpClientError extends JobFailure {
  readonly code = 'EXECUTOR.HTTP_CLIENT_ERROR';
  readonly retryable = false;
  constructor(readonly status: number, message: string, details?: JsonValue) {
    super(message, details);
  }
}

/** 5xx, 429, 408, a timeout or a network error persisted through the step's own retries. */
export class HttpUnavailableError extends JobFailure {
  readonly code = 'EXECUTOR.HTTP_UNAVAILABLE';
  readonly retryable = true;
}

/** The API answered 2xx with something that is not a usable JSON document. */
export class HttpBadResponseError extends JobFailure {
  readonly code = 'EXECUTOR.HTTP_BAD_RESPONSE';
  readonly retryable = false;
}

/** The template uses a step type this executor does not implement (a newer control plane). */
export class UnknownStepTypeError extends JobFailure {
  readonly code = 'EXECUTOR.UNKNOWN_STEP_TYPE';
  readonly retryable = false;
}

/** A step config that this executor's registry rejects, or a template snapshot that is not runnable. */
export class InvalidTemplateError extends JobFailure {
  readonly code = 'EXECUTOR.INVALID_TEMPLATE';
  readonly retryable = false;
}

/** The job's template snapshot is not in Redis (its workflow was deleted, or the payload is malformed). */
export class TemplateNotFoundError extends JobFailure {
  readonly code = 'EXECUTOR.TEMPLATE_NOT_FOUND';
  readonly retryable = false;
}

/** The job output is larger than the queue accepts. */
export class OutputTooLargeError extends JobFailure {
  readonly code = 'EXECUTOR.OUTPUT_TOO_LARGE';
  readonly retryable = false;
}

/** A `$ref` of a mapping found nothing and had no default. */
export class MappingFailedError extends JobFailure {
  readonly code = 'EXECUTOR.MAPPING_FAILED';
  readonly retryable = false;
}

/** The last step's output does not match the template's outputSchema. */
export class OutputSchemaError extends JobFailure {
  readonly code = 'EXECUTOR.OUTPUT_SCHEMA_MISMATCH';
  readonly retryable = false;
}

/** The job ran past its timeoutSeconds and was aborted. */
export class JobTimedOutError extends JobFailure {
  readonly code = 'EXECUTOR.TIMED_OUT';
  readonly retryable = true;
}

/** The control plane cancelled the job (seen on a heartbeat); it was aborted. */
export class JobCancelledError extends JobFailure {
  readonly code = 'EXECUTOR.CANCELLED';
  readonly retryable = false;
}

/** The job's payload is not a workflow job (workflowId, jobId, templateId, version, input). */
export class InvalidJobPayloadError extends JobFailure {
  readonly code = 'EXECUTOR.INVALID_PAYLOAD';
  readonly retryable = false;
}

/** Abort reason when the queue says the lease is gone: the job runs elsewhere now; nothing is reported. */
export class LeaseLostError extends JobFailure {
  readonly code = 'EXECUTOR.LEASE_LOST';
  readonly retryable = true;
}

/** Abort reason when shutdown hands a running job back to the queue; nothing is reported. */
export class JobReleasedError extends JobFailure {
  readonly code = 'EXECUTOR.RELEASED';
  readonly retryable = true;
}

/** Anything unexpected (a bug, Redis trouble while reading the template): worth another attempt. */
export class InternalExecutorError extends JobFailure {
  readonly code = 'EXECUTOR.INTERNAL';
  readonly retryable = true;
}

/** Wraps what a step threw into a JobFailure without losing a typed one. */
export function asJobFailure(error: unknown): JobFailure {
  if (error instanceof JobFailure) return error;
  return new InternalExecutorError(error instanceof Error ? error.message : String(error));
}
