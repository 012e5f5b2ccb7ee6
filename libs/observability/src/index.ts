export { createLogger, PinoLoggerService } from './lib/logger';
export { pinoLogSink } from './lib/pino-log-sink';
export { createMetricsRegistry, registerDefaultMetrics, METRIC_PREFIX } from './lib/metrics-registry';
export { HttpMetrics } from './lib/http-metrics';
export { withLogContext, type LogFields } from './lib/log-context';
