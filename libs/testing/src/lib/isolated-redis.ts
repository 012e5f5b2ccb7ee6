import { createRedisConnection, deleteKeysWithPrefix, type RedisConnection } from '@base-shift/redis';
import { requireTestEnv, uniqueName } from './test-env';

export interface IsolatedRedis {
  redis: RedisConnection;
  /** Every key a test writes starts with this, so cleanup never touches another run's keys. */
  prefix: string;
  cleanup(): Promise<void>;
}

/** A connection to the shared test Redis plus a prefix private to this test. */
export function isolatedRedis(label = 'test'): IsolatedRedis {
  const redis = createRedisConnection(requireTestEnv('REDIS_URL'), { connectionName: `base-shift:test:${label}` });
  const prefix = `bs-test:${uniqueName(label)}:`;
  return {
    redis,
    prefix,
    async cleanup() {
      await deleteKeysWithPrefix(redis, prefix);
      await redis.quit();
    },
  };
}
