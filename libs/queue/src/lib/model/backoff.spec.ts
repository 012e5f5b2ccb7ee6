import { backoffDelayMs, DEFAULT_BACKOFF } from './backoff';

describe('retry backoff (exponential, full jitter)', () => {
  const policy = { baseMs: 100, factor: 3, capMs: 2_000 };

  it('the ceiling grows by factor per failure up to the cap', () => {
    const almostOne = 0.999_999;
    expect([1, 2, 3, 4, 5].map((n) => backoffDelayMs(n, policy, almostOne))).toEqual([99, 299, 899, 1999, 1999]);
  });

  it('the delay is uniform below the ceiling: random scales it', () => {
    expect(backoffDelayMs(3, policy, 0)).toBe(0);
    expect(backoffDelayMs(3, policy, 0.5)).toBe(450);
    expect(backoffDelayMs(3, policy, 0.25)).toBe(225);
  });

  it('defaults: 1 s, doubling, capped at 5 minutes', () => {
    expect(DEFAULT_BACKOFF).toEqual({ baseMs: 1_000, factor: 2, capMs: 300_000 });
    expect(backoffDelayMs(20, DEFAULT_BACKOFF, 0.5)).toBe(150_000);
  });
});
