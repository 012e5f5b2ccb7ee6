import { randomBytes } from 'node:crypto';
import type { Logger } from '@base-shift/core';
import { InstallationEpoch, installationEpochKey } from './installation-epoch';
import { createRedisConnection, type RedisConnection } from './redis-connection';

describe('InstallationEpoch (real Redis)', () => {
  let redis: RedisConnection;
  let prefix: string;
  const errors: string[] = [];
  const logger: Logger = { error: (message: string) => void errors.push(message), warn: () => undefined, info: () => undefined, debug: () => undefined };
  beforeEach(() => {
    const url = process.env['REDIS_URL'];
    if (!url) throw new Error('REDIS_URL is not set: run through jest globalSetup');
    redis = createRedisConnection(url, { connectionName: 'base-shift:test:epoch' });
    prefix = `test:epoch:${randomBytes(4).toString('hex')}:`;
    errors.length = 0;
  });
  afterEach(async () => {
    await redis.del(installationEpochKey(prefix));
    await redis.quit();
  });

  it('every process reads the epoch the first one wrote, and no loss is reported at start', async () => {
    const a = new InstallationEpoch(redis, { prefix, logger });
    const b = new InstallationEpoch(redis, { prefix, logger });
    expect(await a.check()).toBe(false);
    expect(await b.check()).toBe(false);
    expect(a.current).toBe(b.current);
    expect(await redis.get(installationEpochKey(prefix))).toBe(a.current);
    expect(errors).toEqual([]);
  });

  it('a vanished epoch is reported once per process, with one error line, and re-established', async () => {
    const losses: string[] = [];
    const epoch = new InstallationEpoch(redis, { prefix, logger, onLoss: (previous, current) => void losses.push(`${previous}>${current}`) });
    await epoch.check();
    const before = epoch.current;
    await redis.del(installationEpochKey(prefix));

    expect(await epoch.check()).toBe(true);
    expect(await epoch.check()).toBe(false);
    expect(epoch.current).not.toBe(before);
    expect(await redis.get(installationEpochKey(prefix))).toBe(epoch.current);
    expect(losses).toEqual([`${before}>${epoch.current}`]);
    expect(errors).toEqual([`Redis lost its data: epoch ${before} → ${epoch.current}`]);
  });
});
