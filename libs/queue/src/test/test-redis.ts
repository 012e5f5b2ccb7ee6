import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createRedisConnection, deleteKeysWithPrefix, type RedisConnection } from '@base-shift/redis';

/** A connection plus a key prefix private to one test; cleanup() deletes every key under it and closes. */
export interface TestRedis {
  redis: RedisConnection;
  prefix: string;
  /** Another connection to the same server (a second executor, a blocking reader); closed by cleanup(). */
  connect(name: string): RedisConnection;
  cleanup(): Promise<void>;
}

const REPO_ROOT = path.resolve(__dirname, '../../../..');

export function redisUrl(): string {
  const url = process.env['REDIS_URL'];
  if (!url) throw new Error('REDIS_URL is not set: run the tests through jest (npx nx test queue), whose globalSetup starts the test environment');
  return url;
}

/**
 * The 3-master cluster of the test environment. jest's globalSetup starts it
 * (REDIS_CLUSTER_NODES); if the suite was started without it, testenv is asked
 * to start one. Never skipped: a missing cluster fails the suite.
 */
export function clusterUrl(): string {
  if (process.env['REDIS_CLUSTER_NODES']) return process.env['REDIS_CLUSTER_NODES'];
  let output: string;
  try {
    output = execFileSync(process.execPath, [path.join(REPO_ROOT, 'tools/testenv/index.mjs'), 'up', '--cluster'], { encoding: 'utf8', cwd: REPO_ROOT });
  } catch (error) {
    throw new Error(`REDIS_CLUSTER_NODES is not set and \`tools/testenv/index.mjs up --cluster\` failed: ${(error as Error).message}`);
  }
  const line = output.split('\n').find((l) => l.startsWith('REDIS_CLUSTER_NODES='));
  if (!line) throw new Error(`REDIS_CLUSTER_NODES is not set and testenv did not report a cluster:\n${output}`);
  process.env['REDIS_CLUSTER_NODES'] = line.slice('REDIS_CLUSTER_NODES='.length);
  return process.env['REDIS_CLUSTER_NODES'];
}

export function testRedis(label: string, url = redisUrl()): TestRedis {
  const name = `${label}-${process.pid}-${randomBytes(4).toString('hex')}`;
  const connections: RedisConnection[] = [];
  const connect = (connectionName: string) => {
    const connection = createRedisConnection(url, { connectionName: `bs-test:${name}:${connectionName}` });
    connections.push(connection);
    return connection;
  };
  const redis = connect('main');
  const prefix = `bs-test:${name}:`;
  return {
    redis,
    prefix,
    connect,
    async cleanup() {
      await deleteKeysWithPrefix(redis, prefix);
      await Promise.all(connections.map((c) => c.quit().catch(() => c.disconnect())));
    },
  };
}
