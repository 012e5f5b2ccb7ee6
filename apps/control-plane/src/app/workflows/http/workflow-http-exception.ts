import { BadRequestException, ConflictException, NotFoundException, PayloadTooLargeException, type HttpException } from '@nestjs/common';
import { assertNever } from '@base-shift/core';
import type { IllegalTransitionError, WorkflowError, WorkflowNotFinishedError, WorkflowTooLargeError, WorkflowValidationError } from '@base-shift/workflow';

/**
 * The edge's only mapping from workflow domain errors (stable codes) to HTTP
 * problems, applied by the problem-details filter wherever the error was
 * thrown (controller, guard, stream); a code without a case here fails type-checking.
 */
export function workflowHttpException(error: WorkflowError): HttpException {
  const base = { code: error.code, detail: error.message };
  switch (error.code) {
    case 'WORKFLOW.INVALID':
      return new BadRequestException({ ...base, title: 'Invalid request', errors: (error as WorkflowValidationError).problems });
    case 'WORKFLOW.TOO_LARGE':
      return new PayloadTooLargeException({ ...base, title: 'Workflow too large', errors: (error as WorkflowTooLargeError).problems });
    case 'WORKFLOW.NOT_FOUND':
      return new NotFoundException({ ...base, title: 'Workflow not found' });
    case 'WORKFLOW.JOB_NOT_FOUND':
      return new NotFoundException({ ...base, title: 'Job not found' });
    case 'WORKFLOW.ILLEGAL_TRANSITION': {
      const { from, to, allowed } = error as IllegalTransitionError;
      return new ConflictException({ ...base, title: 'Illegal state transition', from, to, allowed });
    }
    case 'WORKFLOW.IDEMPOTENCY_CONFLICT':
      return new ConflictException({ ...base, title: 'Idempotency-Key reused with another request' });
    case 'WORKFLOW.STALE_ATTEMPT':
      return new ConflictException({ ...base, title: 'Stale attempt' });
    case 'WORKFLOW.JOB_RESULT_CONFLICT':
      return new ConflictException({ ...base, title: 'Conflict' });
    case 'WORKFLOW.NOT_FINISHED':
      return new ConflictException({ ...base, title: 'Workflow not finished', state: (error as WorkflowNotFinishedError).state });
    default:
      return assertNever(error.code, 'workflow error code');
  }
}
