/**
 * Redis bytes a finished workflow leaves behind, two ways (MEMORY USAGE, so
 * other tenants of a shared Redis do not blur it the way INFO used_memory would):
 * - perWorkflowKeys: the keys named after one workflow (`workflow:{<id>}:*`:
 *   state, meta, jobs, events, one hash per job), median over a few workflows;
 *   its entries in shared structures (state indexes, result streams) are not in it;
 * - perWorkflowUnderPrefix: every key under the run's private prefix (indexes,
 *   streams, templates included) divided by the workflows the run finished: an
 *   upper bound, the run's fixed keys amortised over its workflows.
 */
import type { RedisConnection } from '@base-shift/redis';
import { median } from '../../lib/percentiles';

async function keysMatching(redis: RedisConnection, pattern: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [nextCursor, batch] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    keys.push(...batch);
    cursor = nextCursor;
  } while (cursor !== '0');
  return keys;
}

async function bytesOf(redis: RedisConnection, keys: string[]): Promise<number> {
  let total = 0;
  for (let i = 0; i < keys.length; i += 500) {
    const pipeline = redis.pipeline();
    for (const key of keys.slice(i, i + 500)) pipeline.memory('USAGE', key, 'SAMPLES', '0');
    for (const [error, bytes] of (await pipeline.exec()) ?? []) if (!error) total += Number(bytes ?? 0);
  }
  return total;
}

/** Escapes Redis glob metacharacters in a literal part of a MATCH pattern. */
const literal = (text: string) => text.replace(/[*?[\]\\]/g, (c) => `\\${c}`);

export async function redisFootprint(redis: RedisConnection, prefix: string, finishedWorkflows: number, sampleIds: string[]) {
  const perWorkflow: number[] = [];
  for (const id of sampleIds) perWorkflow.push(await bytesOf(redis, await keysMatching(redis, `${literal(prefix)}workflow:{${literal(id)}}:*`)));
  const underPrefix = await bytesOf(redis, await keysMatching(redis, `${literal(prefix)}*`));
  return {
    perWorkflowKeys: median(perWorkflow),
    samples: perWorkflow,
    perWorkflowUnderPrefix: finishedWorkflows > 0 ? underPrefix / finishedWorkflows : null,
    bytesUnderPrefix: underPrefix,
    finishedWorkflows,
  };
}
