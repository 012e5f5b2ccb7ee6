import type { JobRecord, WorkflowRecord } from '../store/workflow-record';
import { forgetPlan, redactWorkflow } from './write-only-redaction';

const CARD = '4111111111111111';

function job(id: string, state: JobRecord['state'], input: JobRecord['input'], resolvedInput?: JobRecord['resolvedInput']): JobRecord {
  return {
    ...{ id, templateId: 't', version: '1.0.0', templateHash: 'h', pool: 'default', priority: 0, maxAttempts: 1, dependsOn: [], run: 1, attempts: 1 },
    ...{ state, input, external: false },
    ...(resolvedInput !== undefined && { resolvedInput }),
  };
}

function workflow(state: WorkflowRecord['state'], jobs: JobRecord[]): WorkflowRecord {
  return { id: 'w', state, currentJob: jobs[0].id, mode: 'sequential', input: { cardNumber: CARD, amount: 5 }, createdAt: 1, updatedAt: 1, jobs, history: [] };
}

const REF = { cardNumber: { $from: 'input.cardNumber' }, amount: { $from: 'input.amount' } };
const WRITE_ONLY = new Map([
  ['a', [['cardNumber']]],
  ['b', [['cardNumber']]],
  ['c', [['cardNumber']]],
]);

describe('redactWorkflow', () => {
  it('leaves out the workflow-input path, literals and resolved values of writeOnly fields', () => {
    const record = workflow('RUNNING', [job('a', 'RUNNING', REF, { cardNumber: CARD, amount: 5 }), job('b', 'PENDING', { cardNumber: CARD, note: 'x' })]);
    const shown = redactWorkflow(record, WRITE_ONLY);
    expect(JSON.stringify(shown)).not.toContain(CARD);
    expect(shown.input).toEqual({ amount: 5 });
    expect(shown.jobs[0]).toMatchObject({ input: REF, resolvedInput: { amount: 5 } });
    expect(shown.jobs[1].input).toEqual({ note: 'x' });
    expect(record.input.cardNumber).toBe(CARD);
  });
});

describe('forgetPlan', () => {
  it('drops a SUCCEEDED job own values, but keeps the workflow-input path while another job reads it', () => {
    const plan = forgetPlan(workflow('RUNNING', [job('a', 'SUCCEEDED', REF, { cardNumber: CARD, amount: 5 }), job('b', 'QUEUED', REF)]), WRITE_ONLY);
    expect(plan).toEqual({ jobs: [{ id: 'a', resolvedInput: { amount: 5 } }] });
  });

  it('drops the workflow-input path once every job reading it SUCCEEDED, naming those jobs for Redis to check', () => {
    const plan = forgetPlan(workflow('RUNNING', [job('a', 'SUCCEEDED', REF), job('b', 'SUCCEEDED', REF), job('c', 'PENDING', { n: 1 })]), WRITE_ONLY);
    expect(plan.input).toEqual({ value: { amount: 5 }, succeeded: ['a', 'b'] });
  });

  it('a FAILED workflow keeps what its failed job needs; a COMPLETED or CANCELLED one keeps nothing', () => {
    const jobs = [job('a', 'SUCCEEDED', REF), job('b', 'FAILED', REF, { cardNumber: CARD, amount: 5 }), job('c', 'CANCELLED', { cardNumber: CARD })];
    expect(forgetPlan(workflow('FAILED', jobs), WRITE_ONLY)).toEqual({ jobs: [] });
    expect(forgetPlan(workflow('CANCELLED', jobs), WRITE_ONLY)).toEqual({
      input: { value: { amount: 5 }, succeeded: [] },
      jobs: [
        { id: 'b', resolvedInput: { amount: 5 } },
        { id: 'c', input: {} },
      ],
    });
  });

  it('plans nothing without writeOnly fields', () => {
    expect(forgetPlan(workflow('COMPLETED', [job('a', 'SUCCEEDED', REF, { cardNumber: CARD })]), new Map())).toEqual({ jobs: [] });
  });
});
