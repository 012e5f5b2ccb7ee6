import { WorkflowValidationError, type FieldProblem } from '../domain/workflow-errors';
import { validateWorkflowDefinition } from './validate-definition';

function problemsOf(request: unknown): FieldProblem[] {
  try {
    validateWorkflowDefinition(request);
  } catch (error) {
    if (error instanceof WorkflowValidationError) return [...error.problems];
    throw error;
  }
  throw new Error('expected the request to be refused');
}

const job = (id: string, extra: Record<string, unknown> = {}) => ({ id, templateId: `${id}_template`, ...extra });

describe('validateWorkflowDefinition', () => {
  it('runs the seed jobs in list order when no job declares dependsOn', () => {
    const definition = validateWorkflowDefinition({ jobs: [job('order_validation'), job('payment_processing'), job('inventory_update')] });
    expect(definition.mode).toBe('sequential');
    expect(definition.jobs.map((j) => [j.id, j.dependsOn])).toEqual([
      ['order_validation', []],
      ['payment_processing', ['order_validation']],
      ['inventory_update', ['payment_processing']],
    ]);
  });

  it('switches to a DAG as soon as one job declares dependsOn; undeclared jobs start at once', () => {
    const definition = validateWorkflowDefinition({
      jobs: [job('a'), job('b', { dependsOn: ['a'] }), job('c', { dependsOn: ['a'] }), job('d', { dependsOn: ['b', 'c'] }), job('e')],
    });
    expect(definition.mode).toBe('dag');
    expect(Object.fromEntries(definition.jobs.map((j) => [j.id, j.dependsOn]))).toEqual({ a: [], b: ['a'], c: ['a'], d: ['b', 'c'], e: [] });
  });

  it('refuses duplicate and malformed job ids in one answer, naming each by its pointer', () => {
    expect(problemsOf({ jobs: [job('a'), job('a'), job('9x'), { id: 'ok' }] })).toEqual([
      { pointer: '/jobs/2/id', message: 'must match the pattern ^[A-Za-z][A-Za-z0-9_-]{0,63}$' },
      { pointer: '/jobs/3/templateId', message: 'is required' },
      { pointer: '/jobs/1/id', message: 'duplicates /jobs/0/id "a"; job ids must be unique' },
    ]);
  });

  it('refuses unknown, self and repeated dependsOn references', () => {
    expect(problemsOf({ jobs: [job('a', { dependsOn: ['a'] }), job('b', { dependsOn: ['zz', 'a', 'a'] })] })).toEqual([
      { pointer: '/jobs/0/dependsOn/0', message: 'job a cannot depend on itself' },
      { pointer: '/jobs/1/dependsOn/0', message: 'refers to unknown job "zz"; known jobs: a, b' },
      { pointer: '/jobs/1/dependsOn/2', message: 'lists "a" twice' },
    ]);
  });

  it('names the cycle it refuses', () => {
    const problems = problemsOf({ jobs: [job('a', { dependsOn: ['c'] }), job('b', { dependsOn: ['a'] }), job('c', { dependsOn: ['b'] }), job('d')] });
    expect(problems).toEqual([{ pointer: '/jobs/0/dependsOn', message: 'dependsOn forms a cycle: a -> c -> b -> a' }]);
  });

  it('accepts references to the workflow input and to jobs that run before', () => {
    const definition = validateWorkflowDefinition({
      input: { orderId: 'o-1' },
      jobs: [
        job('order_validation', { input: { orderId: { $from: 'input.orderId' } } }),
        job('payment_processing', { input: { order: { id: { $from: 'jobs.order_validation.output.orderId' } }, items: [{ $from: 'input' }] } }),
      ],
    });
    expect(definition.jobs[1].input).toEqual({ order: { id: { $from: 'jobs.order_validation.output.orderId' } }, items: [{ $from: 'input' }] });
  });

  it('refuses references to unknown jobs, to jobs that do not run before, and malformed ones', () => {
    const problems = problemsOf({
      jobs: [
        job('a', { dependsOn: [], input: { x: { $from: 'jobs.b.output.y' }, z: { $from: 'jobs.nope.output' } } }),
        job('b', { dependsOn: [], input: { bad: { $from: 'output.y' }, extra: { $from: 'input.k', more: 1 }, num: { $from: 3 } } }),
      ],
    });
    expect(problems).toEqual([
      { pointer: '/jobs/0/input/x', message: '$from "jobs.b.output.y": job b does not run before a (add it to a\'s dependsOn)' },
      { pointer: '/jobs/0/input/z', message: '$from "jobs.nope.output" names unknown job "nope"' },
      { pointer: '/jobs/1/input/bad', message: expect.stringContaining('$from "output.y" is malformed') },
      { pointer: '/jobs/1/input/extra', message: 'a {"$from": ...} object must have no other keys' },
      { pointer: '/jobs/1/input/num', message: '$from must be a string' },
    ]);
  });

  it('checks the shape first (workflow-request.schema.spec.ts has every limit) and answers with every shape problem at once', () => {
    expect(problemsOf([])).toEqual([{ pointer: '', message: 'must be an object' }]);
    expect(problemsOf({ priority: 'high', jobs: [job('a', { color: 'red', dependsOn: ['zz'] })] })).toEqual([
      { pointer: '/priority', message: 'must be a number' },
      { pointer: '/jobs/0/color', message: 'is not allowed (allowed: id, templateId, version, input, priority, dependsOn)' },
    ]);
  });

  it('refuses inputs nested deeper than 32 levels without walking them recursively', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(problemsOf({ input: { deep }, jobs: [job('a', { input: { deep } })] })).toEqual([
      { pointer: '/input', message: 'must not nest deeper than 32 levels' },
      { pointer: '/jobs/0/input', message: 'must not nest deeper than 32 levels' },
    ]);
    const nested = (levels: number): Record<string, unknown> => (levels === 1 ? {} : { next: nested(levels - 1) });
    expect(validateWorkflowDefinition({ input: nested(32), jobs: [job('a', { input: nested(32) })] }).input).toEqual(nested(32));
  });

  it('trims the name and version it keeps', () => {
    const definition = validateWorkflowDefinition({ name: ' order o-1 ', jobs: [job('a', { version: ' ^1.0 ' })] });
    expect(definition.name).toBe('order o-1');
    expect(definition.jobs[0].version).toBe('^1.0');
  });
});
