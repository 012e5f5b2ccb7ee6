import { createHash } from 'node:crypto';
import type { RedisConnection } from '@base-shift/queue';
import { LUA_SOURCES } from './lua-sources.generated';

export type PodScriptName = 'renew-leader' | 'release-leader' | 'record-template-run';

interface PodScript {
  readonly numKeys: number;
  readonly source: string;
  readonly sha: string;
}

const SCRIPTS: Record<string, PodScript> = {};
for (const [file, source] of Object.entries(LUA_SOURCES)) {
  const match = /^([a-z-]+)-(\d+)$/.exec(file);
  if (!match) throw new Error(`pods Lua script ${file} is not named <name>-<numKeys>`);
  SCRIPTS[match[1]] = { numKeys: Number(match[2]), source, sha: createHash('sha1').update(source).digest('hex') };
}

/** The registered scripts' names and key counts (the spec checks them against the files). */
export function podScriptFiles(): string[] {
  return Object.entries(SCRIPTS).map(([name, script]) => `${name}-${script.numKeys}.lua`);
}

/** Runs a script by SHA, sending the source once (EVAL) when the server answers NOSCRIPT. */
export async function runPodScript(redis: RedisConnection, name: PodScriptName, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown> {
  const script = SCRIPTS[name];
  if (keys.length !== script.numKeys) throw new Error(`pods script ${name} takes ${script.numKeys} keys, got ${keys.length}`);
  try {
    return await redis.evalsha(script.sha, script.numKeys, ...keys, ...args);
  } catch (error) {
    if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
    return redis.eval(script.source, script.numKeys, ...keys, ...args);
  }
}
