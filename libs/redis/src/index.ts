/**
 * @base-shift/redis — the Redis plumbing every lib shares: connections
 * (single node or Cluster) and PING, the Lua script runner for the scripts a
 * lib embeds at build time, the key-prefix rule, and `BackgroundLoop`, on which
 * every periodic task runs. No queue or workflow logic lives here.
 */
export { createRedisConnection, pingRedis, type RedisConnection } from './lib/redis-connection';
export { defineLuaScripts, runLuaScript } from './lib/lua-scripts';
export { keyPrefixProblem } from './lib/key-prefix';
export { deleteKeysWithPrefix } from './lib/delete-keys';
export { BackgroundLoop } from './lib/background-loop';
