import { withTimeout } from '@base-shift/core';
import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';

export type RedisConnection = Redis | Cluster;

export interface RedisConnectionOptions {
  /** Name shown by CLIENT LIST; helps when several processes share one Redis. */
  connectionName?: string;
  /** A blocking client must not time out its own BZPOPMAX-style calls. */
  blocking?: boolean;
}

/**
 * `redis://host:port[/db]` gives a single-node client; a comma-separated list of
 * node URLs gives a Cluster client. Commands fail fast while disconnected instead
 * of queueing forever, so a readiness probe reports an outage instead of hanging.
 */
export function createRedisConnection(url: string, options: RedisConnectionOptions = {}): RedisConnection {
  const common: RedisOptions = {
    connectionName: options.connectionName,
    enableOfflineQueue: true,
    maxRetriesPerRequest: options.blocking ? null : 2,
    retryStrategy: (times) => Math.min(50 * 2 ** Math.min(times, 6), 2000),
    lazyConnect: false,
  };
  const urls = url
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (urls.length > 1) {
    const nodes = urls.map((nodeUrl) => {
      const parsed = new URL(nodeUrl);
      return { host: parsed.hostname, port: Number(parsed.port || 6379) };
    });
    const first = new URL(urls[0]);
    const clusterOptions: ClusterOptions = {
      redisOptions: {
        ...common,
        username: decodeURIComponent(first.username) || undefined,
        password: decodeURIComponent(first.password) || undefined,
        tls: first.protocol === 'rediss:' ? {} : undefined,
      },
      enableOfflineQueue: true,
      clusterRetryStrategy: common.retryStrategy,
    };
    return new Cluster(nodes, clusterOptions);
  }
  return new Redis(urls[0], common);
}

/** PING with a deadline: a dead server answers with an error, never a hang. */
export async function pingRedis(connection: RedisConnection, timeoutMs = 1000): Promise<void> {
  await withTimeout(connection.ping(), timeoutMs, `no PING reply within ${timeoutMs} ms`);
}
