import { clusterMasters } from './cluster-masters';
import type { RedisConnection } from './redis-connection';

/**
 * Deletes every key that starts with `prefix`, on every master of a Cluster:
 * how a test run or a developer instance with its own `REDIS_KEY_PREFIX`
 * removes what it wrote without touching anyone else's keys.
 */
export async function deleteKeysWithPrefix(redis: RedisConnection, prefix: string): Promise<number> {
  if (prefix === '') throw new Error('deleteKeysWithPrefix needs a non-empty prefix: an empty one would delete every key');
  const nodes = await clusterMasters(redis);
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
