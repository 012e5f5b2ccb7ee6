import { createHash } from 'node:crypto';
import type { RedisConnection } from '@base-shift/queue';
import { renderTransitionTableLua } from '../domain/transition-table';
import { LUA_SOURCES } from './lua/lua-sources.generated';

/** A script `<name>-<numKeys>.lua`, ready to run. */
export interface LuaScript {
  name: string;
  numKeys: number;
  source: string;
  sha: string;
}

const TRANSITIONS = /^-- @include transitions\s*$/m;

/** Loads an embedded script and renders the transition table into it. */
export function loadLuaScript(fileName: string): LuaScript {
  const match = /^([a-z-]+)-(\d+)\.lua$/.exec(fileName);
  const embedded = LUA_SOURCES[fileName.replace(/\.lua$/, '')];
  if (!match || embedded === undefined) throw new Error(`no embedded workflow Lua script ${fileName}`);
  const source = embedded.replace(TRANSITIONS, () => renderTransitionTableLua());
  return { name: match[1], numKeys: Number(match[2]), source, sha: createHash('sha1').update(source).digest('hex') };
}

/**
 * Runs scripts by SHA. A server that does not know the script yet (first
 * call, restart, failover, another cluster node) answers NOSCRIPT; then the
 * source is sent once with EVAL, which also caches it there.
 */
export async function runScript(redis: RedisConnection, script: LuaScript, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown> {
  if (keys.length !== script.numKeys) throw new Error(`${script.name} takes ${script.numKeys} keys, got ${keys.length}`);
  try {
    return await redis.evalsha(script.sha, script.numKeys, ...keys, ...args);
  } catch (error) {
    if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
    return redis.eval(script.source, script.numKeys, ...keys, ...args);
  }
}
