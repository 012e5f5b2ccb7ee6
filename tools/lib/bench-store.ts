import { createRedisConnection, deleteKeysWithPrefix, type RedisConnection } from '@base-shift/redis';
import { uniqueName } from '@base-shift/testing';
import { dropMongoDatabase, privateMongoUrl } from './private-mongo';
import { envOrTestenv } from './testenv-file';

/** Where a benchmark run keeps its data: a key prefix of its own on the shared Redis and a database of its own on the shared MongoDB. */
export interface BenchStore {
  redisUrl: string;
  mongoUrl: string;
  /** `bs-bench:<bench>-<pid>-<random>:`, for REDIS_KEY_PREFIX. */
  prefix: string;
  redis: RedisConnection;
  /** Drops the database and the prefix's keys and closes the connection: nothing of the run stays on the shared servers. */
  remove(): Promise<void>;
}

/**
 * Redis: REDIS_URL, else .testenv/env, else 127.0.0.1:6379 — or, with `cluster`, the Redis Cluster of
 * REDIS_CLUSTER_NODES (else .testenv/env after `up --cluster`); MongoDB: MONGO_URL or .testenv/env (FerretDB), required.
 */
export function openBenchStore(bench: string, options: { cluster?: boolean } = {}): BenchStore {
  const redisUrl = options.cluster ? clusterNodes() : (envOrTestenv('REDIS_URL') ?? 'redis://127.0.0.1:6379');
  const mongoBase = envOrTestenv('MONGO_URL');
  if (!mongoBase) throw new Error('MONGO_URL is not set and .testenv/env has none: run `npx node tools/testenv/index.mjs up` first');
  const prefix = `bs-bench:${uniqueName(bench)}:`;
  const mongoUrl = privateMongoUrl(mongoBase, 'bs_bench');
  const redis = createRedisConnection(redisUrl, { connectionName: `base-shift:bench:${bench}` });
  return {
    redisUrl,
    mongoUrl,
    prefix,
    redis,
    remove: async () => {
      await dropMongoDatabase(mongoUrl);
      await deleteKeysWithPrefix(redis, prefix);
      await redis.quit();
    },
  };
}

function clusterNodes(): string {
  const nodes = envOrTestenv('REDIS_CLUSTER_NODES');
  if (!nodes) throw new Error('REDIS_CLUSTER_NODES is not set and .testenv/env has none: run `node tools/testenv/index.mjs up --cluster` first');
  return nodes;
}
