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

  it('refuses duplicate and malformed job ids, naming the field', () => {
    expect(problemsOf({ jobs: [job('a'), job('a'), job('9x'), { id: 'ok' }] })).toEqual([
      { field: 'jobs[1].id', message: expect.stringContaining('duplicates jobs[0].id "a"') },
      { field: 'jobs[2].id', message: expect.stringContaining('must match') },
      { field: 'jobs[3].templateId', message: expect.stringContaining('must be a template id') },
    ]);
  });

  it('refuses unknown, self and repeated dependsOn references', () => {
    expect(problemsOf({ jobs: [job('a', { dependsOn: ['a'] }), job('b', { dependsOn: ['zz', 'a', 'a'] })] })).toEqual([
      { field: 'jobs[0].dependsOn[0]', message: 'job a cannot depend on itself' },
      { field: 'jobs[1].dependsOn[0]', message: 'refers to unknown job "zz"; known jobs: a, b' },
      { field: 'jobs[1].dependsOn[2]', message: 'lists "a" twice' },
    ]);
  });

  it('names the cycle it refuses', () => {
    const problems = problemsOf({ jobs: [job('a', { dependsOn: ['c'] }), job('b', { dependsOn: ['a'] }), job('c', { dependsOn: ['b'] }), job('d')] });
    expect(problems).toEqual([{ field: 'jobs[0].dependsOn', message: 'dependsOn forms a cycle: a -> c -> b -> a' }]);
  });

  it('accepts $refs to the workflow input and to jobs that run before', () => {
    const definition = validateWorkflowDefinition({
      input: { orderId: 'o-1' },
      jobs: [
        job('order_validation', { input: { orderId: { $ref: 'input.orderId' } } }),
        job('payment_processing', { input: { order: { id: { $ref: 'jobs.order_validation.output.orderId' } }, items: [{ $ref: 'input' }] } }),
      ],
    });
    expect(definition.jobs[1].input).toEqual({ order: { id: { $ref: 'jobs.order_validation.output.orderId' } }, items: [{ $ref: 'input' }] });
  });

  it('refuses $refs to unknown jobs, to jobs that do not run before, and malformed ones', () => {
    const problems = problemsOf({
      jobs: [
        job('a', { dependsOn: [], input: { x: { $ref: 'jobs.b.output.y' }, z: { $ref: 'jobs.nope.output' } } }),
        job('b', { dependsOn: [], input: { bad: { $ref: 'output.y' }, extra: { $ref: 'input.k', more: 1 }, num: { $ref: 3 } } }),
      ],
    });
    expect(problems).toEqual([
      { field: 'jobs[0].input.x', message: '$ref "jobs.b.output.y": job b does not run before a (add it to a\'s dependsOn)' },
      { field: 'jobs[0].input.z', message: '$ref "jobs.nope.output" names unknown job "nope"' },
      { field: 'jobs[1].input.bad', message: expect.stringContaining('$ref "output.y" is malformed') },
      { field: 'jobs[1].input.extra', message: 'a {"$ref": ...} object must have no other keys' },
      { field: 'jobs[1].input.num', message: '$ref must be a string' },
    ]);
  });

  it('refuses bodies that are not objects, empty job lists and unknown properties', () => {
    expect(problemsOf([])).toEqual([{ field: '', message: 'the body must be a JSON object, got an array' }]);
    expect(problemsOf({ jobs: [] })).toEqual([{ field: 'jobs', message: 'must be an array of 1 to 200 jobs, got 0 jobs' }]);
    expect(problemsOf({ jobs: [job('a', { color: 'red' })], extra: true })).toEqual([
      { field: 'extra', message: 'is not a known workflow property' },
      { field: 'jobs[0].color', message: 'is not a known job property' },
    ]);
  });

  it('refuses inputs nested deeper than 32 levels without walking them recursively', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(problemsOf({ input: { deep }, jobs: [job('a', { input: { deep } })] })).toEqual([
      { field: 'input', message: 'must not nest deeper than 32 levels' },
      { field: 'jobs[0].input', message: 'must not nest deeper than 32 levels' },
    ]);
  });

  it('refuses priorities outside the templates\' range and out-of-range timeouts', () => {
    expect(problemsOf({ priority: 'high', timeoutSeconds: 0, jobs: [job('a', { priority: null }), job('b', { priority: 1001 })] })).toEqual([
      { field: 'priority', message: 'must be a number between -1000 and 1000 (higher runs first), got the string "high"' },
      { field: 'timeoutSeconds', message: 'must be an integer between 1 and 2592000, got number 0' },
      { field: 'jobs[0].priority', message: 'must be a number between -1000 and 1000 (higher runs first), got null' },
      { field: 'jobs[1].priority', message: 'must be a number between -1000 and 1000 (higher runs first), got number 1001' },
    ]);
  });
});
