import { createRedisConnection, type RedisConnection } from '@base-shift/redis';
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

export async function deleteKeysWithPrefix(redis: RedisConnection, prefix: string): Promise<number> {
  const nodes = 'nodes' in redis && typeof redis.nodes === 'function' ? redis.nodes('master') : [redis];
  let deleted = 0;
  for (const node of nodes) {
    let cursor = '0';
    do {
      const [next, keys] = await node.scan(cursor, 'MATCH', `${escapeGlob(prefix)}*`, 'COUNT', 1000);
      cursor = next;
      // One UNLINK per key: in a cluster the keys of one batch may live in different slots.
      for (const key of keys) deleted += await node.unlink(key);
    } while (cursor !== '0');
  }
  return deleted;
}

function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, (char) => `\\${char}`);
}
