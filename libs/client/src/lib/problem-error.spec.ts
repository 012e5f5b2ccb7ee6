import { ProblemError, problemLine } from './problem-error';

describe('ProblemError', () => {
  it('reads a problem+json answer and names each problem by its pointer in one line', async () => {
    const response = new Response(
      JSON.stringify({
        type: 'about:blank',
        title: 'Invalid request',
        status: 400,
        detail: 'The workflow request is invalid: /jobs/0/templateId: must match the pattern',
        code: 'WORKFLOW.INVALID',
        errors: [{ pointer: '/jobs/0/templateId', message: 'must match the pattern ^[A-Za-z0-9]' }, 'not an entry'],
      }),
      { status: 400, headers: { 'content-type': 'application/problem+json' } },
    );
    const error = await ProblemError.fromResponse(response);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ status: 400, title: 'Invalid request', code: 'WORKFLOW.INVALID' });
    expect(error.errors).toEqual([{ pointer: '/jobs/0/templateId', message: 'must match the pattern ^[A-Za-z0-9]' }]);
    expect(error.message).toBe('400 Invalid request: /jobs/0/templateId: must match the pattern ^[A-Za-z0-9]');
  });

  it('falls back to the detail, and to the status and first line of the text of an answer that is no problem', async () => {
    expect(problemLine({ status: 404, title: 'Workflow not found', detail: 'no workflow w-1' })).toBe('404 Workflow not found: no workflow w-1');
    const error = await ProblemError.fromResponse(new Response('<html>bad gateway\nmore</html>', { status: 502, statusText: 'Bad Gateway' }));
    expect(error.message).toBe('502 Bad Gateway: <html>bad gateway');
    expect(error.errors).toEqual([]);
  });

  it('names a header problem by the header', () => {
    expect(problemLine({ status: 400, title: 'Invalid request', errors: [{ header: 'Idempotency-Key', message: 'must be printable' }] })).toBe(
      '400 Invalid request: Idempotency-Key: must be printable',
    );
  });
});
