import { createHash } from 'node:crypto';
import type { RedisConnection } from '../connection/redis-connection';
import { LUA_SOURCES } from '../lua/lua-sources.generated';

/** A script of lua/ (`<name>-<numKeys>.lua`) with its includes expanded. */
export interface QueueScript {
  readonly name: string;
  readonly numKeys: number;
  readonly source: string;
  readonly sha: string;
}

export type ScriptName =
  | 'enqueue'
  | 'lease'
  | 'heartbeat'
  | 'complete'
  | 'fail'
  | 'release'
  | 'requeue-leases'
  | 'promote-due'
  | 'cancel'
  | 'requeue-dead'
  | 'get-job'
  | 'list-jobs'
  | 'stats'
  | 'trim-results';

function loadScripts(): Record<ScriptName, QueueScript> {
  const scripts: Partial<Record<string, QueueScript>> = {};
  for (const [file, source] of Object.entries(LUA_SOURCES)) {
    const match = /^([a-z-]+)-(\d+)$/.exec(file);
    if (!match) throw new Error(`queue Lua script ${file} is not named <name>-<numKeys>`);
    scripts[match[1]] = { name: match[1], numKeys: Number(match[2]), source, sha: createHash('sha1').update(source).digest('hex') };
  }
  return scripts as Record<ScriptName, QueueScript>;
}

export const QUEUE_SCRIPTS = loadScripts();

/**
 * Runs a script by SHA. A server that does not know it yet (first call, restart,
 * failover, another cluster node) answers NOSCRIPT; then the source is sent once
 * with EVAL, which also caches it there.
 */
export async function runScript(redis: RedisConnection, name: ScriptName, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown> {
  const script = QUEUE_SCRIPTS[name];
  if (keys.length !== script.numKeys) throw new Error(`queue script ${name} takes ${script.numKeys} keys, got ${keys.length}`);
  try {
    return await redis.evalsha(script.sha, script.numKeys, ...keys, ...args);
  } catch (error) {
    if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
    return redis.eval(script.source, script.numKeys, ...keys, ...args);
  }
}
