export { ConfigError } from './lib/config-error';
export { EnvReader, redactUrl, type EnvSource } from './lib/env-reader';
export { LOG_LEVELS, type LogLevel } from './lib/log-level';
