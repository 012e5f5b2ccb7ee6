export { createLogger, PinoLoggerService, REDACTED_PATHS, type LoggerOptions } from './lib/logger';
