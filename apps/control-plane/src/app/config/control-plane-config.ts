import { EnvReader, LOG_LEVELS, type EnvSource, type LogLevel } from '@base-shift/config';
import { isPoolName, POOL_NAME_RULE } from '@base-shift/job-contract';
import { keyPrefixProblem, readRedisUrl } from '@base-shift/redis';
import { DEFAULT_MAX_JOB_INPUT_BYTES, DEFAULT_MAX_STORED_BYTES, DEFAULT_TEMPLATE_CACHE_SIZE, MAX_RETENTION_SECONDS } from '@base-shift/workflow';
import { loadAuthConfig, type AuthConfig } from '../auth/auth-config';
import type { SecretBinding } from '@base-shift/steps';
import { loadPodsConfig, type PodsConfig } from './pods-config';

export const DEFAULT_MAX_CREATES_IN_FLIGHT = 64;
export const DEFAULT_MAX_QUEUED_PER_POOL = 100_000;
export const DEFAULT_MAX_UNAPPLIED_RESULTS = 500;

export interface ControlPlaneConfig {
  port: number;
  /** The API's listen address (HOST, default 0.0.0.0). */
  host?: string;
  /** /metrics is served on its own port (METRICS_PORT, default 9464), without auth, for in-cluster scrapes; undefined: not served. */
  metricsPort?: number;
  /** Who may call the API (AUTH_MODE, API keys, OIDC, rate limits). */
  auth: AuthConfig;
  /** One node's URL, or the nodes of a Redis Cluster joined by ','. */
  redisUrl: string;
  mongoUrl: string;
  logLevel: LogLevel;
  /** Put in front of every Redis key (workflow and queue); '' in production (the seed's exact keys), unique per test. */
  keyPrefix: string;
  /** Executor pools (resource classes) workflows may use, as the executor's POOLS. Default ['default']. */
  pools: string[];
  /** Workflow deadline when a request sets none; undefined = no deadline. */
  workflowDefaultTimeoutSeconds?: number;
  /** Job results read by a replica that died are taken over after this long unacknowledged. Default 30000. */
  workflowResultClaimIdleMs?: number;
  /** An interrupted API call is finished by the timer sweeper after this long. Default 5000. */
  workflowRecoveryDelayMs?: number;
  /** Largest job input once its references are resolved (WORKFLOW_MAX_JOB_INPUT_BYTES, default 1 MiB − 4 KiB, the queue's limit). */
  workflowMaxJobInputBytes?: number;
  /** Largest workflow input plus resolved job inputs, what Redis would hold (WORKFLOW_MAX_STORED_BYTES, default 8 MiB). */
  workflowMaxStoredBytes?: number;
  /** Finished workflows are deleted this long after they finished (a request may ask for less). Default 604800 (7 days). */
  workflowRetentionSeconds?: number;
  /** Creates one replica handles at once (WORKFLOW_MAX_CREATES_IN_FLIGHT, default 64); beyond it POST /workflows answers 429 at once. */
  workflowMaxCreatesInFlight?: number;
  /** Queued jobs a pool may hold (WORKFLOW_MAX_QUEUED_PER_POOL, default 100000); a create with jobs for a full pool answers 429. */
  workflowMaxQueuedPerPool?: number;
  /**
   * Job results of a pool the engine may have left unapplied (WORKFLOW_MAX_UNAPPLIED_RESULTS, default 500);
   * beyond, creates with jobs for that pool answer 429 until the control planes have caught up.
   */
  workflowMaxUnappliedResults?: number;
  /**
   * Template version lists, and pinned snapshots, each replica keeps in memory for workflow creation
   * (TEMPLATE_CACHE_SIZE, default 1000 of each, least recently used dropped); 0 reads the template store on every create.
   */
  templateCacheSize?: number;
  /** Executor pod management (driver, pools, autoscaling); undefined: off (POD_DRIVER=none, and tests that run their own executors). */
  pods?: PodsConfig;
  /**
   * Each pool's secret bindings (pool name → bindings), for refusing templates that would send a secret elsewhere.
   * Default: those of `pods.pools`; with neither, templates are not checked here (the executors still are).
   */
  secretBindings?: Readonly<Record<string, readonly SecretBinding[]>>;
  /** The built operator console served at /ui (CONSOLE_DIR); undefined: the `console` directory next to the control plane's own build. */
  consoleDir?: string;
}

