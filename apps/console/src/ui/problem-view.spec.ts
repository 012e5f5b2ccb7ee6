import { ProblemError } from '@base-shift/client';
import { describe, expect, it } from 'vitest';
import { problemView } from './problem-view';

describe('problemView', () => {
  it('shows the title, the detail and each entry as pointer: message', () => {
    const error = new ProblemError({
      status: 400,
      title: 'Invalid request',
      detail: 'The body breaks the schema.',
      errors: [{ pointer: '/jobs/0/templateId', message: 'must match pattern' }, { header: 'Idempotency-Key', message: 'too long' }, { message: 'bare' }],
    });
    expect(problemView(error)).toEqual({
      title: '400 Invalid request',
      status: 400,
      detail: 'The body breaks the schema.',
      entries: ['/jobs/0/templateId: must match pattern', 'Idempotency-Key: too long', 'bare'],
    });
  });
  it('explains a missing scope', () => {
    expect(problemView(new ProblemError({ status: 403, title: 'Forbidden' })).hint).toMatch(/scopes/);
  });
  it('names an unreachable control plane and any other error', () => {
    expect(problemView(new TypeError('Failed to fetch')).title).toBe('The control plane cannot be reached');
    expect(problemView(new Error('boom'))).toEqual({ title: 'Something went wrong', detail: 'boom', entries: [] });
  });
});
