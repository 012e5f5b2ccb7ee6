import type { Provider } from '@nestjs/common';
import type { Registry } from 'prom-client';
import { JobQueue, QueueMaintenance } from '@base-shift/queue';
import { type RedisConnection } from '@base-shift/redis';
import { WorkflowIndex } from '@base-shift/workflow';
import { CONTROL_PLANE_CONFIG, type ControlPlaneConfig } from '../config/control-plane-config';
import { REDIS } from '../infrastructure/redis.module';
import { METRICS_REGISTRY } from '../metrics/metrics-registry.token';
import { QueueMetrics } from '../metrics/queue-metrics';
import { ScrapeReads } from '../metrics/scrape-reads';
import { WorkflowMetrics } from '../metrics/workflow-metrics';
import { QueueHousekeeping } from './queue-housekeeping';

/** The engine's and the queue's metrics, and the housekeeping loop that feeds the stalled-lease counter. */
export const WORKFLOW_METRICS_PROVIDERS: Provider[] = [
  {
    provide: WorkflowMetrics,
    inject: [METRICS_REGISTRY, WorkflowIndex, ScrapeReads],
    useFactory: (registry: Registry, index: WorkflowIndex, reads: ScrapeReads) => new WorkflowMetrics(registry, index, reads),
  },
  {
    provide: QueueMetrics,
    inject: [METRICS_REGISTRY, JobQueue, ScrapeReads],
    useFactory: (registry: Registry, queue: JobQueue, reads: ScrapeReads) => new QueueMetrics(registry, queue, queue.pools, reads),
  },
  {
    provide: QueueHousekeeping,
    inject: [REDIS, CONTROL_PLANE_CONFIG, QueueMetrics],
    useFactory: (redis: RedisConnection, config: ControlPlaneConfig, metrics: QueueMetrics): QueueHousekeeping =>
      new QueueMaintenance(redis, { pools: config.pools, prefix: config.keyPrefix, onSweep: (reports) => metrics.recordSweep(reports) }),
  },
];
