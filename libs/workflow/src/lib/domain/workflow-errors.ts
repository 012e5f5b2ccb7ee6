import { CodedError, formatProblem, type ValidationProblem } from '@base-shift/core';

export type WorkflowErrorCode =
  | 'WORKFLOW.INVALID'
  | 'WORKFLOW.TOO_LARGE'
  | 'WORKFLOW.NOT_FOUND'
  | 'WORKFLOW.JOB_NOT_FOUND'
  | 'WORKFLOW.ILLEGAL_TRANSITION'
  | 'WORKFLOW.IDEMPOTENCY_CONFLICT'
  | 'WORKFLOW.STALE_ATTEMPT'
  | 'WORKFLOW.JOB_RESULT_CONFLICT'
  | 'WORKFLOW.NOT_FINISHED';

/**
 * Domain errors carry a stable `code`; only the HTTP edge maps them to status
 * codes (apps/control-plane/src/app/workflows/http/workflow-http-exception.ts).
 */
export abstract class WorkflowError extends CodedError<WorkflowErrorCode> {}

/** One problem found in a request, named by its JSON Pointer (`/jobs/1/dependsOn/0`), as every problem detail is. */
export type FieldProblem = ValidationProblem;

/** Thrown when a workflow request, a job's input or output breaks a rule; nothing was written. */
export class WorkflowValidationError extends WorkflowError {
  readonly code = 'WORKFLOW.INVALID';
  constructor(
    readonly problems: readonly FieldProblem[],
    summary = 'The workflow request is invalid',
  ) {
    super(`${summary}: ${problems.map(formatProblem).join('; ')}`);
  }
}

/** Thrown when a request would store more than the size limits once its references are resolved; nothing was written. */
export class WorkflowTooLargeError extends WorkflowError {
  readonly code = 'WORKFLOW.TOO_LARGE';
  constructor(readonly problems: readonly FieldProblem[]) {
    super(`The workflow request is too large: ${problems.map(formatProblem).join('; ')}`);
  }
}

/** Thrown when no workflow has the given id. */
export class WorkflowNotFoundError extends WorkflowError {
  readonly code = 'WORKFLOW.NOT_FOUND';
  constructor(readonly workflowId: string) {
    super(`workflow ${JSON.stringify(workflowId)} does not exist`);
  }
}

/** Thrown when the workflow exists but has no job with the given id. */
export class JobNotFoundError extends WorkflowError {
  readonly code = 'WORKFLOW.JOB_NOT_FOUND';
  constructor(
    readonly workflowId: string,
    readonly jobId: string,
  ) {
    super(`workflow ${JSON.stringify(workflowId)} has no job ${JSON.stringify(jobId)}`);
  }
}

/** Thrown when the state machine forbids a move; the state was left unchanged. */
export class IllegalTransitionError extends WorkflowError {
  readonly code = 'WORKFLOW.ILLEGAL_TRANSITION';
  constructor(
    readonly subject: string,
    readonly from: string,
    readonly to: string,
    readonly allowed: readonly string[],
  ) {
    super(`${subject} cannot move from ${from} to ${to}; ` + (allowed.length > 0 ? `allowed from ${from}: ${allowed.join(', ')}` : `${from} is final`));
  }
}

/** Thrown when an Idempotency-Key is reused with a different request body. */
export class IdempotencyConflictError extends WorkflowError {
  readonly code = 'WORKFLOW.IDEMPOTENCY_CONFLICT';
  constructor(readonly workflowId: string) {
    super(`this Idempotency-Key was already used for workflow ${workflowId} with a different request body`);
  }
}

/** Thrown when a job update names an attempt that is not the job's current one. */
export class StaleAttemptError extends WorkflowError {
  readonly code = 'WORKFLOW.STALE_ATTEMPT';
  constructor(
    readonly jobId: string,
    readonly given: number,
    readonly current: number,
  ) {
    super(`job ${jobId}: attempt ${given} is not the current attempt (${current})`);
  }
}

/** Thrown when a finished job is reported finished again with a different result. */
export class JobResultConflictError extends WorkflowError {
  readonly code = 'WORKFLOW.JOB_RESULT_CONFLICT';
  constructor(
    readonly jobId: string,
    readonly state: string,
  ) {
    super(`job ${jobId} is already ${state} with a different output or error`);
  }
}

/** Thrown when a workflow that has not finished (COMPLETED, FAILED, CANCELLED) is to be deleted; nothing was deleted. */
export class WorkflowNotFinishedError extends WorkflowError {
  readonly code = 'WORKFLOW.NOT_FINISHED';
  constructor(
    readonly workflowId: string,
    readonly state: string,
  ) {
    super(`workflow ${workflowId} is ${state}; only a COMPLETED, FAILED or CANCELLED workflow can be deleted (cancel it first)`);
  }
}
