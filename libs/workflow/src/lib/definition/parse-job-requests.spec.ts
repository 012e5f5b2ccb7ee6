import { WorkflowValidationError, type FieldProblem } from '../domain/workflow-errors';
import { parseCancelRequest, parseJobUpdateRequest } from './parse-job-requests';

function problemsOf(parse: () => unknown): FieldProblem[] {
  try {
    parse();
  } catch (error) {
    if (error instanceof WorkflowValidationError) return [...error.problems];
    throw error;
  }
  throw new Error('expected the body to be refused');
}

describe('parseJobUpdateRequest', () => {
  it('passes a body its schema allows through as it is', () => {
    const body = { status: 'SUCCEEDED', output: { total: 3 }, attempt: 1 };
    expect(parseJobUpdateRequest(body)).toBe(body);
    expect(parseJobUpdateRequest({ status: 'FAILED', error: 'warehouse offline' })).toEqual({ status: 'FAILED', error: 'warehouse offline' });
    expect(parseJobUpdateRequest({ status: 'FAILED', error: { message: 'x', code: 7 } })).toEqual({ status: 'FAILED', error: { message: 'x', code: 7 } });
  });

  it('names every problem by its pointer', () => {
    expect(problemsOf(() => parseJobUpdateRequest({ status: 'DONE', extra: 1, attempt: -1 }))).toEqual([
      { pointer: '/extra', message: 'is not allowed (allowed: status, output, error, attempt)' },
      { pointer: '/status', message: 'must be one of RUNNING, SUCCEEDED, FAILED' },
      { pointer: '/attempt', message: 'must be >= 0' },
    ]);
    expect(problemsOf(() => parseJobUpdateRequest({ attempt: 1.5 }))).toEqual([
      { pointer: '/status', message: 'is required' },
      { pointer: '/attempt', message: 'must be an integer' },
    ]);
    expect(problemsOf(() => parseJobUpdateRequest({ status: 'FAILED', error: 5 }))).toContainEqual({ pointer: '/error', message: 'must be a string' });
  });
});

describe('parseCancelRequest', () => {
  it('takes no body as an empty one and bounds the reason', () => {
    expect(parseCancelRequest(undefined)).toEqual({});
    expect(parseCancelRequest({ reason: 'customer asked' })).toEqual({ reason: 'customer asked' });
    expect(problemsOf(() => parseCancelRequest({ reason: 'r'.repeat(501), force: true }))).toEqual([
      { pointer: '/force', message: 'is not allowed (allowed: reason)' },
      { pointer: '/reason', message: 'must be at most 500 characters long' },
    ]);
  });
});
