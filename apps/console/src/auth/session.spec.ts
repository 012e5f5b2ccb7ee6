import { afterEach, describe, expect, it } from 'vitest';
import { forgetKey, keyFromFragment, SESSION_KEY, storedKey, storeKey } from './session';

afterEach(() => {
  sessionStorage.clear();
  localStorage.clear();
});

describe('session', () => {
  it('keeps the key in sessionStorage only', () => {
    storeKey('bsk_abc');
    expect(sessionStorage.getItem(SESSION_KEY)).toBe('bsk_abc');
    expect(localStorage.length).toBe(0);
    expect(storedKey()).toBe('bsk_abc');
    forgetKey();
    expect(storedKey()).toBeUndefined();
  });
  it('reads the key of a one-time sign-in link', () => {
    expect(keyFromFragment('#key=bsk_abc.def')).toBe('bsk_abc.def');
    expect(keyFromFragment('#other=1')).toBeUndefined();
    expect(keyFromFragment('')).toBeUndefined();
  });
});
