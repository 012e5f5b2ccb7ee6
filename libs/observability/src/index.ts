export { createLogger, PinoLoggerService, REDACTED_PATHS, type LoggerOptions } from './lib/logger';
export { createMetricsRegistry, registerDefaultMetrics, METRIC_PREFIX } from './lib/metrics-registry';
export { HttpMetrics, type ApiKind } from './lib/http-metrics';
export { withLogContext, currentLogContext, type LogFields } from './lib/log-context';
