import { isolatedRedis } from './isolated-redis';

describe('isolatedRedis (real Redis)', () => {
  it('round-trips a value under its own prefix and removes it on cleanup', async () => {
    const first = isolatedRedis('roundtrip');
    const other = isolatedRedis('bystander');
    await first.redis.set(`${first.prefix}greeting`, 'hello');
    await other.redis.set(`${other.prefix}greeting`, 'stays');
    expect(await first.redis.get(`${first.prefix}greeting`)).toBe('hello');

    const inspector = isolatedRedis('inspector');
    await first.cleanup();
    expect(await inspector.redis.exists(`${first.prefix}greeting`)).toBe(0);
    expect(await inspector.redis.get(`${other.prefix}greeting`)).toBe('stays');
    await other.cleanup();
    await inspector.cleanup();
  });
});
