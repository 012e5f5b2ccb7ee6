export { ConfigError } from './lib/config-error';
export { EnvReader, type EnvSource } from './lib/env-reader';
export { LOG_LEVELS, type LogLevel } from './lib/log-level';
