import { EnvReader, LOG_LEVELS, type EnvSource, type LogLevel } from '@base-shift/config';

export interface ControlPlaneConfig {
  port: number;
  redisUrl: string;
  mongoUrl: string;
  logLevel: LogLevel;
}

export const CONTROL_PLANE_CONFIG = Symbol('CONTROL_PLANE_CONFIG');

/** Parses the whole environment at start; throws a ConfigError naming every bad variable. */
export function loadControlPlaneConfig(source: EnvSource = process.env): ControlPlaneConfig {
  const env = new EnvReader(source);
  const config: ControlPlaneConfig = {
    port: env.port('PORT', 3000),
    redisUrl: env.url('REDIS_URL', ['redis:', 'rediss:']),
    mongoUrl: env.url('MONGO_URL', ['mongodb:', 'mongodb+srv:']),
    logLevel: env.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
  };
  env.done();
  return config;
}
