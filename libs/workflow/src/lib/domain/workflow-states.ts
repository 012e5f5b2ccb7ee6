/** Workflow lifecycle states (docs/architecture.md, "State machine"). */
export const WORKFLOW_STATES = ['INITIALIZED', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED'] as const;
export type WorkflowState = (typeof WORKFLOW_STATES)[number];

/** Job lifecycle states (docs/architecture.md, "State machine"). */
export const JOB_STATES = ['PENDING', 'QUEUED', 'RUNNING', 'RETRY_WAIT', 'SUCCEEDED', 'FAILED', 'CANCELLED', 'TIMED_OUT'] as const;
export type JobState = (typeof JOB_STATES)[number];

/**
 * A workflow in one of these states will not move again on its own. FAILED is
 * terminal too; only an explicit retry request moves it back to RUNNING.
 */
export const TERMINAL_WORKFLOW_STATES: readonly WorkflowState[] = ['COMPLETED', 'FAILED', 'CANCELLED'];

/** A job in one of these states has finished its current run. */
export const TERMINAL_JOB_STATES: readonly JobState[] = ['SUCCEEDED', 'FAILED', 'CANCELLED', 'TIMED_OUT'];

/** Jobs that hold (or are about to hold) a place in the queue. */
export const IN_FLIGHT_JOB_STATES: readonly JobState[] = ['QUEUED', 'RUNNING', 'RETRY_WAIT'];

export function isWorkflowState(value: unknown): value is WorkflowState {
  return typeof value === 'string' && (WORKFLOW_STATES as readonly string[]).includes(value);
}

export function isJobState(value: unknown): value is JobState {
  return typeof value === 'string' && (JOB_STATES as readonly string[]).includes(value);
}

export function isTerminalWorkflowState(state: WorkflowState): boolean {
  return TERMINAL_WORKFLOW_STATES.includes(state);
}

export function isTerminalJobState(state: JobState): boolean {
  return TERMINAL_JOB_STATES.includes(state);
}
