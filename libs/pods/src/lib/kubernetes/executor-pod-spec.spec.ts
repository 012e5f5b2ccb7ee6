import { parsePoolConfig } from '../pools/parse-pool-config';
import { executorPodName, type ExecutorSettings } from '../driver/executor-settings';
import { buildExecutorPod } from './executor-pod-spec';

const settings: ExecutorSettings = {
  controlPlaneId: 'base-shift',
  queueUrl: 'redis://job-queue:6379',
  keyPrefix: '',
  logLevel: 'info',
  metricsPort: 9464,
  secretsDir: '/var/run/secrets/base-shift',
};

describe('the executor pod spec', () => {
  const [pool] = parsePoolConfig({
    pools: [
      {
        name: 'payments',
        jobsPerPod: 4,
        drainSeconds: 45,
        secretName: 'payment-api',
        secrets: [{ name: 'API_KEY', allowedHosts: ['payment.gateway.com'] }],
        env: { EGRESS_ALLOW: 'payment.gateway.com' },
      },
    ],
  });
  const pod = buildExecutorPod(pool, settings, 'job-executor-payments-abcde', 'base-shift');
  const container = pod.spec?.containers[0];
  const env = Object.fromEntries((container?.env ?? []).map((variable) => [variable.name, variable.value ?? variable.valueFrom]));

  it("carries the seed's labels plus pool and owner, image, requests and limits", () => {
    expect(pod.metadata?.labels).toMatchObject({
      app: 'base-shift',
      component: 'job-executor',
      'base-shift.io/pool': 'payments',
      'base-shift.io/control-plane': 'base-shift',
    });
    expect(container?.image).toBe('base-shift/job-executor:v1.0.0');
    expect(container?.resources).toEqual({ requests: { cpu: '250m', memory: '64Mi' }, limits: { cpu: '500m', memory: '128Mi' } });
    expect(pod.metadata?.annotations).toMatchObject({ 'prometheus.io/scrape': 'true', 'prometheus.io/port': '9464' });
  });

  it('sizes the V8 heap from the memory limit (128Mi: old space 64 MiB, a 2 MiB nursery)', () => {
    expect(env['NODE_OPTIONS']).toBe('--max-semi-space-size=2 --max-old-space-size=64');
  });

  it("sets the executor's environment: queue, log level, pool, concurrency, its own name as executor id", () => {
    expect(env).toMatchObject({
      JOB_QUEUE_URL: 'redis://job-queue:6379',
      LOG_LEVEL: 'info',
      POOLS: 'payments',
      CONCURRENCY: '4',
      EXECUTOR_ID: { fieldRef: { fieldPath: 'metadata.name' } },
      METRICS_PORT: '9464',
      SHUTDOWN_GRACE_SECONDS: '45',
      SECRETS_DIR: '/var/run/secrets/base-shift',
      SECRET_BINDINGS: '[{"name":"API_KEY","allowedHosts":["payment.gateway.com"]}]',
      EGRESS_ALLOW: 'payment.gateway.com',
    });
  });

  it('takes the queue URL from a Secret when one is named', () => {
    const fromSecret = buildExecutorPod(pool, { ...settings, queueUrl: undefined, queueUrlSecret: { name: 'queue', key: 'url' } }, 'x', 'ns');
    expect(fromSecret.spec?.containers[0].env?.[0]).toEqual({ name: 'JOB_QUEUE_URL', valueFrom: { secretKeyRef: { name: 'queue', key: 'url' } } });
  });

  it('mounts the pool secret read-only and gives the drain time to finish before SIGKILL', () => {
    expect(container?.volumeMounts).toContainEqual({ name: 'secrets', mountPath: '/var/run/secrets/base-shift', readOnly: true });
    expect(pod.spec?.volumes).toContainEqual({ name: 'secrets', secret: { secretName: 'payment-api', defaultMode: 0o440 } });
    expect(pod.spec?.terminationGracePeriodSeconds).toBeGreaterThan(45);
  });

  it('runs locked down: non-root, read-only root with /tmp on an emptyDir, no escalation, no capabilities, no API token', () => {
    expect(pod.spec?.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
    expect(container?.securityContext).toMatchObject({
      runAsNonRoot: true,
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    });
    expect(container?.volumeMounts).toContainEqual({ name: 'tmp', mountPath: '/tmp' });
    expect(pod.spec?.automountServiceAccountToken).toBe(false);
  });

  it('names pods as DNS labels that are valid executor ids', () => {
    for (const poolName of ['default', 'Large_Memory.v2', 'a'.repeat(63)]) {
      const name = executorPodName(poolName);
      expect(name).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
      expect(name.length).toBeLessThanOrEqual(63);
    }
    expect(executorPodName('default')).not.toBe(executorPodName('default'));
  });
});
