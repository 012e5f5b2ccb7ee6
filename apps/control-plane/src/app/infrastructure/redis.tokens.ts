/** DI token of the process's shared Redis connection (see RedisModule). */
export const REDIS = Symbol('REDIS');
