import { statSync } from 'node:fs';
import { hostname } from 'node:os';
import { EnvReader, LOG_LEVELS, type EnvSource, type LogLevel } from '@base-shift/config';
import { ConnectTo, EgressAllowList } from '@base-shift/executor';
import { isPoolName, POOL_NAME_RULE } from '@base-shift/job-contract';
import { keyPrefixProblem, readRedisUrl } from '@base-shift/redis';
import { parseSecretBindings, SecretBindings } from '@base-shift/steps';

export interface ExecutorConfig {
  /** One node's URL, or the nodes of a Redis Cluster joined by ','. */
  redisUrl: string;
  /** Put in front of every Redis key (queue and workflow); '' in production, unique per test. */
  keyPrefix: string;
  executorId: string;
  pools: string[];
  concurrency: number;
  metricsPort: number;
  logLevel: LogLevel;
  shutdownGraceSeconds: number;
  leaseSeconds: number;
  /** Directory of a mounted Kubernetes Secret (one file per key), or undefined: environment only. */
  secretsDir?: string;
  egressAllow: EgressAllowList;
  egressConnectTo: ConnectTo;
  /** SECRET_BINDINGS: the only secrets `${NAME}` resolves, each with the hosts it may be sent to. */
  secretBindings: SecretBindings;
}

/**
 * JOB_QUEUE_URL is the seed pod spec's name for the queue; REDIS_URL is accepted
 * as an alias so one .env serves both apps. Setting both to different values is
 * refused: which one wins would be a guess.
 */
export function loadExecutorConfig(source: EnvSource = process.env): ExecutorConfig {
  const env = new EnvReader(source);
  const queueUrl = env.optionalString('JOB_QUEUE_URL');
  const redisUrl = env.optionalString('REDIS_URL');
  if (queueUrl && redisUrl && queueUrl !== redisUrl) {
    env.fail('JOB_QUEUE_URL', 'differs from REDIS_URL; set one of them (they are aliases)');
  }
  const urlVariable = queueUrl ? 'JOB_QUEUE_URL' : redisUrl ? 'REDIS_URL' : 'JOB_QUEUE_URL';
  const config: ExecutorConfig = {
    redisUrl: readRedisUrl(env, urlVariable),
    keyPrefix: env.string('REDIS_KEY_PREFIX', ''),
    executorId: env.string('EXECUTOR_ID', source['POD_NAME'] ?? hostname()),
    pools: env.list('POOLS', ['default']),
    concurrency: env.int('CONCURRENCY', { default: 10, min: 1, max: 1000 }),
    metricsPort: env.int('METRICS_PORT', { default: 9464, min: 0, max: 65535 }), // 0 picks a free port (tests)
    logLevel: env.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    shutdownGraceSeconds: env.int('SHUTDOWN_GRACE_SECONDS', { default: 30, min: 0, max: 3600 }),
    leaseSeconds: env.int('LEASE_SECONDS', { default: 30, min: 1, max: 3600 }),
    secretsDir: env.optionalString('SECRETS_DIR'),
    egressAllow: EgressAllowList.EMPTY,
    egressConnectTo: ConnectTo.NONE,
    secretBindings: SecretBindings.NONE,
  };
  for (const pool of config.pools) {
    if (!isPoolName(pool)) env.fail('POOLS', `pool name ${JSON.stringify(pool)} must be ${POOL_NAME_RULE}`);
  }
  const prefixProblem = keyPrefixProblem(config.keyPrefix);
  if (prefixProblem) env.fail('REDIS_KEY_PREFIX', prefixProblem);
  if (!/^[A-Za-z0-9_.:@/-]{1,200}$/.test(config.executorId)) {
    env.fail('EXECUTOR_ID', `must match [A-Za-z0-9_.:@/-]{1,200}, got ${JSON.stringify(config.executorId)}`);
  }
  if (config.secretsDir !== undefined && !isDirectory(config.secretsDir)) {
    env.fail('SECRETS_DIR', `${JSON.stringify(config.secretsDir)} is not a readable directory`);
  }
  const egress = EgressAllowList.parse(env.list('EGRESS_ALLOW'));
  for (const problem of egress.problems) env.fail('EGRESS_ALLOW', problem);
  config.egressAllow = egress.allowList;
  const connectTo = ConnectTo.parse(env.list('EGRESS_CONNECT_TO'));
  for (const problem of connectTo.problems) env.fail('EGRESS_CONNECT_TO', problem);
  config.egressConnectTo = connectTo.connectTo;
  config.secretBindings = readSecretBindings(env, env.optionalString('SECRET_BINDINGS'));
  env.done();
  return config;
}

/**
 * SECRET_BINDINGS (set by the pod manager from the pool's `secrets`): JSON
 * `[{"name":"PAYMENT_API_KEY","allowedHosts":["payments.example.com"]}]`.
 * Unset or empty: the pool binds no secrets, and no `${NAME}` resolves.
 */
function readSecretBindings(env: EnvReader, text: string | undefined): SecretBindings {
  if (text === undefined) return SecretBindings.NONE;
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    env.fail('SECRET_BINDINGS', `is not valid JSON (${(error as Error).message}); expected [{"name":"API_KEY","allowedHosts":["api.example.com"]}]`);
    return SecretBindings.NONE;
  }
  const { bindings, problems } = parseSecretBindings(document, '');
  for (const problem of problems) env.fail('SECRET_BINDINGS', `${problem.pointer}: ${problem.message}`);
  return problems.length > 0 ? SecretBindings.NONE : new SecretBindings(bindings);
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
