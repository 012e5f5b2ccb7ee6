import { randomBytes } from 'node:crypto';

/** What every executor pod of this control plane gets, whatever its pool. */
export interface ExecutorSettings {
  /** Owner label value of the pods; also names the leader Lease. */
  controlPlaneId: string;
  /** The queue (Redis) URL executors use, as JOB_QUEUE_URL. */
  queueUrl?: string;
  /**
   * Or the Secret key that holds it (kubernetes driver): a URL with a password
   * must not sit in a pod spec that anyone allowed to read pods can read.
   */
  queueUrlSecret?: { name: string; key: string };
  /** REDIS_KEY_PREFIX of the executors ('' in production). */
  keyPrefix: string;
  logLevel: string;
  /** Port of the executor's /healthz and /metrics (kubernetes driver; the local driver picks free ports). */
  metricsPort: number;
  /** Where a pool's Secret is mounted (SECRETS_DIR). */
  secretsDir: string;
}

export const DEFAULT_METRICS_PORT = 9464;
export const DEFAULT_SECRETS_DIR = '/var/run/secrets/base-shift';

/** A control plane id: a DNS label, usable as a label value and inside object names. */
/** Owner label of the executor pods and name of the leader Lease when CONTROL_PLANE_ID is not set. */
export const DEFAULT_CONTROL_PLANE_ID = 'base-shift';

export const CONTROL_PLANE_ID = /^[a-z0-9]([-a-z0-9]{0,46}[a-z0-9])?$/;

/** Pod labels, shared by both drivers (the local one reports them on its fake pods). */
export const LABELS = {
  app: 'app',
  component: 'component',
  pool: 'base-shift.io/pool',
  controlPlane: 'base-shift.io/control-plane',
} as const;

/** Selects every executor pod of every control plane: orphans are found among them. */
export const EXECUTOR_SELECTOR = `${LABELS.app}=base-shift,${LABELS.component}=job-executor`;

const SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/**
 * `job-executor-<pool>-<5 random>`: a DNS label (pods' hostnames are cut at 63)
 * and a valid executor id. The pool part is lower-cased and shortened as needed.
 */
export function executorPodName(pool: string): string {
  const bytes = randomBytes(5);
  const suffix = [...bytes].map((b) => SUFFIX_ALPHABET[b % SUFFIX_ALPHABET.length]).join('');
  const poolPart = pool
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '-')
    .slice(0, 63 - 'job-executor--'.length - suffix.length)
    .replace(/^-+|-+$/g, '');
  return `job-executor-${poolPart || 'pool'}-${suffix}`;
}

/** Name of the coordination.k8s.io Lease that the leader of a control plane holds. */
export function leaderLeaseName(controlPlaneId: string): string {
  return `${controlPlaneId}-leader`;
}
