export { kubectlCommand, requireTestEnv, uniqueName } from './lib/test-env';
export { isolatedRedis, type IsolatedRedis } from './lib/isolated-redis';
export { isolatedMongoUrl } from './lib/isolated-mongo';
export { startBuiltApp, freePort, type AppProcess } from './lib/app-process';
export { ensurePrometheusInstalled, promtoolCheckMetrics, startPrometheus, type PrometheusServer } from './lib/prometheus';
export { eventually } from './lib/eventually';
export { startThrowawayRedis, type ThrowawayRedis } from './lib/throwaway-redis';
export { selfSignedCertificate, type SelfSignedCertificate } from './lib/self-signed-certificate';
export { embeddedLuaReport, type EmbeddedLuaReport } from './lib/embedded-lua';
