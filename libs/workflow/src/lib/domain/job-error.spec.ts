import { toJobError } from './job-error';

describe('toJobError: a job error is always an object with a message', () => {
  it('wraps a string (a PUT body or a record written before the rule)', () => {
    expect(toJobError('warehouse offline')).toEqual({ message: 'warehouse offline' });
    expect(toJobError('')).toEqual({ message: 'failed (no message given)' });
  });

  it('keeps an object as it is, adding a message when it has none', () => {
    expect(toJobError({ message: 'x', code: 'E7', errors: [] })).toEqual({ message: 'x', code: 'E7', errors: [] });
    expect(toJobError({ reason: 'gone' })).toEqual({ reason: 'gone', message: 'failed (no message given)' });
  });

  it("lifts an executor failure's code and step to the top level, details kept", () => {
    const reported = { message: 'card declined', retryable: false, details: { code: 'EXECUTOR.HTTP_CLIENT_ERROR', step: 'charge' } };
    expect(toJobError(reported)).toEqual({ ...reported, code: 'EXECUTOR.HTTP_CLIENT_ERROR', step: 'charge' });
  });

  it('keeps any other JSON value under details, and reads no error as none', () => {
    expect(toJobError([1, 2])).toEqual({ message: 'failed (no message given)', details: [1, 2] });
    expect(toJobError(null)).toBeUndefined();
    expect(toJobError(undefined)).toBeUndefined();
  });
});
