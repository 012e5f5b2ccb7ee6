import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../api/types';
import { aJob, aWorkflow } from '../testing/workflow-fixture';
import { workflowReducer } from './workflow-reducer';

const base = aWorkflow([aJob('a', { state: 'QUEUED' })], {
  history: [{ seq: 1, at: '2026-01-31T10:00:00.000Z', kind: 'workflow', from: '', to: 'RUNNING' }],
});
const transition = (seq: number, extra: Partial<HistoryEntry>): HistoryEntry => ({
  seq,
  at: `2026-01-31T10:00:0${seq}.000Z`,
  kind: 'job',
  from: '',
  to: '',
  ...extra,
});

describe('workflowReducer', () => {
  it("moves a job's state and attempt, and appends to the history", () => {
    const view = workflowReducer(
      { workflow: base },
      { type: 'transition', transition: transition(2, { jobId: 'a', from: 'QUEUED', to: 'RUNNING', attempt: 1 }) },
    );
    expect(view?.workflow.jobs[0]).toMatchObject({ state: 'RUNNING', attempts: 1 });
    expect(view?.workflow.history.map((entry) => entry.seq)).toEqual([1, 2]);
  });

  it("moves the workflow's state with its reason", () => {
    const view = workflowReducer(
      { workflow: base },
      { type: 'transition', transition: transition(3, { kind: 'workflow', from: 'RUNNING', to: 'FAILED', reason: 'job a failed' }) },
    );
    expect(view?.workflow).toMatchObject({ state: 'FAILED', reason: 'job a failed' });
  });

  it('ignores a transition it already has (a replay after a reconnect)', () => {
    const once = workflowReducer({ workflow: base }, { type: 'transition', transition: transition(2, { jobId: 'a', to: 'RUNNING' }) });
    expect(workflowReducer(once, { type: 'transition', transition: transition(2, { jobId: 'a', to: 'RUNNING' }) })).toBe(once);
  });

  it('keeps transitions newer than a refetched snapshot', () => {
    const live = workflowReducer({ workflow: base }, { type: 'transition', transition: transition(2, { kind: 'workflow', to: 'COMPLETED' }) });
    const view = workflowReducer(live, { type: 'loaded', workflow: { ...base, currentJob: 'b' } });
    expect(view?.workflow).toMatchObject({ state: 'COMPLETED', currentJob: 'b' });
  });

  it('takes a snapshot that already has every transition as it is', () => {
    const snapshot = { ...base, state: 'COMPLETED' as const, history: [...base.history, transition(2, { kind: 'workflow', to: 'COMPLETED' })] };
    expect(workflowReducer({ workflow: base }, { type: 'loaded', workflow: snapshot })?.workflow).toBe(snapshot);
  });

  it('waits for the first snapshot before applying transitions', () => {
    expect(workflowReducer(undefined, { type: 'transition', transition: transition(2, { to: 'RUNNING' }) })).toBeUndefined();
  });
});
