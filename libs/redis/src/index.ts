/**
 * @base-shift/redis — the Redis plumbing every lib shares: connections
 * (single node or Cluster) and PING, the Lua script runner for the scripts a
 * lib embeds at build time, the key-prefix rule, the Redis ACL users (`redisAclRules`), and `BackgroundLoop`, on which
 * every periodic task runs. No queue or workflow logic lives here.
 */
export { readRedisUrl, redactRedisUrl, redisUrlEntries, redisUrlHasPassword, redisUrlProblems } from './lib/redis-url';
export { createRedisConnection, pingRedis, REDIS_CONNECTION_LOG_SCOPE, type RedisConnection } from './lib/redis-connection';
export { whenReady } from './lib/when-ready';
export {
  checkRedisPersistence,
  persistenceProblems,
  PERSISTENCE_SETTINGS,
  type PersistenceCheck,
  type PersistenceProblem,
  type PersistenceSetting,
} from './lib/persistence-check';
export { defineLuaScripts, runLuaScript, type LuaScript } from './lib/lua-scripts';
export { keyPrefixProblem } from './lib/key-prefix';
export { deleteKeysWithPrefix } from './lib/delete-keys';
export { clusterMasters } from './lib/cluster-masters';
export { BackgroundLoop } from './lib/background-loop';
export { InstallationEpoch, installationEpochKey, type InstallationEpochOptions } from './lib/installation-epoch';
export {
  REDIS_USERS,
  EXECUTOR_SCRIPT_COMMANDS,
  CONTROL_PLANE_SCRIPT_COMMANDS,
  redisAclRules,
  redisAclSetUserArgs,
  redisPasswordHash,
  renderRedisAclFile,
  type RedisRole,
} from './lib/acl/redis-acl';
