export { kubectlCommand, requireTestEnv, uniqueName } from './lib/test-env';
export { isolatedRedis, deleteKeysWithPrefix, type IsolatedRedis } from './lib/isolated-redis';
export { isolatedMongoUrl } from './lib/isolated-mongo';
export { startBuiltApp, freePort, type AppProcess, type BuiltApp } from './lib/app-process';
export { ensurePrometheusInstalled, promtoolCheckMetrics, startPrometheus, type PrometheusServer, type ScrapeTarget } from './lib/prometheus';
export { eventually, type EventuallyOptions } from './lib/eventually';
