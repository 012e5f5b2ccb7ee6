export { createRedisConnection, pingRedis, type RedisConnection, type RedisConnectionOptions } from './lib/connection/redis-connection';
