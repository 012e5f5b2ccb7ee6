import { JOB_STATES, WORKFLOW_STATES, type JobState, type WorkflowState } from './workflow-states';

/**
 * THE transition table. The engine, the REST API (illegal move → 409), the
 * Lua scripts (the table is rendered into them at load time, see
 * `renderTransitionTableLua`) and the tests all read this one object.
 *
 * Beyond the seed's diagram (docs/architecture.md): `FAILED -> RUNNING` (workflow retry) and the job moves
 * back to PENDING from FAILED / TIMED_OUT / CANCELLED exist only for an
 * explicit workflow retry; `PENDING -> FAILED` is a job whose input, once its
 * references are resolved, does not match the template's inputSchema.
 */
export const WORKFLOW_TRANSITIONS: Readonly<Record<WorkflowState, readonly WorkflowState[]>> = {
  INITIALIZED: ['RUNNING', 'FAILED', 'CANCELLED'],
  RUNNING: ['COMPLETED', 'FAILED', 'CANCELLED'],
  COMPLETED: [],
  FAILED: ['RUNNING'],
  CANCELLED: [],
};

export const JOB_TRANSITIONS: Readonly<Record<JobState, readonly JobState[]>> = {
  PENDING: ['QUEUED', 'FAILED', 'CANCELLED'],
  QUEUED: ['RUNNING', 'CANCELLED', 'TIMED_OUT'],
  RUNNING: ['SUCCEEDED', 'FAILED', 'RETRY_WAIT', 'CANCELLED', 'TIMED_OUT'],
  RETRY_WAIT: ['QUEUED', 'CANCELLED', 'TIMED_OUT'],
  SUCCEEDED: [],
  FAILED: ['PENDING'],
  CANCELLED: ['PENDING'],
  TIMED_OUT: ['PENDING'],
};

export function canMoveWorkflow(from: WorkflowState, to: WorkflowState): boolean {
  return WORKFLOW_TRANSITIONS[from].includes(to);
}

export function canMoveJob(from: JobState, to: JobState): boolean {
  return JOB_TRANSITIONS[from].includes(to);
}

export function allowedWorkflowMoves(from: WorkflowState): readonly WorkflowState[] {
  return WORKFLOW_TRANSITIONS[from];
}

export function allowedJobMoves(from: JobState): readonly JobState[] {
  return JOB_TRANSITIONS[from];
}

/**
 * The table as Lua source (`WORKFLOW_NEXT[from][to] == true`), injected into
 * every script that changes a state, so Redis refuses exactly what this file
 * refuses, atomically.
 */
export function renderTransitionTableLua(): string {
  const render = (name: string, states: readonly string[], table: Readonly<Record<string, readonly string[]>>): string => {
    const rows = states.map((from) => `  ${from} = {${table[from].map((to) => `${to} = true`).join(', ')}},`);
    return `local ${name} = {\n${rows.join('\n')}\n}`;
  };
  return [
    '-- Generated from libs/workflow/src/lib/domain/transition-table.ts; do not edit in a script.',
    render('WORKFLOW_NEXT', WORKFLOW_STATES, WORKFLOW_TRANSITIONS),
    render('JOB_NEXT', JOB_STATES, JOB_TRANSITIONS),
  ].join('\n');
}
