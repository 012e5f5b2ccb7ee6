import { Cluster, type Redis } from 'ioredis';
import type { RedisConnection } from './redis-connection';

/**
 * The masters to visit for a keyspace-wide command (SCAN, counting): every
 * master of a Cluster, or the one node. A Cluster client knows its masters
 * only once it has loaded the slot map, so a fresh one is awaited first (a
 * PING is queued until then); asking earlier would silently visit no node.
 */
export async function clusterMasters(redis: RedisConnection): Promise<Redis[]> {
  if (!(redis instanceof Cluster)) return [redis];
  if (redis.status !== 'ready') await redis.ping();
  return redis.nodes('master');
}
