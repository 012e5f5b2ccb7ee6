import { ProblemError } from '@base-shift/client';
import { CliError, errorLine } from './errors';
import { palette } from './output/color';
import { transitionLine } from './watch/transition-line';

describe('errorLine', () => {
  it('prints a refusal as status, title and each problem, on one line', () => {
    const problem = new ProblemError({
      status: 400,
      title: 'Invalid request',
      errors: [{ pointer: '/jobs/0/templateId', message: 'must match\n the pattern' }],
    });
    expect(errorLine(problem)).toBe('400 Invalid request: /jobs/0/templateId: must match the pattern');
    expect(errorLine(new CliError('wf.yaml: cannot read: no such file'))).toBe('wf.yaml: cannot read: no such file');
  });

  it('names why the control plane could not be reached instead of "fetch failed"', () => {
    const error = new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:1') });
    expect(errorLine(error)).toBe('cannot reach the control plane: connect ECONNREFUSED 127.0.0.1:1');
  });
});

describe('transitionLine', () => {
  it('prints the time, the subject, the transition and its attempt and reason', () => {
    const colors = palette(false);
    expect(
      transitionLine(
        { seq: 4, at: '2026-01-02T03:04:05.678Z', kind: 'job', jobId: 'pay', from: 'RUNNING', to: 'FAILED', attempt: 2, reason: 'HTTP 500' },
        colors,
      ),
    ).toBe(`03:04:05  ${'job pay'.padEnd(28)} RUNNING -> FAILED  (attempt 2, HTTP 500)`);
    expect(transitionLine({ seq: 1, at: '2026-01-02T03:04:05.678Z', kind: 'workflow', from: '', to: 'INITIALIZED' }, colors)).toBe(
      `03:04:05  ${'workflow'.padEnd(28)} new -> INITIALIZED`,
    );
  });
});
