import { Registry } from 'prom-client';
import { JobLeases, JobQueue, type LeasedJob, type NewJob } from '@base-shift/queue';
import { isolatedRedis, type IsolatedRedis } from '@base-shift/testing';
import { leaderLeaseName, type ExecutorSettings } from '../lib/driver/executor-settings';
import { PodKeys } from '../lib/keys/pod-keys';
import { connectKube } from '../lib/kubernetes/kube-connection';
import { KubernetesPodDriver } from '../lib/kubernetes/kubernetes-pod-driver';
import { KubernetesLeaseElector } from '../lib/leadership/kubernetes-lease-elector';
import { QueueLoadReader } from '../lib/load/queue-load-reader';
import { PodManager, type PodManagerOptions } from '../lib/manager/pod-manager';
import { PoolStatusStore } from '../lib/manager/pool-status';
import { PodMetrics } from '../lib/metrics/pod-metrics';
import { parsePoolConfig } from '../lib/pools/parse-pool-config';
import type { PoolConfig } from '../lib/pools/pool-config';
import { TemplateStatsStore } from '../lib/templates/template-stats-store';
import { KubeTestNamespace } from './kube-test-namespace';

/** A test clock: evaluations and leases read it, tests move it. */
export class FakeClock {
  constructor(public now = Date.now()) {}
  readonly read = (): number => this.now;
  advance(ms: number): void {
    this.now += ms;
  }
}

/**
 * A PodManager on the real API server (own namespace) and the real Redis (own
 * key prefix), with a fake clock: tests drive evaluations one by one.
 */
export class KubeHarness {
  readonly clock = new FakeClock();
  readonly registry = new Registry();
  manager!: PodManager;
  driver!: KubernetesPodDriver;
  queue!: JobQueue;
  leases!: JobLeases;
  templates!: TemplateStatsStore;
  pools!: PoolConfig[];

  private constructor(
    readonly kube: KubeTestNamespace,
    readonly redis: IsolatedRedis,
    readonly controlPlaneId: string,
  ) {}

  static async start(label: string, poolDocument: unknown, options: Partial<PodManagerOptions> = {}): Promise<KubeHarness> {
    const kube = await KubeTestNamespace.create(label);
    const harness = new KubeHarness(kube, isolatedRedis(label), 'test-cp');
    harness.build(poolDocument, options);
    await harness.driver.start();
    if (!(await harness.manager.leadership.tick())) throw new Error('the harness did not become leader');
    return harness;
  }

  private build(poolDocument: unknown, options: Partial<PodManagerOptions>): void {
    const { redis, prefix } = this.redis;
    this.pools = parsePoolConfig(poolDocument);
    const names = this.pools.map((pool) => pool.name);
    const keys = new PodKeys(this.controlPlaneId, prefix);
    const statuses = new PoolStatusStore(redis, keys);
    this.templates = new TemplateStatsStore(redis, keys);
    const settings: ExecutorSettings = {
      controlPlaneId: this.controlPlaneId,
      queueUrl: 'redis://job-queue:6379',
      keyPrefix: prefix,
      logLevel: 'info',
      metricsPort: 9464,
      secretsDir: '/var/run/secrets/base-shift',
    };
    const metrics = new PodMetrics(this.registry, { poolStatuses: () => statuses.read(), templateUsage: async () => [] });
    const kube = connectKube(this.kube.kubeConfig, this.kube.namespace);
    this.driver = new KubernetesPodDriver(kube, { settings, reportingInstance: 'test', onRelist: (reason) => metrics.relisted(reason) });
    const elector = new KubernetesLeaseElector(kube.coordination, {
      namespace: this.kube.namespace,
      leaseName: leaderLeaseName(this.controlPlaneId),
      identity: 'harness',
      leaseDurationSeconds: 15,
      clock: this.clock.read,
    });
    const queueView = new QueueLoadReader(redis, { pools: names, prefix });
    this.manager = new PodManager(
      { driver: this.driver, queue: queueView, elector, statuses, templates: this.templates, metrics },
      { controlPlaneId: this.controlPlaneId, pools: this.pools, clock: this.clock.read, ...options },
    );
    this.queue = new JobQueue(redis, { pools: names, prefix });
    this.leases = new JobLeases(redis, { pools: names, prefix });
  }

  /** Our executor pods as the driver's cache has them. */
  ours(pool?: string) {
    return this.driver.list().filter((pod) => pod.controlPlaneId === this.controlPlaneId && (pool === undefined || pod.pool === pool) && !pod.deleting);
  }

  async enqueue(pool: string, count: number, templateId = 'order_validation'): Promise<void> {
    const jobs: NewJob[] = Array.from({ length: count }, (_, i) => ({
      payload: { workflowId: `wf-${i}`, jobId: 'job', templateId, version: '1.0.0', input: {} },
    }));
    await this.queue.enqueueMany(pool, jobs);
  }

  /** Plays executor `podName`: leases up to `count` jobs under its id. */
  lease(pool: string, podName: string, count: number): Promise<LeasedJob[]> {
    return this.leases.lease([pool], podName, { count, leaseMs: 600_000 });
  }

  async complete(jobs: readonly LeasedJob[]): Promise<void> {
    for (const job of jobs) await this.leases.complete(job.pool, job.id, job.attempt);
  }

  async metric(name: string): Promise<string> {
    return (await this.registry.getSingleMetricAsString(name)) ?? '';
  }

  async stop(): Promise<void> {
    await this.manager.stop();
    await this.driver.stop();
    await this.leases.close();
    await this.kube.delete();
    await this.redis.cleanup();
  }
}
