import type { SecretBinding } from '@base-shift/steps';

/** cpu and memory as Kubernetes quantities ("250m", "128Mi"). */
export interface ResourceList {
  cpu?: string;
  memory?: string;
}

/**
 * One executor pool (a template's `resourceClass`): which image its pods run,
 * how big they are, how many jobs each takes at once and how far it scales.
 */
export interface PoolConfig {
  /** The queue pool it serves; also a Kubernetes label value. */
  name: string;
  image: string;
  imagePullPolicy: 'Always' | 'IfNotPresent' | 'Never';
  resources: { requests: ResourceList; limits: ResourceList };
  minPods: number;
  maxPods: number;
  /** Jobs one pod runs at once: the executor's CONCURRENCY, and the autoscaler's divisor. */
  jobsPerPod: number;
  /** Load must stay below the pods' capacity this long before idle pods are removed. */
  scaleDownDelaySeconds: number;
  /** How long a stopping executor lets running jobs finish (SHUTDOWN_GRACE_SECONDS); pods get a little more. */
  drainSeconds: number;
  /** A pod not Ready for this long (since it started or last was Ready) is replaced. */
  readyDeadlineSeconds: number;
  /** Extra executor environment (e.g. EGRESS_ALLOW); the variables the pod manager sets itself are refused. */
  env: Readonly<Record<string, string>>;
  /** A Secret mounted read-only at SECRETS_DIR (step secrets such as API_KEY); none when undefined. */
  secretName?: string;
  /**
   * The secrets of this pool's executors and the hosts each may be sent to: the executor resolves no other `${NAME}`,
   * and templates sending one elsewhere are refused. Handed to the executors as SECRET_BINDINGS.
   */
  secrets: readonly SecretBinding[];
  nodeSelector: Readonly<Record<string, string>>;
}

/** The seed's pod spec: base-shift/job-executor:v1.0.0, requests 250m/64Mi, limits 500m/128Mi. */
export const POOL_DEFAULTS: Readonly<Omit<PoolConfig, 'name'>> = {
  image: 'base-shift/job-executor:v1.0.0',
  imagePullPolicy: 'IfNotPresent',
  resources: { requests: { cpu: '250m', memory: '64Mi' }, limits: { cpu: '500m', memory: '128Mi' } },
  minPods: 0,
  maxPods: 10,
  jobsPerPod: 10,
  scaleDownDelaySeconds: 60,
  drainSeconds: 30,
  readyDeadlineSeconds: 120,
  env: {},
  secrets: [],
  nodeSelector: {},
};

/** Variables the pod manager sets on every executor; a pool's `env` may not override them. */
export const MANAGED_EXECUTOR_ENV: readonly string[] = [
  'JOB_QUEUE_URL',
  'REDIS_URL',
  'REDIS_KEY_PREFIX',
  'POOLS',
  'CONCURRENCY',
  'EXECUTOR_ID',
  'POD_NAME',
  'METRICS_PORT',
  'SECRETS_DIR',
  'SECRET_BINDINGS',
  'SHUTDOWN_GRACE_SECONDS',
  'LOG_LEVEL',
];
