import { ApiBackoff } from './api-backoff';
import { desiredPods } from './desired-pods';
import { TokenBucket } from './token-bucket';

describe('desiredPods = clamp(ceil((queued + inFlight) / jobsPerPod), min, max)', () => {
  const pool = { minPods: 0, maxPods: 5, jobsPerPod: 10 };

  it('scales from zero on the first queued job', () => {
    expect(desiredPods({ queued: 0, inFlight: 0 }, pool)).toBe(0);
    expect(desiredPods({ queued: 1, inFlight: 0 }, pool)).toBe(1);
  });

  it('counts running jobs, so a pool does not shrink under its work when the queue empties', () => {
    expect(desiredPods({ queued: 0, inFlight: 25 }, pool)).toBe(3);
    expect(desiredPods({ queued: 5, inFlight: 25 }, pool)).toBe(3);
    expect(desiredPods({ queued: 6, inFlight: 25 }, pool)).toBe(4);
  });

  it('stays within min and max', () => {
    expect(desiredPods({ queued: 200, inFlight: 0 }, pool)).toBe(5);
    expect(desiredPods({ queued: 0, inFlight: 0 }, { ...pool, minPods: 2 })).toBe(2);
  });
});

describe('TokenBucket', () => {
  it('grants a burst at once, then the sustained rate', () => {
    let now = 0;
    const bucket = new TokenBucket(4, 2, () => now);
    expect(bucket.take(10)).toBe(4);
    expect(bucket.take(1)).toBe(0);
    now += 1000;
    expect(bucket.take(10)).toBe(2);
    now += 60_000;
    expect(bucket.take(10)).toBe(4);
  });
});

describe('ApiBackoff', () => {
  it('doubles the wait per refusal up to the cap, and a success resets it', () => {
    let now = 0;
    const backoff = new ApiBackoff(1000, 5000, () => now);
    expect(backoff.blocked).toBe(false);
    expect([backoff.fail(), backoff.fail(), backoff.fail(), backoff.fail()]).toEqual([1000, 2000, 4000, 5000]);
    expect(backoff.blocked).toBe(true);
    now += 5000;
    expect(backoff.blocked).toBe(false);
    backoff.succeed();
    expect(backoff.fail()).toBe(1000);
  });
});
