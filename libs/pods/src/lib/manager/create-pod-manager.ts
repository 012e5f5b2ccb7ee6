import type { KubeConfig } from '@kubernetes/client-node';
import type { Registry } from 'prom-client';
import type { RedisConnection } from '@base-shift/redis';
import type { JobQueue } from '@base-shift/queue';
import { DEFAULT_METRICS_PORT, DEFAULT_SECRETS_DIR, leaderLeaseName, type ExecutorSettings } from '../driver/executor-settings';
import type { PodDriver } from '../driver/pod-driver.port';
import { PodKeys } from '../keys/pod-keys';
import { connectKube, loadKubeConfig } from '../kubernetes/kube-connection';
import { KubernetesPodDriver } from '../kubernetes/kubernetes-pod-driver';
import { KubernetesLeaseElector } from '../leadership/kubernetes-lease-elector';
import type { LeaderElector } from '../leadership/leader-elector.port';
import { RedisLockElector } from '../leadership/redis-lock-elector';
import { QueueLoadReader } from '../load/queue-load-reader';
import { LocalPodDriver } from '../local/local-pod-driver';
import { PodMetrics } from '../metrics/pod-metrics';
import type { PoolConfig } from '../pools/pool-config';
import { JobDurationTracker } from '../templates/job-duration-tracker';
import { TemplateStatsStore } from '../templates/template-stats-store';
import { templateUsage } from '../templates/template-usage';
import { PodManager, type PodManagerOptions } from './pod-manager';
import { PoolStatusStore } from './pool-status';

/** Everything pod management needs, as the control plane's configuration gives it. */
export interface PodManagementConfig {
  driver: 'kubernetes' | 'local';
  /** Owner label of the pods and name of the leader lease; shared by the replicas of one control plane. */
  controlPlaneId: string;
  /** This replica, unique among the replicas (pod name, or host and pid). */
  identity: string;
  pools: readonly PoolConfig[];
  redis: RedisConnection;
  /** The process's JobQueue over the same pools, when it has one (else one is made). */
  queue?: JobQueue;
  keyPrefix: string;
  executor: { queueUrl: string; queueUrlSecret?: { name: string; key: string }; logLevel: string };
  kubernetes?: { kubeconfigPath?: string; kubeConfig?: KubeConfig; namespace?: string; selfPodName?: string };
  local?: { executorMain: string; logDir?: string; secretsDir?: string; baseEnv?: Readonly<Record<string, string | undefined>> };
  leaseDurationSeconds?: number;
  evaluationIntervalMs?: number;
  autoscaler?: PodManagerOptions['autoscaler'];
  /** Registers the pod metrics here when given. */
  registry?: Registry;
}

/** Wires a PodManager: driver, leader elector, queue view, stores, metrics. Nothing runs until start(). */
export function createPodManager(config: PodManagementConfig): PodManager {
  const keys = new PodKeys(config.controlPlaneId, config.keyPrefix);
  const statuses = new PoolStatusStore(config.redis, keys);
  const templates = new TemplateStatsStore(config.redis, keys);
  const poolNames = config.pools.map((pool) => pool.name);
  const queue = new QueueLoadReader(config.redis, { pools: poolNames, prefix: config.keyPrefix, queue: config.queue });
  const metrics = config.registry
    ? new PodMetrics(config.registry, { poolStatuses: () => statuses.read(), templateUsage: async () => templateUsage(await templates.read(), config.pools) })
    : undefined;
  const leaseSeconds = config.leaseDurationSeconds ?? 15;
  const settings: ExecutorSettings = {
    controlPlaneId: config.controlPlaneId,
    queueUrl: config.executor.queueUrl,
    queueUrlSecret: config.executor.queueUrlSecret,
    keyPrefix: config.keyPrefix,
    logLevel: config.executor.logLevel,
    metricsPort: DEFAULT_METRICS_PORT,
    secretsDir: DEFAULT_SECRETS_DIR,
  };

  let driver: PodDriver;
  let elector: LeaderElector;
  if (config.driver === 'kubernetes') {
    const kube = connectKube(
      config.kubernetes?.kubeConfig ?? loadKubeConfig({ kubeconfigPath: config.kubernetes?.kubeconfigPath }),
      config.kubernetes?.namespace,
    );
    driver = new KubernetesPodDriver(kube, {
      settings,
      selfPodName: config.kubernetes?.selfPodName,
      reportingInstance: config.identity,
      orphanAfterMs: Math.max(120_000, leaseSeconds * 4000),
      onRelist: (reason) => metrics?.relisted(reason),
    });
    elector = new KubernetesLeaseElector(kube.coordination, {
      namespace: kube.namespace,
      leaseName: leaderLeaseName(config.controlPlaneId),
      identity: config.identity,
      leaseDurationSeconds: leaseSeconds,
    });
  } else {
    if (!config.local) throw new Error('the local pod driver needs local.executorMain');
    driver = new LocalPodDriver({ settings, ...config.local });
    elector = new RedisLockElector(config.redis, { key: keys.leader, identity: config.identity, leaseDurationMs: leaseSeconds * 1000 });
  }
  const durations = new JobDurationTracker(config.redis, { pools: poolNames, prefix: config.keyPrefix }, queue, templates, metrics);
  return new PodManager(
    { driver, queue, elector, statuses, templates, durations, metrics },
    { controlPlaneId: config.controlPlaneId, pools: config.pools, evaluationIntervalMs: config.evaluationIntervalMs, autoscaler: config.autoscaler },
  );
}
