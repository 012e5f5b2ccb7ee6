import { clusterMasters, type RedisConnection } from '@base-shift/redis';

/**
 * How many keys under `prefix` each master holds, by "host:port" (a single
 * node counts as its one master): how a test or bench shows that a Redis
 * Cluster really spreads the keyspace instead of putting it all on one node.
 */
export async function keysPerMaster(redis: RedisConnection, prefix: string): Promise<Record<string, number>> {
  const masters = await clusterMasters(redis);
  const counts: Record<string, number> = {};
  for (const node of masters) {
    let keys = 0;
    let cursor = '0';
    do {
      const [next, batch] = await node.scan(cursor, 'MATCH', `${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`, 'COUNT', 1000);
      cursor = next;
      keys += batch.length;
    } while (cursor !== '0');
    counts[`${node.options.host}:${node.options.port}`] = keys;
  }
  return counts;
}
