import { createHash } from 'node:crypto';
import type { RedisConnection } from './redis-connection';

/**
 * A Lua script named `<name>-<numKeys>.lua`, as embedded at build time by
 * `tools/lua/embed-lua.mjs` (includes expanded) and rendered by its lib.
 */
export interface LuaScript {
  readonly name: string;
  readonly numKeys: number;
  readonly source: string;
  readonly sha: string;
}

const SCRIPT_FILE = /^([a-z-]+)-(\d+)$/;

/**
 * Turns a lib's embedded sources (`LUA_SOURCES` of its `lua-sources.generated.ts`)
 * into scripts by name. `render` lets a lib fill in what it generates itself
 * (the workflow transition table) before the SHA is taken.
 */
export function defineLuaScripts<Name extends string>(
  owner: string,
  sources: Readonly<Record<string, string>>,
  render: (source: string) => string = (source) => source,
): Readonly<Record<Name, LuaScript>> {
  const scripts: Record<string, LuaScript> = {};
  for (const [file, embedded] of Object.entries(sources)) {
    const match = SCRIPT_FILE.exec(file);
    if (!match) throw new Error(`${owner} Lua script ${file} is not named <name>-<numKeys>`);
    const source = render(embedded);
    scripts[match[1]] = { name: match[1], numKeys: Number(match[2]), source, sha: createHash('sha1').update(source).digest('hex') };
  }
  return scripts as Record<Name, LuaScript>;
}

/**
 * Runs a script by SHA. A server that does not know it yet (first call,
 * restart, failover, another cluster node) answers NOSCRIPT; then the source
 * is sent once with EVAL, which also caches it there.
 */
export async function runLuaScript(redis: RedisConnection, script: LuaScript, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown> {
  if (keys.length !== script.numKeys) throw new Error(`Lua script ${script.name} takes ${script.numKeys} keys, got ${keys.length}`);
  try {
    return await redis.evalsha(script.sha, script.numKeys, ...keys, ...args);
  } catch (error) {
    if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
    return redis.eval(script.source, script.numKeys, ...keys, ...args);
  }
}
