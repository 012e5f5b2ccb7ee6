import { assertNever, CodedError, errorMessage, type JsonValue } from '@base-shift/core';

export type ExecutorErrorCode =
  | 'EXECUTOR.VALIDATION_FAILED'
  | 'EXECUTOR.SECRET_MISSING'
  | 'EXECUTOR.SECRET_DESTINATION_REFUSED'
  | 'EXECUTOR.EGRESS_REFUSED'
  | 'EXECUTOR.HTTP_CLIENT_ERROR'
  | 'EXECUTOR.HTTP_UNAVAILABLE'
  | 'EXECUTOR.HTTP_BAD_RESPONSE'
  | 'EXECUTOR.UNKNOWN_STEP_TYPE'
  | 'EXECUTOR.INVALID_TEMPLATE'
  | 'EXECUTOR.TEMPLATE_NOT_FOUND'
  | 'EXECUTOR.OUTPUT_TOO_LARGE'
  | 'EXECUTOR.MAPPING_FAILED'
  | 'EXECUTOR.OUTPUT_SCHEMA_MISMATCH'
  | 'EXECUTOR.TIMED_OUT'
  | 'EXECUTOR.CANCELLED'
  | 'EXECUTOR.INVALID_PAYLOAD'
  | 'EXECUTOR.LEASE_LOST'
  | 'EXECUTOR.RELEASED'
  | 'EXECUTOR.INTERNAL';

/**
 * Why a job (or one of its steps) did not succeed. `code` is stable (clients and
 * tests match on it); `retryable` tells the queue whether another attempt may
 * help. Messages never contain secret values: they are redacted before any
 * error leaves the executor, and the errors below are written not to need them.
 */
export abstract class JobFailure extends CodedError<ExecutorErrorCode> {
  /** The step that failed, set by the job runner. */
  step?: string;

  constructor(
    message: string,
    readonly details?: JsonValue,
  ) {
    super(message);
  }

  get retryable(): boolean {
    return isRetryable(this.code);
  }

  /** What the queue stores and the workflow engine reads: `{ message, retryable, details: { code, step?, details? } }`. */
  report(): { message: string; retryable: boolean; details: JsonValue } {
    const details: { [key: string]: JsonValue } = { code: this.code };
    if (this.step !== undefined) details['step'] = this.step;
    if (this.details !== undefined) details['details'] = this.details;
    return { message: this.message, retryable: this.retryable, details };
  }
}

/**
 * Whether another attempt may help: the one place a code becomes the queue's
 * retry decision (a new code without a case here fails type-checking). Yes for
 * what is transient (the API, the network, this executor) and for the abort
 * reasons of a job that runs again elsewhere; no where the same template,
 * input and secrets would fail the same way.
 */
function isRetryable(code: ExecutorErrorCode): boolean {
  switch (code) {
    case 'EXECUTOR.HTTP_UNAVAILABLE':
    case 'EXECUTOR.TIMED_OUT':
    case 'EXECUTOR.INTERNAL':
    case 'EXECUTOR.LEASE_LOST':
    case 'EXECUTOR.RELEASED':
      return true;
    case 'EXECUTOR.VALIDATION_FAILED':
    case 'EXECUTOR.SECRET_MISSING':
    case 'EXECUTOR.SECRET_DESTINATION_REFUSED':
    case 'EXECUTOR.EGRESS_REFUSED':
    case 'EXECUTOR.HTTP_CLIENT_ERROR':
    case 'EXECUTOR.HTTP_BAD_RESPONSE':
    case 'EXECUTOR.UNKNOWN_STEP_TYPE':
    case 'EXECUTOR.INVALID_TEMPLATE':
    case 'EXECUTOR.TEMPLATE_NOT_FOUND':
    case 'EXECUTOR.OUTPUT_TOO_LARGE':
    case 'EXECUTOR.MAPPING_FAILED':
    case 'EXECUTOR.OUTPUT_SCHEMA_MISMATCH':
    case 'EXECUTOR.CANCELLED':
    case 'EXECUTOR.INVALID_PAYLOAD':
      return false;
    default:
      return assertNever(code, 'executor error code');
  }
}

/** A validation rule rejected the step input. */
export class ValidationRuleFailedError extends JobFailure {
  readonly code = 'EXECUTOR.VALIDATION_FAILED';
  constructor(
    readonly rule: string,
    readonly field: string | undefined,
    problem: string,
  ) {
    super(`rule ${rule} failed${field ? ` for field ${field}` : ''}: ${problem}`, { rule, ...(field ? { field } : {}), problem });
  }
}