export const CONTROL_PLANE_CONFIG = Symbol('CONTROL_PLANE_CONFIG');

/** Parses the whole environment at start; throws a ConfigError naming every bad variable. */
export function loadControlPlaneConfig(source: EnvSource = process.env): ControlPlaneConfig {
  const env = new EnvReader(source);
  const config: ControlPlaneConfig = {
    port: env.port('PORT', 3000),
    host: env.string('HOST', '0.0.0.0'),
    metricsPort: env.int('METRICS_PORT', { default: 9464, min: 0, max: 65535 }),
    auth: loadAuthConfig(env),
    redisUrl: readRedisUrl(env, 'REDIS_URL'),
    mongoUrl: env.url('MONGO_URL', ['mongodb:', 'mongodb+srv:']),
    logLevel: env.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    keyPrefix: env.string('REDIS_KEY_PREFIX', ''),
    pools: env.list('POOLS', ['default']),
    workflowDefaultTimeoutSeconds:
      env.optionalString('WORKFLOW_DEFAULT_TIMEOUT_SECONDS') === undefined
        ? undefined
        : env.int('WORKFLOW_DEFAULT_TIMEOUT_SECONDS', { min: 1, max: 2_592_000 }),
    workflowResultClaimIdleMs: env.int('WORKFLOW_RESULT_CLAIM_IDLE_MS', { default: 30_000, min: 100, max: 3_600_000 }),
    workflowRecoveryDelayMs: env.int('WORKFLOW_RECOVERY_DELAY_MS', { default: 5000, min: 100, max: 3_600_000 }),
    workflowMaxJobInputBytes: env.int('WORKFLOW_MAX_JOB_INPUT_BYTES', { default: DEFAULT_MAX_JOB_INPUT_BYTES, min: 1024, max: DEFAULT_MAX_JOB_INPUT_BYTES }),
    workflowMaxStoredBytes: env.int('WORKFLOW_MAX_STORED_BYTES', { default: DEFAULT_MAX_STORED_BYTES, min: 1024, max: 512 * 1024 * 1024 }),
    workflowRetentionSeconds: env.int('WORKFLOW_RETENTION_SECONDS', { default: 604_800, min: 1, max: MAX_RETENTION_SECONDS }),
    workflowMaxCreatesInFlight: env.int('WORKFLOW_MAX_CREATES_IN_FLIGHT', { default: DEFAULT_MAX_CREATES_IN_FLIGHT, min: 1, max: 100_000 }),
    workflowMaxQueuedPerPool: env.int('WORKFLOW_MAX_QUEUED_PER_POOL', { default: DEFAULT_MAX_QUEUED_PER_POOL, min: 1, max: 1_000_000_000 }),
    consoleDir: env.optionalString('CONSOLE_DIR'),
    templateCacheSize: env.int('TEMPLATE_CACHE_SIZE', { default: DEFAULT_TEMPLATE_CACHE_SIZE, min: 0, max: 1_000_000 }),
    workflowMaxUnappliedResults: env.int('WORKFLOW_MAX_UNAPPLIED_RESULTS', { default: DEFAULT_MAX_UNAPPLIED_RESULTS, min: 1, max: 1_000_000_000 }),
  };
  const prefixProblem = keyPrefixProblem(config.keyPrefix);
  if (prefixProblem) env.fail('REDIS_KEY_PREFIX', prefixProblem);
  for (const pool of config.pools) {
    if (!isPoolName(pool)) env.fail('POOLS', `pool name ${JSON.stringify(pool)} must be ${POOL_NAME_RULE}`);
  }
  if (config.metricsPort !== 0 && config.metricsPort === config.port)
    env.fail('METRICS_PORT', `must differ from PORT (${config.port}): /metrics is served without auth`);
  config.pods = loadPodsConfig(env, source, config.redisUrl, config.logLevel, config.pools);
  env.done();
  return config;
}
