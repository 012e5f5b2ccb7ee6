import { describe, expect, it } from 'vitest';
import { effectivePriority, popOrder } from './effective-priority';

describe('effectivePriority', () => {
  it('adds 0.1 per second waited to the base', () => {
    expect(effectivePriority(5, 1_000, 31_000)).toBeCloseTo(8);
  });
  it('never goes below the base (a clock a little behind)', () => {
    expect(effectivePriority(5, 2_000, 1_000)).toBe(5);
  });
});

describe('popOrder', () => {
  it('lets an old low-priority job overtake a new higher one', () => {
    const now = 100_000;
    const order = popOrder(
      [
        { id: 'new-high', priority: 5, queuedAt: now - 10_000 },
        { id: 'old-low', priority: 0, queuedAt: now - 90_000 },
        { id: 'mid', priority: 3, queuedAt: now - 5_000 },
      ],
      now,
    );
    expect(order.map((entry) => entry.id)).toEqual(['old-low', 'new-high', 'mid']);
    expect(order[0]).toMatchObject({ effective: 9, waitSeconds: 90 });
  });
  it('pops the older of two equal effective priorities first', () => {
    const order = popOrder(
      [
        { id: 'b', priority: 1, queuedAt: 10_000 },
        { id: 'a', priority: 0, queuedAt: 0 },
      ],
      10_000,
    );
    expect(order.map((entry) => entry.id)).toEqual(['a', 'b']);
  });
});
