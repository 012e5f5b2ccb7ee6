import type { RedisConnection } from '@base-shift/redis';

/**
 * Every key under `prefix` with its whole content, read the way its type
 * allows (GET, HGETALL, LRANGE, SMEMBERS, ZRANGE, XRANGE), as one string: for
 * tests that prove a value is nowhere in Redis.
 */
export async function dumpKeys(redis: RedisConnection, prefix: string): Promise<string> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`, 'COUNT', 1000);
    cursor = next;
    keys.push(...batch);
  } while (cursor !== '0');
  const parts: string[] = [];
  for (const key of keys.sort()) {
    const type = await redis.type(key);
    parts.push(`${key} (${type}): ${JSON.stringify(await read(redis, key, type))}`);
  }
  return parts.join('\n');
}

function read(redis: RedisConnection, key: string, type: string): Promise<unknown> {
  switch (type) {
    case 'string':
      return redis.get(key);
    case 'hash':
      return redis.hgetall(key);
    case 'list':
      return redis.lrange(key, 0, -1);
    case 'set':
      return redis.smembers(key);
    case 'zset':
      return redis.zrange(key, 0, -1, 'WITHSCORES');
    case 'stream':
      return redis.xrange(key, '-', '+');
    default:
      return Promise.resolve(`(${type})`);
  }
}
