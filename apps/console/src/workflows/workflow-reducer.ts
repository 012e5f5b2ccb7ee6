// The workflow detail page's state: the last fetched workflow, with the SSE
// transitions that arrived since applied on top, so the state, the job colours
// and the event log move live without a reload. A later fetch (which carries
// outputs, errors and times the transitions lack) replaces the snapshot but
// keeps any transition newer than it.
import type { HistoryEntry, Workflow } from '../api/types';

export interface WorkflowView {
  workflow: Workflow;
}

export type WorkflowAction = { type: 'loaded'; workflow: Workflow } | { type: 'transition'; transition: HistoryEntry };

export function workflowReducer(view: WorkflowView | undefined, action: WorkflowAction): WorkflowView | undefined {
  if (action.type === 'loaded') {
    if (!view) return { workflow: action.workflow };
    const lastLoaded = lastSeq(action.workflow.history);
    const newer = view.workflow.history.filter((entry) => entry.seq > lastLoaded);
    return { workflow: newer.reduce(applyTransition, action.workflow) };
  }
  if (!view) return view;
  const workflow = applyTransition(view.workflow, action.transition);
  return workflow === view.workflow ? view : { workflow };
}

/** One transition applied: ignored when already in the history (a replay after a reconnect). */
export function applyTransition(workflow: Workflow, transition: HistoryEntry): Workflow {
  if (workflow.history.some((entry) => entry.seq === transition.seq)) return workflow;
  const history = [...workflow.history, transition].sort((a, b) => a.seq - b.seq);
  if (transition.kind === 'workflow') {
    return {
      ...workflow,
      history,
      state: transition.to as Workflow['state'],
      updatedAt: transition.at,
      ...(transition.reason !== undefined && { reason: transition.reason }),
    };
  }
  return {
    ...workflow,
    history,
    updatedAt: transition.at,
    jobs: workflow.jobs.map((job) =>
      job.id === transition.jobId
        ? {
            ...job,
            state: transition.to as typeof job.state,
            ...(transition.attempt !== undefined && { attempts: transition.attempt }),
          }
        : job,
    ),
  };
}

export function lastSeq(history: readonly HistoryEntry[]): number {
  return history.reduce((max, entry) => Math.max(max, entry.seq), 0);
}
