import { allowedJobMoves, canMoveJob, canMoveWorkflow, JOB_TRANSITIONS, renderTransitionTableLua, WORKFLOW_TRANSITIONS } from './transition-table';
import { JOB_STATES, TERMINAL_JOB_STATES, WORKFLOW_STATES } from './workflow-states';

describe('workflow transition table', () => {
  it('allows the seed path INITIALIZED -> RUNNING -> COMPLETED', () => {
    expect(canMoveWorkflow('INITIALIZED', 'RUNNING')).toBe(true);
    expect(canMoveWorkflow('RUNNING', 'COMPLETED')).toBe(true);
  });

  it('allows failing and cancelling from INITIALIZED and RUNNING only', () => {
    for (const from of WORKFLOW_STATES) {
      const expected = from === 'INITIALIZED' || from === 'RUNNING';
      expect([from, canMoveWorkflow(from, 'FAILED')]).toEqual([from, expected]);
      expect([from, canMoveWorkflow(from, 'CANCELLED')]).toEqual([from, expected]);
    }
  });

  it('lets a FAILED workflow be retried but never revives COMPLETED or CANCELLED', () => {
    expect(canMoveWorkflow('FAILED', 'RUNNING')).toBe(true);
    expect(WORKFLOW_TRANSITIONS.COMPLETED).toEqual([]);
    expect(WORKFLOW_TRANSITIONS.CANCELLED).toEqual([]);
  });

  it('never completes a workflow that has not started', () => {
    expect(canMoveWorkflow('INITIALIZED', 'COMPLETED')).toBe(false);
  });

  it('names only known states', () => {
    for (const targets of Object.values(WORKFLOW_TRANSITIONS)) for (const to of targets) expect(WORKFLOW_STATES).toContain(to);
    expect(Object.keys(WORKFLOW_TRANSITIONS).sort()).toEqual([...WORKFLOW_STATES].sort());
  });
});

describe('job transition table', () => {
  it('allows PENDING -> QUEUED -> RUNNING -> SUCCEEDED | FAILED', () => {
    expect(canMoveJob('PENDING', 'QUEUED')).toBe(true);
    expect(canMoveJob('QUEUED', 'RUNNING')).toBe(true);
    expect(canMoveJob('RUNNING', 'SUCCEEDED')).toBe(true);
    expect(canMoveJob('RUNNING', 'FAILED')).toBe(true);
  });

  it('allows the retry loop RUNNING -> RETRY_WAIT -> QUEUED', () => {
    expect(canMoveJob('RUNNING', 'RETRY_WAIT')).toBe(true);
    expect(canMoveJob('RETRY_WAIT', 'QUEUED')).toBe(true);
  });

  it('refuses skipping the queue or running twice', () => {
    expect(canMoveJob('PENDING', 'RUNNING')).toBe(false);
    expect(canMoveJob('QUEUED', 'SUCCEEDED')).toBe(false);
    expect(canMoveJob('SUCCEEDED', 'RUNNING')).toBe(false);
  });

  it('keeps SUCCEEDED final and lets other finished states return to PENDING only (workflow retry)', () => {
    expect(allowedJobMoves('SUCCEEDED')).toEqual([]);
    for (const state of TERMINAL_JOB_STATES.filter((s) => s !== 'SUCCEEDED')) expect(allowedJobMoves(state)).toEqual(['PENDING']);
  });

  it('names only known states', () => {
    for (const targets of Object.values(JOB_TRANSITIONS)) for (const to of targets) expect(JOB_STATES).toContain(to);
    expect(Object.keys(JOB_TRANSITIONS).sort()).toEqual([...JOB_STATES].sort());
  });
});

describe('renderTransitionTableLua', () => {
  it('renders every move of both tables and nothing else', () => {
    const lua = renderTransitionTableLua();
    expect(lua).toContain('INITIALIZED = {RUNNING = true, FAILED = true, CANCELLED = true}');
    expect(lua).toContain('COMPLETED = {}');
    expect(lua).toContain('RETRY_WAIT = {QUEUED = true, CANCELLED = true, TIMED_OUT = true}');
    const moves = (lua.match(/= true/g) ?? []).length;
    const expected = [...Object.values(WORKFLOW_TRANSITIONS), ...Object.values(JOB_TRANSITIONS)].reduce((n, t) => n + t.length, 0);
    expect(moves).toBe(expected);
  });
});
