import {
  IdempotencyConflictError,
  IllegalTransitionError,
  JobNotFoundError,
  JobResultConflictError,
  StaleAttemptError,
  WorkflowNotFinishedError,
  WorkflowNotFoundError,
  type WorkflowError,
} from '../domain/workflow-errors';
import { allowedJobMoves, allowedWorkflowMoves } from '../domain/transition-table';
import type { JobState, WorkflowState } from '../domain/workflow-states';

/** Negative codes the workflow scripts return as `{code, ...details}` instead of changing anything. */
export enum ScriptRefusal {
  WorkflowNotFound = -1,
  JobNotFound = -2,
  IdempotencyConflict = -3,
  IllegalWorkflowTransition = -4,
  IllegalJobTransition = -5,
  StaleAttempt = -6,
  JobResultConflict = -7,
  WorkflowNotFinished = -8,
}

export function isRefusal(reply: unknown): reply is [number, ...unknown[]] {
  return Array.isArray(reply) && typeof reply[0] === 'number' && reply[0] < 0;
}

/** The one mapping from a script's refusal to a typed domain error. */
export function refusalToError(reply: [number, ...unknown[]], workflowId: string, jobId = ''): WorkflowError {
  const [code, ...details] = reply;
  const text = (index: number) => String(details[index] ?? '');
  switch (code as ScriptRefusal) {
    case ScriptRefusal.WorkflowNotFound:
      return new WorkflowNotFoundError(workflowId);
    case ScriptRefusal.JobNotFound:
      return new JobNotFoundError(workflowId, jobId);
    case ScriptRefusal.IdempotencyConflict:
      return new IdempotencyConflictError(workflowId);
    case ScriptRefusal.IllegalWorkflowTransition:
      return new IllegalTransitionError(`workflow ${workflowId}`, text(0), text(1), allowedWorkflowMoves(text(0) as WorkflowState));
    case ScriptRefusal.IllegalJobTransition:
      return new IllegalTransitionError(`job ${text(0)}`, text(1), text(2), allowedJobMoves(text(1) as JobState));
    case ScriptRefusal.StaleAttempt:
      return new StaleAttemptError(text(0), Number(details[1]), Number(details[2]));
    case ScriptRefusal.JobResultConflict:
      return new JobResultConflictError(text(0), text(1));
    case ScriptRefusal.WorkflowNotFinished:
      return new WorkflowNotFinishedError(workflowId, text(0));
    default:
      throw new Error(`workflow script returned unknown refusal code ${code}`);
  }
}
