import { hostname } from 'node:os';
import type { Provider } from '@nestjs/common';
import { JobQueue } from '@base-shift/queue';
import type { RedisConnection } from '@base-shift/redis';
import { TemplateService } from '@base-shift/templates';
import {
  CachedTemplateResolver,
  DEFAULT_RETENTION_SECONDS,
  DEFAULT_TEMPLATE_CACHE_SIZE,
  QueueAdapter,
  RetentionBackfill,
  TemplateGeneration,
  TemplateServiceResolver,
  WorkflowEngine,
  WorkflowEvents,
  WorkflowIndex,
  WorkflowKeys,
  WorkflowStore,
  WorkflowTimers,
} from '@base-shift/workflow';
import { CONTROL_PLANE_CONFIG, type ControlPlaneConfig } from '../config/control-plane-config';
import { REDIS } from '../infrastructure/redis.module';
import { WorkflowMetrics } from '../metrics/workflow-metrics';
import { WorkflowAdmission } from './workflow-admission';

/** Pod name (Kubernetes sets HOSTNAME to it): stable across container restarts, so pending results are re-read at once. */
export function consumerName(): string {
  return (process.env['POD_NAME'] ?? hostname()).replace(/[^A-Za-z0-9_.:@/-]/g, '_').slice(0, 200) || 'control-plane';
}

/** Template resolution from the replica's cache (TEMPLATE_CACHE_SIZE), or from the store on every create when it is 0. */
function templateResolver(templates: TemplateService, generation: TemplateGeneration, config: ControlPlaneConfig) {
  const size = config.templateCacheSize ?? DEFAULT_TEMPLATE_CACHE_SIZE;
  return size === 0 ? new TemplateServiceResolver(templates) : new CachedTemplateResolver(templates, generation, { maxEntries: size });
}

/** The workflow lib's NestJS-free classes, wired to the app's Redis connection and config. */
export const WORKFLOW_ENGINE_PROVIDERS: Provider[] = [
  { provide: WorkflowKeys, inject: [CONTROL_PLANE_CONFIG], useFactory: (config: ControlPlaneConfig) => new WorkflowKeys(config.keyPrefix) },
  { provide: WorkflowStore, inject: [REDIS, WorkflowKeys], useFactory: (redis: RedisConnection, keys: WorkflowKeys) => new WorkflowStore(redis, keys) },
  { provide: WorkflowIndex, inject: [REDIS, WorkflowKeys], useFactory: (redis: RedisConnection, keys: WorkflowKeys) => new WorkflowIndex(redis, keys) },
  { provide: WorkflowTimers, inject: [REDIS, WorkflowKeys], useFactory: (redis: RedisConnection, keys: WorkflowKeys) => new WorkflowTimers(redis, keys) },
  {
    provide: RetentionBackfill,
    inject: [REDIS, WorkflowKeys, WorkflowStore, WorkflowTimers, CONTROL_PLANE_CONFIG],
    useFactory: (redis: RedisConnection, keys: WorkflowKeys, store: WorkflowStore, timers: WorkflowTimers, config: ControlPlaneConfig) =>
      new RetentionBackfill(redis, keys, store, timers, config.workflowRetentionSeconds ?? DEFAULT_RETENTION_SECONDS),
  },
  {
    provide: WorkflowEvents,
    inject: [REDIS, WorkflowKeys],
    useFactory: (redis: RedisConnection, keys: WorkflowKeys) => new WorkflowEvents(() => redis.duplicate(), keys),
  },
  {
    provide: QueueAdapter,
    inject: [REDIS, JobQueue, CONTROL_PLANE_CONFIG],
    useFactory: (redis: RedisConnection, queue: JobQueue, config: ControlPlaneConfig) =>
      new QueueAdapter(redis, { pools: config.pools, prefix: config.keyPrefix, consumer: consumerName(), queue }),
  },
  WorkflowAdmission,
  {
    provide: WorkflowEngine,
    inject: [
      WorkflowStore,
      WorkflowIndex,
      WorkflowTimers,
      QueueAdapter,
      TemplateService,
      TemplateGeneration,
      CONTROL_PLANE_CONFIG,
      WorkflowMetrics,
      WorkflowAdmission,
    ],
    useFactory: (
      store: WorkflowStore,
      index: WorkflowIndex,
      timers: WorkflowTimers,
      queue: QueueAdapter,
      templates: TemplateService,
      generation: TemplateGeneration,
      config: ControlPlaneConfig,
      metrics: WorkflowMetrics,
      admission: WorkflowAdmission,
    ) =>
      new WorkflowEngine(
        { store, index, timers, queue, templates: templateResolver(templates, generation, config), observer: metrics },
        {
          pools: config.pools,
          defaultTimeoutSeconds: config.workflowDefaultTimeoutSeconds,
          recoveryDelayMs: config.workflowRecoveryDelayMs,
          maxInputBytes: config.workflowMaxJobInputBytes,
          maxStoredBytes: config.workflowMaxStoredBytes,
          retentionSeconds: config.workflowRetentionSeconds,
          admit: admission.admit,
        },
      ),
  },
];
