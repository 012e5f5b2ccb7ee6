import { defineLuaScripts, runLuaScript, type RedisConnection } from '@base-shift/redis';
import { LUA_SOURCES } from './lua-sources.generated';

export type AuthScriptName = 'put-api-key' | 'touch-api-key' | 'take-token';

export const AUTH_SCRIPTS = defineLuaScripts<AuthScriptName>('auth', LUA_SOURCES);

/** Runs one of this folder's scripts (see `runLuaScript`). */
export function runAuthScript(redis: RedisConnection, name: AuthScriptName, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown> {
  return runLuaScript(redis, AUTH_SCRIPTS[name], keys, args);
}
