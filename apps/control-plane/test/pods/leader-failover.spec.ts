import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CoordinationV1Api, CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { JobQueue } from '@base-shift/queue';
import { createRedisConnection, deleteKeysWithPrefix, type RedisConnection } from '@base-shift/redis';
import { eventually, freePort, isolatedMongoUrl, requireTestEnv, startBuiltApp, uniqueName, type AppProcess } from '@base-shift/testing';
import { TestAdminKey } from '../support/test-auth';

const LEASE = 'failover-leader';

// Polls every 100 ms: these waits span process starts and lease expiries.
const until = <T>(probe: () => Promise<T | undefined | false>, what: string, attempts = 300): Promise<T> => eventually(probe, what, { attempts, everyMs: 100 });

/**
 * Two built control planes (dist/apps/control-plane, as the Deployment runs
 * them) with the kubernetes driver on the test API server: one leads and
 * scales; it is killed (SIGKILL, no goodbye); the other takes the Lease over
 * and carries on scaling.
 */
describe('control-plane leader failover (kubernetes driver, real processes)', () => {
  const prefix = `bs-test:${uniqueName('failover')}:`;
  const namespace = uniqueName('failover').toLowerCase();
  const kubeConfig = new KubeConfig();
  let core: CoreV1Api;
  let coordination: CoordinationV1Api;
  let redis: RedisConnection;
  let work: string;
  const admin = new TestAdminKey();
  const apps = new Map<string, AppProcess>();
  const urls = new Map<string, string>();

  beforeAll(async () => {
    kubeConfig.loadFromFile(requireTestEnv('KUBECONFIG'));
    core = kubeConfig.makeApiClient(CoreV1Api);
    coordination = kubeConfig.makeApiClient(CoordinationV1Api);
    await core.createNamespace({ body: { metadata: { name: namespace } } });
    redis = createRedisConnection(requireTestEnv('REDIS_URL'));
    work = mkdtempSync(path.join(tmpdir(), 'failover-'));
    const pools = path.join(work, 'pools.yaml');
    writeFileSync(pools, 'pools:\n  - name: default\n    maxPods: 3\n    jobsPerPod: 1\n    readyDeadlineSeconds: 3600\n');
    const mongoUrl = isolatedMongoUrl('failover');
    for (const name of ['cp-a', 'cp-b']) {
      const port = await freePort();
      const app = startBuiltApp('control-plane', {
        PORT: String(port),
        REDIS_URL: requireTestEnv('REDIS_URL'),
        MONGO_URL: mongoUrl,
        REDIS_KEY_PREFIX: prefix,
        LOG_LEVEL: 'warn',
        POD_DRIVER: 'kubernetes',
        KUBECONFIG: requireTestEnv('KUBECONFIG'),
        POD_NAMESPACE: namespace,
        POD_NAME: name,
        CONTROL_PLANE_ID: 'failover',
        POOLS_CONFIG: pools,
        LEADER_LEASE_SECONDS: '3',
        AUTOSCALER_INTERVAL_MS: '200',
        METRICS_PORT: '0',
        ...admin.env(),
      });
      apps.set(name, app);
      urls.set(name, `http://127.0.0.1:${port}`);
      await app.waitForHttp(`http://127.0.0.1:${port}/healthz`);
    }
  }, 60_000);

  afterAll(async () => {
    await Promise.all([...apps.values()].map((app) => app.stop('SIGTERM')));
    await core.deleteCollectionNamespacedPod({ namespace, gracePeriodSeconds: 0 }).catch(() => undefined);
    await coordination.deleteCollectionNamespacedLease({ namespace }).catch(() => undefined);
    await core.deleteCollectionNamespacedEvent({ namespace }).catch(() => undefined);
    await core.deleteNamespace({ name: namespace }).catch(() => undefined);
    const left = await core.readNamespace({ name: namespace }).catch(() => undefined);
    if (left) await core.replaceNamespaceFinalize({ name: namespace, body: { ...left, spec: { finalizers: [] } } }).catch(() => undefined);
    await deleteKeysWithPrefix(redis, prefix);
    await redis.quit();
    rmSync(work, { recursive: true, force: true });
    admin.remove();
  });

  async function holder(): Promise<string | undefined> {
    const lease = await coordination.readNamespacedLease({ name: LEASE, namespace });
    return lease.spec?.holderIdentity;
  }

  async function executorPods(): Promise<number> {
    return (await core.listNamespacedPod({ namespace, labelSelector: 'component=job-executor,base-shift.io/control-plane=failover' })).items.filter(
      (pod) => !pod.metadata?.deletionTimestamp,
    ).length;
  }

  it('the follower takes over within the lease duration and keeps scaling', async () => {
    const first = await until(() => holder(), 'a leader');
    const leaderName = first.split('_')[0];
    const followerName = leaderName === 'cp-a' ? 'cp-b' : 'cp-a';
    expect(['cp-a', 'cp-b']).toContain(leaderName);

    const queue = new JobQueue(redis, { pools: ['default'], prefix });
    await queue.enqueue('default', { payload: { n: 1 } });
    await until(async () => (await executorPods()) === 1, 'the leader creating a pod');

    const leader = apps.get(leaderName) as AppProcess;
    leader.child.kill('SIGKILL');
    await leader.exited;
    await queue.enqueue('default', { payload: { n: 2 } });

    // 3 s lease: the follower must hold it after at most one lease duration plus its retry period.
    const next = await eventually(
      async () => {
        const current = await holder();
        return current?.startsWith(`${followerName}_`) ? current : undefined;
      },
      'the follower taking the lease over',
      { attempts: 100, everyMs: 100 },
    );
    expect(next).not.toBe(first);
    await until(async () => (await executorPods()) === 2, 'the new leader scaling for the second job');
    const lease = await coordination.readNamespacedLease({ name: LEASE, namespace });
    expect(lease.spec?.leaseTransitions).toBeGreaterThanOrEqual(1);
    const pools = (await (await fetch(`${urls.get(followerName)}/pools`, { headers: admin.headers })).json()) as {
      driver: string;
      pools: Array<{ pods: { desired: number; leader: string } }>;
    };
    expect(pools).toMatchObject({ driver: 'kubernetes', pools: [{ pods: { desired: 2, leader: next } }] });
    // With the kubernetes driver, readiness includes the API server.
    const ready = (await (await fetch(`${urls.get(followerName)}/readyz`)).json()) as { checks: Record<string, { status: string }> };
    expect(ready.checks).toMatchObject({ redis: { status: 'up' }, mongodb: { status: 'up' }, kubernetes: { status: 'up' } });

    // A graceful stop hands the lease back at once.
    await (apps.get(followerName) as AppProcess).stop('SIGTERM');
    expect(await holder()).toBeFalsy();
  });
});
