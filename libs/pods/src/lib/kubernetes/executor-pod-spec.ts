import type { V1EnvVar, V1Pod, V1Volume, V1VolumeMount } from '@kubernetes/client-node';
import { LABELS, type ExecutorSettings } from '../driver/executor-settings';
import type { PoolConfig } from '../pools/pool-config';
import { executorNodeOptions } from './executor-node-options';

/** The executor image's user (docker/job-executor.Dockerfile: USER 1000:1000). */
const EXECUTOR_UID = 1000;
/** Seconds past the executor's own drain grace before the kubelet sends SIGKILL: time to release unfinished jobs. */
const TERMINATION_MARGIN_SECONDS = 10;

/**
 * The seed's executor pod, completed: labels (app, component, pool, owner),
 * image, requests/limits, JOB_QUEUE_URL / LOG_LEVEL / POOLS and the rest of the
 * executor's variables, NODE_OPTIONS with V8 heap limits derived from the
 * memory limit, the pool's Secret at SECRETS_DIR, a termination grace
 * longer than the executor's drain, and a locked-down security context (non-root,
 * read-only root filesystem with an emptyDir at /tmp, no privilege escalation,
 * every capability dropped, no API token).
 */
export function buildExecutorPod(pool: PoolConfig, settings: ExecutorSettings, name: string, namespace: string): V1Pod {
  const port = settings.metricsPort;
  const volumes: V1Volume[] = [{ name: 'tmp', emptyDir: { sizeLimit: '64Mi' } }];
  const mounts: V1VolumeMount[] = [{ name: 'tmp', mountPath: '/tmp' }];
  if (pool.secretName) {
    volumes.push({ name: 'secrets', secret: { secretName: pool.secretName, defaultMode: 0o440 } });
    mounts.push({ name: 'secrets', mountPath: settings.secretsDir, readOnly: true });
  }
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace,
      labels: {
        [LABELS.app]: 'base-shift',
        [LABELS.component]: 'job-executor',
        [LABELS.pool]: pool.name,
        [LABELS.controlPlane]: settings.controlPlaneId,
        'app.kubernetes.io/name': 'job-executor',
        'app.kubernetes.io/part-of': 'base-shift',
      },
      annotations: {
        'prometheus.io/scrape': 'true',
        'prometheus.io/port': String(port),
        'prometheus.io/path': '/metrics',
      },
    },
    spec: {
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: pool.drainSeconds + TERMINATION_MARGIN_SECONDS,
      automountServiceAccountToken: false,
      enableServiceLinks: false,
      securityContext: {
        runAsNonRoot: true,
        runAsUser: EXECUTOR_UID,
        runAsGroup: EXECUTOR_UID,
        fsGroup: EXECUTOR_UID,
        seccompProfile: { type: 'RuntimeDefault' },
      },
      ...(Object.keys(pool.nodeSelector).length > 0 && { nodeSelector: { ...pool.nodeSelector } }),
      containers: [
        {
          name: 'job-executor',
          image: pool.image,
          imagePullPolicy: pool.imagePullPolicy,
          ports: [{ name: 'metrics', containerPort: port, protocol: 'TCP' }],
          resources: { requests: { ...pool.resources.requests }, limits: { ...pool.resources.limits } },
          env: executorEnv(pool, settings),
          readinessProbe: { httpGet: { path: '/healthz', port: 'metrics' }, periodSeconds: 5, failureThreshold: 2 },
          // Liveness only asks whether the process serves at all: a Redis outage must not restart every executor.
          livenessProbe: { tcpSocket: { port: 'metrics' }, periodSeconds: 10, failureThreshold: 3 },
          securityContext: {
            runAsNonRoot: true,
            runAsUser: EXECUTOR_UID,
            allowPrivilegeEscalation: false,
            readOnlyRootFilesystem: true,
            privileged: false,
            capabilities: { drop: ['ALL'] },
          },
          volumeMounts: mounts,
        },
      ],
      volumes,
    },
  };
}

function executorEnv(pool: PoolConfig, settings: ExecutorSettings): V1EnvVar[] {
  const queueUrl: V1EnvVar = settings.queueUrlSecret
    ? { name: 'JOB_QUEUE_URL', valueFrom: { secretKeyRef: { name: settings.queueUrlSecret.name, key: settings.queueUrlSecret.key } } }
    : { name: 'JOB_QUEUE_URL', value: settings.queueUrl ?? '' };
  const env: V1EnvVar[] = [
    queueUrl,
    { name: 'LOG_LEVEL', value: settings.logLevel },
    { name: 'POOLS', value: pool.name },
    { name: 'CONCURRENCY', value: String(pool.jobsPerPod) },
    // The pod name is the executor id: the health monitor re-queues a dead pod's leases by it.
    { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
    { name: 'EXECUTOR_ID', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
    { name: 'METRICS_PORT', value: String(settings.metricsPort) },
    { name: 'SHUTDOWN_GRACE_SECONDS', value: String(pool.drainSeconds) },
  ];
  // V8 heap limits from the pod's memory limit (see executorNodeOptions); a pool's own NODE_OPTIONS replaces them.
  if (pool.env['NODE_OPTIONS'] === undefined) env.push({ name: 'NODE_OPTIONS', value: executorNodeOptions(pool.resources.limits.memory) });
  if (settings.keyPrefix) env.push({ name: 'REDIS_KEY_PREFIX', value: settings.keyPrefix });
  if (pool.secretName) env.push({ name: 'SECRETS_DIR', value: settings.secretsDir });
  env.push({ name: 'SECRET_BINDINGS', value: JSON.stringify(pool.secrets) });
  for (const [name, value] of Object.entries(pool.env)) env.push({ name, value });
  return env;
}
