import { hostname } from 'node:os';
import path from 'node:path';
import { LOG_LEVELS, type EnvReader, type EnvSource } from '@base-shift/config';
import { isPoolName } from '@base-shift/job-contract';
import {
  CONTROL_PLANE_ID,
  DEFAULT_CONTROL_PLANE_ID,
  defaultPools,
  loadPoolConfigFile,
  PoolConfigError,
  runningInCluster,
  type PoolConfig,
} from '@base-shift/pods';
import { readRedisUrl, redisUrlHasPassword } from '@base-shift/redis';
import { SecretBindings, type SecretBinding } from '@base-shift/steps';

/** Pod management settings (executor pods, autoscaling, leadership). */
export interface PodsConfig {
  driver: 'kubernetes' | 'local';
  /** Owner label of the executor pods and name of the leader lease; shared by this control plane's replicas. */
  controlPlaneId: string;
  /** This replica, unique among them. */
  identity: string;
  pools: PoolConfig[];
  kubeconfigPath?: string;
  /** Namespace of the executor pods; default: the control plane's own. */
  namespace?: string;
  /** This replica's pod (events about the control plane name it). */
  podName?: string;
  executorQueueUrl: string;
  executorQueueUrlSecret?: { name: string; key: string };
  executorLogLevel: string;
  leaseDurationSeconds: number;
  evaluationIntervalMs: number;
  createBurst: number;
  createPerSecond: number;
  local: { executorMain: string; logDir?: string; secretsDir?: string };
}

const DRIVERS = ['kubernetes', 'local', 'none'] as const;

/**
 * POD_DRIVER (kubernetes | local | none; default kubernetes in a cluster or with
 * KUBECONFIG set, else local), POOLS_CONFIG (YAML/JSON pool file) or POOLS with
 * EXECUTOR_IMAGE, and the rest below. Returns undefined for POD_DRIVER=none.
 * `pools` is the control plane's POOLS; with a pool file they must agree.
 */
export function loadPodsConfig(env: EnvReader, source: EnvSource, redisUrl: string, logLevel: string, pools: string[]): PodsConfig | undefined {
  const kubeconfigPath = env.optionalString('KUBECONFIG');
  const fallbackDriver = runningInCluster() || kubeconfigPath ? 'kubernetes' : 'local';
  const driver = env.oneOf('POD_DRIVER', DRIVERS, fallbackDriver);
  if (driver === 'none') return undefined;

  const podName = env.optionalString('POD_NAME');
  const controlPlaneId = env.string('CONTROL_PLANE_ID', DEFAULT_CONTROL_PLANE_ID);
  if (!CONTROL_PLANE_ID.test(controlPlaneId))
    env.fail(
      'CONTROL_PLANE_ID',
      `must be 1-48 lower-case letters, digits or '-', starting and ending with a letter or digit, got ${JSON.stringify(controlPlaneId)}`,
    );
  const secretRef = env.optionalString('EXECUTOR_QUEUE_URL_SECRET');
  const config: PodsConfig = {
    driver,
    controlPlaneId,
    identity: `${podName ?? hostname()}_${process.pid}`,
    pools: readPools(env, source, pools),
    kubeconfigPath,
    namespace: env.optionalString('POD_NAMESPACE'),
    podName,
    // REDIS_URL was checked already; only an explicit EXECUTOR_QUEUE_URL needs checking here.
    executorQueueUrl: env.optionalString('EXECUTOR_QUEUE_URL') === undefined ? redisUrl : readRedisUrl(env, 'EXECUTOR_QUEUE_URL'),
    executorLogLevel: env.oneOf('EXECUTOR_LOG_LEVEL', LOG_LEVELS, logLevel as (typeof LOG_LEVELS)[number]),
    leaseDurationSeconds: env.int('LEADER_LEASE_SECONDS', { default: 15, min: 2, max: 300 }),
    evaluationIntervalMs: env.int('AUTOSCALER_INTERVAL_MS', { default: 2000, min: 100, max: 600_000 }),
    createBurst: env.int('POD_CREATE_BURST', { default: 20, min: 1, max: 1000 }),
    createPerSecond: env.int('POD_CREATE_PER_SECOND', { default: 5, min: 1, max: 1000 }),
    local: {
      executorMain: path.resolve(env.string('LOCAL_EXECUTOR_MAIN', 'dist/apps/job-executor/main.js')),
      logDir: env.optionalString('LOCAL_EXECUTOR_LOG_DIR'),
      secretsDir: env.optionalString('LOCAL_SECRETS_DIR'),
    },
  };
  if (secretRef !== undefined) {
    const match = /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?)\/([-._a-zA-Z0-9]+)$/.exec(secretRef);
    if (!match) env.fail('EXECUTOR_QUEUE_URL_SECRET', `must be <secret name>/<key>, got ${JSON.stringify(secretRef)}`);
    else config.executorQueueUrlSecret = { name: match[1], key: match[3] };
  }
  // A password in a pod spec is readable by anyone who may read pods: it belongs in a Secret.
  if (driver === 'kubernetes' && secretRef === undefined && redisUrlHasPassword(config.executorQueueUrl)) {
    env.fail('EXECUTOR_QUEUE_URL_SECRET', "is required when the executors' queue URL has a password (set it to <secret>/<key> of a Secret holding the URL)");
  }
  return config;
}

/**
 * Each pool's secret bindings, for the template store to refuse a template
 * that would send a secret elsewhere: `secretBindings` if given, else those of
 * the managed pools (pools from POOLS alone bind none). Undefined without
 * either (POD_DRIVER=none): the control plane does not know the executors'
 * bindings, and only they check.
 */
export function poolSecretBindings(config: {
  pods?: PodsConfig;
  secretBindings?: Readonly<Record<string, readonly SecretBinding[]>>;
}): ((pool: string) => SecretBindings | undefined) | undefined {
  const entries = config.secretBindings
    ? Object.entries(config.secretBindings)
    : config.pods?.pools.map((pool): [string, readonly SecretBinding[]] => [pool.name, pool.secrets]);
  if (!entries) return undefined;
  const byPool = new Map(entries.map(([pool, bindings]) => [pool, new SecretBindings(bindings)]));
  return (pool) => byPool.get(pool);
}

function readPools(env: EnvReader, source: EnvSource, pools: string[]): PoolConfig[] {
  const file = env.optionalString('POOLS_CONFIG');
  try {
    if (!file) {
      const image = env.optionalString('EXECUTOR_IMAGE');
      // Names that break the pool-name rule were reported already (loadControlPlaneConfig, POOLS).
      const names = pools.filter(isPoolName);
      return names.length === 0 ? [] : defaultPools(names, image ? { image } : {});
    }
    const configured = loadPoolConfigFile(file);
    const names = configured.map((pool) => pool.name);
    if (source['POOLS'] !== undefined && [...names].sort().join(',') !== [...pools].sort().join(',')) {
      env.fail('POOLS', `lists ${pools.join(', ')} but POOLS_CONFIG configures ${names.join(', ')}; set one of them or make them agree`);
    }
    // The workflows engine serves the pools the file configures.
    pools.splice(0, pools.length, ...names);
    return configured;
  } catch (error) {
    if (!(error instanceof PoolConfigError)) throw error;
    for (const problem of error.problems) env.fail(file ? 'POOLS_CONFIG' : 'POOLS', problem);
    return [];
  }
}
