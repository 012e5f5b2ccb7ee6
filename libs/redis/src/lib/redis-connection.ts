import { errorMessage, getLogger, withTimeout } from '@base-shift/core';
import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';
import { redisUrlEntries } from './redis-url';

export type RedisConnection = Redis | Cluster;

export interface RedisConnectionOptions {
  /** Name shown by CLIENT LIST; helps when several processes share one Redis. */
  connectionName?: string;
  /** A blocking client must not time out its own BZPOPMAX-style calls. */
  blocking?: boolean;
  /** How long one connection stays quiet about an error message it already logged (default 10 s). */
  errorLogIntervalMs?: number;
}

/** The scope connection errors are logged under. */
export const REDIS_CONNECTION_LOG_SCOPE = 'RedisConnection';

/**
 * Logs a connection's `error` events through getLogger instead of ioredis's
 * "[ioredis] Unhandled error event" on stderr: one line per distinct message
 * per `intervalMs` while it repeats (a down Redis errors on every retry), with
 * any password of the URL masked.
 */
function logConnectionErrors(connection: RedisConnection, name: string, secrets: string[], intervalMs: number): void {
  const logger = getLogger(REDIS_CONNECTION_LOG_SCOPE);
  const lastLogged = new Map<string, number>();
  const mask = (text: string) => secrets.reduce((masked, secret) => masked.split(secret).join('***'), text);
  const onError = (error: unknown, node?: string) => {
    const message = mask(errorMessage(error));
    const now = Date.now();
    const last = lastLogged.get(message);
    if (last !== undefined && now - last < intervalMs) return;
    lastLogged.set(message, now);
    // Messages of a long outage come and go; keep the map small.
    if (lastLogged.size > 100) lastLogged.delete(lastLogged.keys().next().value as string);
    const repeats = last === undefined ? {} : { repeatedWithinMs: intervalMs };
    logger.warn(`Redis connection error: ${message}`, { connection: name, ...(node ? { node } : {}), ...repeats });
  };
  connection.on('error', (error: unknown) => onError(error));
  if (connection instanceof Cluster) {
    connection.on('node error', (error: unknown, address: unknown) => onError(error, String(address)));
  }
}

/**
 * `redis://host:port[/db]` gives a single-node client; a comma-separated list of
 * node URLs gives a Cluster client, which reaches every node with the first
 * entry's TLS setting, user and password (redisUrlProblems refuses lists that
 * disagree). Commands fail fast while disconnected instead
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
  const urls = redisUrlEntries(url);
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
    const cluster = new Cluster(nodes, clusterOptions);
    logConnectionErrors(cluster, options.connectionName ?? 'redis', secretsOf(urls), options.errorLogIntervalMs ?? 10_000);
    return cluster;
  }
  const redis = new Redis(urls[0], common);
  logConnectionErrors(redis, options.connectionName ?? 'redis', secretsOf(urls), options.errorLogIntervalMs ?? 10_000);
  return redis;
}

/** The passwords of the URLs (raw and decoded), never to appear in a log line. */
function secretsOf(urls: string[]): string[] {
  const secrets = new Set<string>();
  for (const url of urls) {
    try {
      const { password } = new URL(url);
      if (password) {
        secrets.add(password);
        secrets.add(decodeURIComponent(password));
      }
    } catch {
      // ioredis reports a malformed URL itself.
    }
  }
  return [...secrets].filter((secret) => secret.length > 0);
}

/** PING with a deadline: a dead server answers with an error, never a hang. */
export async function pingRedis(connection: RedisConnection, timeoutMs = 1000): Promise<void> {
  await withTimeout(connection.ping(), timeoutMs, `no PING reply within ${timeoutMs} ms`);
}
