import { defineLuaScripts, runLuaScript, type RedisConnection } from '@base-shift/redis';
import { LUA_SOURCES } from './lua-sources.generated';

export type PodScriptName = 'renew-leader' | 'release-leader' | 'record-template-run';

export const POD_SCRIPTS = defineLuaScripts<PodScriptName>('pods', LUA_SOURCES);

/** Runs one of this folder's scripts (see `runLuaScript`). */
export function runPodScript(redis: RedisConnection, name: PodScriptName, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown> {
  return runLuaScript(redis, POD_SCRIPTS[name], keys, args);
}
