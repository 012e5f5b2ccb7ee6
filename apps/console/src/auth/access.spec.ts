import { ProblemError } from '@base-shift/client';
import { describe, expect, it } from 'vitest';
import { accessOf, deadLetterAccess } from './access';

const refused = (status: number): PromiseSettledResult<unknown> => ({ status: 'rejected', reason: new ProblemError({ status, title: 'x' }) });
const answered: PromiseSettledResult<unknown> = { status: 'fulfilled', value: {} };

describe('access', () => {
  it('reads a 403 as a missing scope and any other failure as unknown', () => {
    expect(accessOf(answered)).toBe('allowed');
    expect(accessOf(refused(403))).toBe('denied');
    expect(accessOf(refused(503))).toBe('unknown');
    expect(accessOf({ status: 'rejected', reason: new TypeError('Failed to fetch') })).toBe('unknown');
  });
  it('denies dead letters (admin) as soon as another area is denied, without probing', () => {
    expect(deadLetterAccess(['allowed', 'denied', 'allowed'], undefined)).toBe('denied');
    expect(deadLetterAccess(['allowed', 'allowed', 'allowed'], refused(403))).toBe('denied');
    expect(deadLetterAccess(['allowed', 'allowed', 'allowed'], answered)).toBe('allowed');
    expect(deadLetterAccess(['allowed', 'allowed', 'allowed'], undefined)).toBe('unknown');
  });
});