/** A `${NAME}` placeholder names a secret the pool does not bind (SECRET_BINDINGS), or whose file is not in SECRETS_DIR. */
export class SecretMissingError extends JobFailure {
  readonly code = 'EXECUTOR.SECRET_MISSING';
  constructor(
    readonly secret: string,
    where: string,
  ) {
    super(`secret ${secret} is not available (looked in ${where})`, { secret });
  }
}

/**
 * A request carrying a secret was about to go to a host outside that secret's
 * binding (SECRET_BINDINGS): refused before any connection is opened.
 */
export class SecretDestinationRefusedError extends JobFailure {
  readonly code = 'EXECUTOR.SECRET_DESTINATION_REFUSED';
  constructor(
    readonly secret: string,
    host: string,
    allowedHosts: readonly string[],
  ) {
    super(`secret ${secret} may not be sent to ${host} (its binding allows ${allowedHosts.join(', ') || 'no host'}); no connection was made`, {
      secret,
      host,
    });
  }
}

/** The SSRF guard refused a destination (scheme, address class, or a redirect leading there). */
export class EgressRefusedError extends JobFailure {
  readonly code = 'EXECUTOR.EGRESS_REFUSED';
}

/** The API answered with a 4xx other than 408/429: sending the same request again cannot help. */
export class HttpClientError extends JobFailure {
  readonly code = 'EXECUTOR.HTTP_CLIENT_ERROR';
  constructor(
    readonly status: number,
    message: string,
    details?: JsonValue,
  ) {
    super(message, details);
  }
}

/** 5xx, 429, 408, a timeout or a network error persisted through the step's own retries. */
export class HttpUnavailableError extends JobFailure {
  readonly code = 'EXECUTOR.HTTP_UNAVAILABLE';
}

/** The API answered 2xx with something that is not a usable JSON document. */
export class HttpBadResponseError extends JobFailure {
  readonly code = 'EXECUTOR.HTTP_BAD_RESPONSE';
}

/** The template uses a step type this executor does not implement (a newer control plane). */
export class UnknownStepTypeError extends JobFailure {
  readonly code = 'EXECUTOR.UNKNOWN_STEP_TYPE';
}

/** A step config that this executor's registry rejects, or a template snapshot that is not runnable. */
export class InvalidTemplateError extends JobFailure {
  readonly code = 'EXECUTOR.INVALID_TEMPLATE';
}

/** The job's template snapshot is not in Redis (its workflow was deleted, or the payload is malformed). */
export class TemplateNotFoundError extends JobFailure {
  readonly code = 'EXECUTOR.TEMPLATE_NOT_FOUND';
}

/** The job output is larger than the queue accepts. */
export class OutputTooLargeError extends JobFailure {
  readonly code = 'EXECUTOR.OUTPUT_TOO_LARGE';
}

/** A reference of a mapping found nothing and had no default. */
export class MappingFailedError extends JobFailure {
  readonly code = 'EXECUTOR.MAPPING_FAILED';
}

/** The last step's output does not match the template's outputSchema. */
export class OutputSchemaError extends JobFailure {
  readonly code = 'EXECUTOR.OUTPUT_SCHEMA_MISMATCH';
}

/** The job ran past its timeoutSeconds and was aborted. */
export class JobTimedOutError extends JobFailure {
  readonly code = 'EXECUTOR.TIMED_OUT';
}

/** The control plane cancelled the job (seen on a heartbeat); it was aborted. */
export class JobCancelledError extends JobFailure {
  readonly code = 'EXECUTOR.CANCELLED';
}

/** The job's payload is not a workflow job (workflowId, jobId, templateId, version, input). */
export class InvalidJobPayloadError extends JobFailure {
  readonly code = 'EXECUTOR.INVALID_PAYLOAD';
}

/** Abort reason when the queue says the lease is gone: the job runs elsewhere now; nothing is reported. */
export class LeaseLostError extends JobFailure {
  readonly code = 'EXECUTOR.LEASE_LOST';
}

/** Abort reason when shutdown hands a running job back to the queue; nothing is reported. */
export class JobReleasedError extends JobFailure {
  readonly code = 'EXECUTOR.RELEASED';
}

/** Anything unexpected (a bug, Redis trouble while reading the template): worth another attempt. */
export class InternalExecutorError extends JobFailure {
  readonly code = 'EXECUTOR.INTERNAL';
}

/** Wraps what a step threw into a JobFailure without losing a typed one. */
export function asJobFailure(error: unknown): JobFailure {
  if (error instanceof JobFailure) return error;
  return new InternalExecutorError(errorMessage(error));
}
