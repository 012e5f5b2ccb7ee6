import { hostname } from 'node:os';
import { EnvReader, LOG_LEVELS, type EnvSource, type LogLevel } from '@base-shift/config';

export interface ExecutorConfig {
  redisUrl: string;
  executorId: string;
  pools: string[];
  concurrency: number;
  metricsPort: number;
  logLevel: LogLevel;
  shutdownGraceSeconds: number;
}

/**
 * JOB_QUEUE_URL is the seed pod spec's name for the queue; REDIS_URL is accepted
 * as an alias so one .env serves both apps. Setting both to different values is
 * refused: which one wins would be a guess.
 */
export function loadExecutorConfig(source: EnvSource = process.env): ExecutorConfig {
  const env = new EnvReader(source);
  const queueUrl = env.optionalString('JOB_QUEUE_URL');
  const redisUrl = env.optionalString('REDIS_URL');
  if (queueUrl && redisUrl && queueUrl !== redisUrl) {
    env.fail('JOB_QUEUE_URL', 'differs from REDIS_URL; set one of them (they are aliases)');
  }
  const urlVariable = queueUrl ? 'JOB_QUEUE_URL' : redisUrl ? 'REDIS_URL' : 'JOB_QUEUE_URL';
  const config: ExecutorConfig = {
    redisUrl: env.url(urlVariable, ['redis:', 'rediss:']),
    executorId: env.string('EXECUTOR_ID', source['POD_NAME'] ?? hostname()),
    pools: env.list('POOLS', ['default']),
    concurrency: env.int('CONCURRENCY', { default: 10, min: 1, max: 1000 }),
    metricsPort: env.int('METRICS_PORT', { default: 9464, min: 0, max: 65535 }), // 0 picks a free port (tests)
    logLevel: env.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    shutdownGraceSeconds: env.int('SHUTDOWN_GRACE_SECONDS', { default: 30, min: 0, max: 3600 }),
  };
  for (const pool of config.pools) {
    if (!/^[A-Za-z0-9_.-]{1,64}$/.test(pool)) env.fail('POOLS', `pool name ${JSON.stringify(pool)} must match [A-Za-z0-9_.-]{1,64}`);
  }
  env.done();
  return config;
}
