/**
 * @base-shift/redis — the Redis plumbing every lib shares: connections
 * (single node or Cluster) and PING, the Lua script runner for the scripts a
 * lib embeds at build time, the key-prefix rule, and `BackgroundLoop`, on which
 * every periodic task runs. No queue or workflow logic lives here.
 */
export { createRedisConnection, pingRedis, type RedisConnection, type RedisConnectionOptions } from './lib/redis-connection';
export { defineLuaScripts, runLuaScript, type LuaScript } from './lib/lua-scripts';
export { keyPrefixProblem } from './lib/key-prefix';
export { BackgroundLoop, type BackgroundLoopOptions } from './lib/background-loop';
