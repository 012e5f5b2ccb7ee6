import { EPOCH_MS, effectivePriority, priorityTicks, queueScore } from './priority';

describe('priority with aging (pure score math)', () => {
  const t0 = Date.UTC(2026, 0, 1);

  it('the effective priority is base + 0.1 per second waited', () => {
    expect(effectivePriority(priorityTicks(3), t0, t0)).toBe(3);
    expect(effectivePriority(priorityTicks(3), t0, t0 + 10_000)).toBe(4);
    expect(effectivePriority(priorityTicks(-2.5), t0, t0 + 25_000)).toBe(0);
  });

  it('a lower score means a higher effective priority, at every instant', () => {
    const jobs = [
      { ticks: priorityTicks(0), createdAt: t0 },
      { ticks: priorityTicks(5), createdAt: t0 + 30_000 },
      { ticks: priorityTicks(1), createdAt: t0 - 40_000 },
    ];
    for (const now of [t0 + 30_000, t0 + 600_000, t0 + 86_400_000]) {
      const byScore = [...jobs].sort((a, b) => queueScore(a.ticks, a.createdAt) - queueScore(b.ticks, b.createdAt));
      const byPriority = [...jobs].sort((a, b) => effectivePriority(b.ticks, b.createdAt, now) - effectivePriority(a.ticks, a.createdAt, now));
      expect(byScore).toEqual(byPriority);
    }
  });

  it('equal effective priorities get exactly equal scores (no float drift), so ties are decided by age', () => {
    // base 0.1 created 1 s after a base-0 job: equal forever, yet in floats 5 s later 0.1 + 0.1 * 5 !== 0.1 * 6.
    expect(0.1 + 0.1 * 5).not.toBe(0.1 * 6);
    expect(queueScore(priorityTicks(0.1), t0 + 1_000)).toBe(queueScore(priorityTicks(0), t0));
    expect(queueScore(priorityTicks(1), t0 + 10_000)).toBe(queueScore(priorityTicks(0), t0));
    expect(queueScore(priorityTicks(1), t0 + 10_000)).toBe(queueScore(priorityTicks(0), t0));
    expect(queueScore(priorityTicks(0.3), t0 + 3_000)).toBe(queueScore(priorityTicks(0), t0));
  });

  it('scores stay exact integers at the extremes (|priority| = 1e9, creation in 2109)', () => {
    const latest = EPOCH_MS + 36 ** 8 - 1;
    for (const score of [queueScore(priorityTicks(1e9), EPOCH_MS), queueScore(priorityTicks(-1e9), latest)]) {
      expect(Number.isSafeInteger(score)).toBe(true);
    }
  });

  it('priorities resolve to 0.0001, what one millisecond of waiting adds', () => {
    expect(priorityTicks(0.00004)).toBe(0);
    expect(priorityTicks(0.00006)).toBe(1);
    expect(priorityTicks(-7.25)).toBe(-72_500);
  });
});
