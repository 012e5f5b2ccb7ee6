import { JobLeases, JobQueue, type JobInfo, type LeasedJob } from '@base-shift/queue';
import { isolatedRedis, type IsolatedRedis } from '@base-shift/testing';
import { QueueAdapter } from '../lib/adapters/queue-adapter';
import type { PinnedTemplate, QueueResult, TemplateResolution, TemplateResolverPort } from '../lib/engine/engine-ports';
import { WorkflowEngine, type WorkflowEngineOptions } from '../lib/engine/workflow-engine';
import { WorkflowIndex } from '../lib/store/workflow-index';
import { WorkflowKeys } from '../lib/store/workflow-keys';
import { WorkflowStore } from '../lib/store/workflow-store';
import { WorkflowTimers } from '../lib/store/workflow-timers';

export const POOL = 'default';

/** A template as the engine pins it; its schemas accept any object unless a test narrows them. */
export function pinnedTemplate(templateId: string, overrides: Partial<PinnedTemplate> = {}): PinnedTemplate {
  return {
    templateId,
    version: '1.0.0',
    name: templateId,
    steps: [],
    inputSchema: { type: 'object' },
    outputSchema: { type: 'object' },
    priority: 0,
    maxAttempts: 1,
    timeoutSeconds: 60,
    resourceClass: POOL,
    requiredSecrets: [],
    ...overrides,
  };
}

/** The engine's template port over a fixed list: exact versions, or the last one listed when none is named. */
export class FixedTemplates implements TemplateResolverPort {
  constructor(private readonly templates: readonly PinnedTemplate[]) {}

  async resolve(templateId: string, version: string | undefined): Promise<TemplateResolution> {
    const versions = this.templates.filter((template) => template.templateId === templateId);
    if (versions.length === 0) return { problem: 'unknown-template' };
    if (version !== undefined && !/^\d+\.\d+\.\d+$/.test(version)) return { problem: 'invalid-version' };
    const found = version === undefined ? versions[versions.length - 1] : versions.find((template) => template.version === version);
    return found ? { template: found } : { problem: 'no-matching-version' };
  }
}

/**
 * The workflow engine of one test on real Redis under the test's prefix, with
 * the real queue on both sides: the engine's adapter, and an executor's leases.
 */
export interface EngineFixture extends IsolatedRedis {
  keys: WorkflowKeys;
  store: WorkflowStore;
  index: WorkflowIndex;
  timers: WorkflowTimers;
  /** The engine's queue port (the production adapter). */
  queue: QueueAdapter;
  /** The same queue, to look inside it. */
  jobQueue: JobQueue;
  /** The executor side: announces starts, retries at once (no backoff). */
  leases: JobLeases;
  engine: WorkflowEngine;
  /** Jobs waiting in the pool, in pop order. */
  queued(): Promise<JobInfo[]>;
  /** Leases `count` jobs as an executor would; fails when fewer are queued. */
  lease(count?: number): Promise<LeasedJob[]>;
  /** Every result the queue wrote since the last read, acknowledged but not applied (a test applies them itself). */
  readResults(): Promise<QueueResult[]>;
  /** Reads the pool's result stream and applies every entry through the engine, in order. */
  applyResults(): Promise<QueueResult[]>;
}

export function engineFixture(label: string, templates: readonly PinnedTemplate[], options: Partial<WorkflowEngineOptions> = {}): EngineFixture {
  const base = isolatedRedis(label);
  const { redis, prefix } = base;
  const keys = new WorkflowKeys(prefix);
  const store = new WorkflowStore(redis, keys);
  const index = new WorkflowIndex(redis, keys);
  const timers = new WorkflowTimers(redis, keys);
  const queue = new QueueAdapter(redis, { pools: [POOL], prefix, consumer: 'test-engine' });
  const jobQueue = new JobQueue(redis, { pools: [POOL], prefix });
  const leases = new JobLeases(redis, { pools: [POOL], prefix, announceStarts: true, backoff: { baseMs: 0, factor: 1, capMs: 0 } });
  const engine = new WorkflowEngine({ store, index, timers, queue, templates: new FixedTemplates(templates) }, { pools: [POOL], ...options });

  /** Reads the pool's result stream like the engine's consumer: each batch is acknowledged after `apply` ran for it. */
  const drain = async (apply: (result: QueueResult) => Promise<void>): Promise<QueueResult[]> => {
    if (!(await queue.ensureResultGroup(POOL))) return [];
    const read: QueueResult[] = [];
    for (;;) {
      const batch = await queue.readResults(POOL, 100, 0);
      if (batch.length === 0) return read;
      for (const result of batch) await apply(result);
      await queue.ackResults(
        POOL,
        batch.map((result) => result.entryId),
      );
      read.push(...batch);
    }
  };

  return {
    ...base,
    keys,
    store,
    index,
    timers,
    queue,
    jobQueue,
    leases,
    engine,
    async queued() {
      return (await jobQueue.listJobs(POOL, 'queued')).jobs;
    },
    async lease(count = 1) {
      const leased = await leases.lease([POOL], 'test-executor', { count, leaseMs: 30_000 });
      if (leased.length < count) throw new Error(`${count} jobs should have been queued, found ${leased.length}`);
      return leased;
    },
    readResults: () => drain(async () => undefined),
    applyResults: () => drain((result) => engine.applyQueueResult(result)),
    async cleanup() {
      await leases.close();
      await queue.close();
      await base.cleanup();
    },
  };
}
