import { defineLuaScripts, runLuaScript, type RedisConnection } from '@base-shift/redis';
import { LUA_SOURCES } from '../lua/lua-sources.generated';

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
  | 'purge-dead'
  | 'get-job'
  | 'list-jobs'
  | 'lease-holders'
  | 'stats'
  | 'trim-results';

export const QUEUE_SCRIPTS = defineLuaScripts<ScriptName>('queue', LUA_SOURCES);

/** Runs one of lib/lua's scripts (see `runLuaScript`). */
export function runScript(redis: RedisConnection, name: ScriptName, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown> {
  return runLuaScript(redis, QUEUE_SCRIPTS[name], keys, args);
}
