import { eventually, isolatedRedis, type IsolatedRedis } from '@base-shift/testing';
import type { RedisConnection } from '@base-shift/redis';
import { AuthKeys } from '../keys/auth-keys';
import { RateLimiter, type RateLimiterOptions } from './rate-limiter';

describe('RateLimiter (real Redis)', () => {
  let r: IsolatedRedis;
  const replicas: RedisConnection[] = [];
  const limiter = (options: Omit<RateLimiterOptions, 'prefix'>, redis: RedisConnection = r.redis) => new RateLimiter(redis, { prefix: r.prefix, ...options });

  beforeEach(() => (r = isolatedRedis('auth-rate')));
  afterEach(async () => {
    await Promise.all(replicas.splice(0).map((connection) => connection.quit()));
    await r.cleanup();
    jest.restoreAllMocks();
  });

  async function takes(by: RateLimiter, subject: string, count: number) {
    const decisions = [];
    for (let i = 0; i < count; i++) decisions.push(await by.take(subject));
    return decisions;
  }

  it('a subject gets its burst at once, then is refused with a whole-second Retry-After', async () => {
    const decisions = await takes(limiter({ perSecond: 0.5, burst: 3 }), 'key:abc', 4);
    expect(decisions).toEqual([
      { allowed: true, retryAfterSeconds: 0, remaining: 2 },
      { allowed: true, retryAfterSeconds: 0, remaining: 1 },
      { allowed: true, retryAfterSeconds: 0, remaining: 0 },
      { allowed: false, retryAfterSeconds: 2, remaining: 0 },
    ]);
  });

  it('a slow rate asks to wait as long as the next token takes', async () => {
    const [, refused] = await takes(limiter({ perSecond: 0.1, burst: 1 }), 'slow', 2);
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 10, remaining: 0 });
  });

  it('each subject has its own bucket, and so has each named limiter', async () => {
    const api = limiter({ perSecond: 0.1, burst: 1 });
    expect((await takes(api, 'alice', 2)).map((d) => d.allowed)).toEqual([true, false]);
    expect((await api.take('bob')).allowed).toBe(true);
    expect((await limiter({ name: 'login', perSecond: 0.1, burst: 1 }).take('alice')).allowed).toBe(true);
  });

  it('replicas share one bucket per subject', async () => {
    const other = r.redis.duplicate();
    replicas.push(other);
    const here = limiter({ perSecond: 0.1, burst: 2 });
    const there = limiter({ perSecond: 0.1, burst: 2 }, other);
    expect((await here.take('carol')).allowed).toBe(true);
    expect((await there.take('carol')).allowed).toBe(true);
    expect((await here.take('carol')).allowed).toBe(false);
    expect((await there.take('carol')).allowed).toBe(false);
  });

  it('a refused subject is allowed again once its bucket has refilled', async () => {
    const fast = limiter({ perSecond: 20, burst: 1 });
    expect((await fast.take('dave')).allowed).toBe(true);
    await eventually(async () => (await fast.take('dave')).allowed, 'a token to come back to the bucket');
  });

  it("time is Redis's: a caller clock far in the future refills nothing", async () => {
    const slow = limiter({ perSecond: 0.1, burst: 1 });
    expect((await slow.take('erin')).allowed).toBe(true);
    jest.spyOn(Date, 'now').mockReturnValue(Date.UTC(2100, 0, 1));
    expect(await slow.take('erin')).toEqual({ allowed: false, retryAfterSeconds: 10, remaining: 0 });
  });

  it('a bucket expires from Redis once it would be full again', async () => {
    await limiter({ perSecond: 1, burst: 2 }).take('frank');
    const key = new AuthKeys(r.prefix).rateBucket('api', 'frank');
    const ttl = await r.redis.pttl(key);
    // One token short of full: 1 s to refill, plus the 1 s margin.
    expect(ttl).toBeGreaterThan(1_000);
    expect(ttl).toBeLessThanOrEqual(2_000);
    expect(await r.redis.hget(key, 'tokens')).toBe('1');
  });

  it('bad options and subjects are refused naming the field', async () => {
    expect(() => limiter({ perSecond: 0, burst: 1 })).toThrow('perSecond must be a number above 0');
    expect(() => limiter({ perSecond: Number.NaN, burst: 1 })).toThrow('perSecond must be a number above 0');
    expect(() => limiter({ perSecond: 1, burst: 0.5 })).toThrow('burst must be an integer from 1 to 1e6 (got 0.5)');
    expect(() => limiter({ perSecond: 1, burst: 1, name: 'Bad Name' })).toThrow('name must be 1-40 lowercase letters');
    expect(() => new RateLimiter(r.redis, { perSecond: 1, burst: 1, prefix: 'a{b}' })).toThrow('prefix must not contain { or }');
    await expect(limiter({ perSecond: 1, burst: 1 }).take('')).rejects.toMatchObject({ code: 'AUTH.INVALID', field: 'subject' });
  });
});
