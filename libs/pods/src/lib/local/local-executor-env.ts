import type { ExecutorSettings } from '../driver/executor-settings';
import type { PoolConfig } from '../pools/pool-config';

/**
 * A local executor's environment: only the base variables (PATH, HOME by
 * default — never the control plane's own secrets), the pool's `env`, then
 * what the pod manager sets, as the kubernetes pod spec does.
 */
export function localExecutorEnv(
  pool: PoolConfig,
  options: { settings: ExecutorSettings; secretsDir?: string; baseEnv?: Readonly<Record<string, string | undefined>> },
  name: string,
  metricsPort: number,
): Record<string, string> {
  const { settings } = options;
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(options.baseEnv ?? { PATH: process.env['PATH'], HOME: process.env['HOME'] })) {
    if (value !== undefined) env[key] = value;
  }
  Object.assign(env, pool.env, {
    JOB_QUEUE_URL: settings.queueUrl ?? '',
    LOG_LEVEL: settings.logLevel,
    POOLS: pool.name,
    CONCURRENCY: String(pool.jobsPerPod),
    EXECUTOR_ID: name,
    POD_NAME: name,
    METRICS_PORT: String(metricsPort),
    SHUTDOWN_GRACE_SECONDS: String(pool.drainSeconds),
    SECRET_BINDINGS: JSON.stringify(pool.secrets),
  });
  delete env['REDIS_URL']; // JOB_QUEUE_URL is the one; two different values would stop the executor.
  if (settings.keyPrefix) env['REDIS_KEY_PREFIX'] = settings.keyPrefix;
  if (pool.secretName && options.secretsDir) env['SECRETS_DIR'] = options.secretsDir;
  return env;
}
