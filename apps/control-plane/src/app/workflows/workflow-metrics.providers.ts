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
import { WORKFLOW_POOLS } from './workflow-engine.providers';

/** The engine's and the queue's metrics, and the housekeeping loop that feeds the stalled-lease counter. */
export const WORKFLOW_METRICS_PROVIDERS: Provider[] = [
  {
    provide: WorkflowMetrics,
    inject: [METRICS_REGISTRY, WorkflowIndex, ScrapeReads],
    useFactory: (registry: Registry, index: WorkflowIndex, reads: ScrapeReads) => new WorkflowMetrics(registry, index, reads),
  },
  {
    provide: QueueMetrics,
    inject: [METRICS_REGISTRY, JobQueue, WORKFLOW_POOLS, ScrapeReads],
    useFactory: (registry: Registry, queue: JobQueue, pools: string[], reads: ScrapeReads) => new QueueMetrics(registry, queue, pools, reads),
  },
  {
    provide: QueueHousekeeping,
    inject: [REDIS, CONTROL_PLANE_CONFIG, WORKFLOW_POOLS, QueueMetrics],
    useFactory: (redis: RedisConnection, config: ControlPlaneConfig, pools: string[], metrics: QueueMetrics): QueueHousekeeping =>
      new QueueMaintenance(redis, { pools, prefix: config.keyPrefix, onSweep: (reports) => metrics.recordSweep(reports) }),
  },
];
