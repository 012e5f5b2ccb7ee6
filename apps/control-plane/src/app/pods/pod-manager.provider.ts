import type { Provider } from '@nestjs/common';
import type { Registry } from 'prom-client';
import { createPodManager, DEFAULT_CONTROL_PLANE_ID, PodKeys, POOL_DEFAULTS, TemplateStatsStore, type PodManager, type PoolConfig } from '@base-shift/pods';
import { JobQueue } from '@base-shift/queue';
import type { RedisConnection } from '@base-shift/redis';
import { CONTROL_PLANE_CONFIG, type ControlPlaneConfig } from '../config/control-plane-config';
import { REDIS } from '../infrastructure/redis.module';
import { METRICS_REGISTRY } from '../metrics/metrics-registry.token';

/** The PodManager, or null when pod management is off (POD_DRIVER=none, or a config without `pods`). */
export const POD_MANAGER = Symbol('POD_MANAGER');
/** The pools GET /pools describes: the pod manager's, or the queue pools with default sizes. */
export const POOL_CONFIGS = Symbol('POOL_CONFIGS');

export const POD_PROVIDERS: Provider[] = [
  {
    provide: POD_MANAGER,
    inject: [CONTROL_PLANE_CONFIG, REDIS, JobQueue, METRICS_REGISTRY],
    useFactory: (config: ControlPlaneConfig, redis: RedisConnection, queue: JobQueue, registry: Registry): PodManager | null => {
      const pods = config.pods;
      if (!pods) return null;
      return createPodManager({
        driver: pods.driver,
        controlPlaneId: pods.controlPlaneId,
        identity: pods.identity,
        pools: pods.pools,
        redis,
        queue,
        keyPrefix: config.keyPrefix,
        executor: { queueUrl: pods.executorQueueUrl, queueUrlSecret: pods.executorQueueUrlSecret, logLevel: pods.executorLogLevel },
        kubernetes: { kubeconfigPath: pods.kubeconfigPath, namespace: pods.namespace, selfPodName: pods.podName },
        local: pods.local,
        leaseDurationSeconds: pods.leaseDurationSeconds,
        evaluationIntervalMs: pods.evaluationIntervalMs,
        autoscaler: { createBurst: pods.createBurst, createPerSecond: pods.createPerSecond },
        registry,
      });
    },
  },
  {
    provide: POOL_CONFIGS,
    inject: [CONTROL_PLANE_CONFIG],
    // Without pod management the queue pools are only described (default sizes), never validated as pod labels.
    useFactory: (config: ControlPlaneConfig): PoolConfig[] => config.pods?.pools ?? config.pools.map((name) => ({ ...POOL_DEFAULTS, name })),
  },
  {
    provide: TemplateStatsStore,
    inject: [CONTROL_PLANE_CONFIG, REDIS],
    useFactory: (config: ControlPlaneConfig, redis: RedisConnection) =>
      new TemplateStatsStore(redis, new PodKeys(config.pods?.controlPlaneId ?? DEFAULT_CONTROL_PLANE_ID, config.keyPrefix)),
  },
];
