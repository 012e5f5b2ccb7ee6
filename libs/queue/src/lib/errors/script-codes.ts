import { JobNotFoundError, JobStateError, StaleAttemptError, type QueueError } from './queue-errors';
import type { AckStatus } from '../model/job-types';

/** Negative codes the scripts return instead of changing a job (see each script's header). */
export enum ScriptRefusal {
  JobNotFound = -1,
  StaleAttempt = -2,
  WrongState = -3,
}

export function isRefusal(code: number): code is ScriptRefusal {
  return code < 0;
}

/** Per-job status of batch calls: a refusal becomes data, not an exception. */
export function refusalStatus(code: ScriptRefusal): Exclude<AckStatus, 'ok'> {
  return code === ScriptRefusal.JobNotFound ? 'not_found' : 'stale';
}

/** The one mapping from a script refusal to a typed error. */
export function refusalToError(code: ScriptRefusal, pool: string, jobId: string, attempt = 0, expectedState = 'in that state'): QueueError {
  switch (code) {
    case ScriptRefusal.JobNotFound:
      return new JobNotFoundError(pool, jobId);
    case ScriptRefusal.StaleAttempt:
      return new StaleAttemptError(pool, jobId, attempt);
    case ScriptRefusal.WrongState:
      return new JobStateError(pool, jobId, expectedState);
    default:
      throw new Error(`queue script returned unknown refusal code ${String(code)}`);
  }
}
