import { errorMessage, getLogger } from '@base-shift/core';
import { jobTemplateId } from '@base-shift/job-contract';
import { ResultFollower, type JobOutcome, type JobResult } from '@base-shift/queue';
import { type RedisConnection } from '@base-shift/redis';
import type { QueueView } from '../load/pool-load.port';
import type { PodMetrics } from '../metrics/pod-metrics';
import type { TemplateStatsStore } from './template-stats-store';

interface Started {
  templateId: string;
  at: number;
}

const MAX_OPEN = 100_000;
const ENDS: ReadonlySet<JobOutcome> = new Set(['succeeded', 'retrying', 'failed']);

/**
 * Measures job run times per template from the pools' results: a `started`
 * result (lease) and the same attempt's `succeeded`, `retrying` or `failed`
 * give the attempt's duration. Follows each pool as an observer
 * (ResultFollower: no consumer group, so it never holds back the trimming — a
 * result trimmed before it was read is a run not measured: statistics, not
 * accounting), and only on the leader, so each run is counted once. The
 * template id comes from the result's meta (the workflow engine enqueues
 * `{ templateId }`), else from the leased job's payload.
 */
export class JobDurationTracker {
  private readonly logger = getLogger(JobDurationTracker.name);
  private readonly followers: ResultFollower[];
  private readonly open = new Map<string, Started>();

  constructor(
    redis: RedisConnection,
    options: { pools: readonly string[]; prefix: string },
    private readonly queue: QueueView,
    private readonly store: TemplateStatsStore,
    private readonly metrics?: PodMetrics,
  ) {
    this.followers = options.pools.map((pool) => new ResultFollower(redis, { pool, prefix: options.prefix, onResult: (result) => this.handle(result) }));
  }

  /**
   * Follows every pool from its stream's current end: a new leader measures
   * what starts from now on. Call on becoming leader; stop() when leadership ends.
   */
  async start(): Promise<void> {
    await this.stop();
    this.open.clear();
    for (const follower of this.followers) await follower.start();
  }

  async stop(): Promise<void> {
    await Promise.all(this.followers.map((follower) => follower.stop()));
  }

  private async handle(result: JobResult): Promise<void> {
    const key = `${result.pool}\n${result.jobId}\n${result.attempt}`;
    if (result.outcome === 'started') {
      const templateId = jobTemplateId(result.meta) ?? (await this.queue.templateOf(result.pool, result.jobId).catch(() => undefined));
      if (!templateId) return;
      this.open.set(key, { templateId, at: result.at });
      // Attempts whose end we never see (trimmed, cancelled while we were not leading) must not pile up.
      if (this.open.size > MAX_OPEN) this.open.delete(this.open.keys().next().value as string);
      return;
    }
    const started = this.open.get(key);
    if (!started || !ENDS.has(result.outcome)) return;
    this.open.delete(key);
    const ms = Math.max(0, result.at - started.at);
    try {
      await this.store.recordRun(result.pool, started.templateId, ms);
      this.metrics?.jobRun(result.pool, started.templateId, ms / 1000);
    } catch (error) {
      this.logger.warn(`could not record a run of ${started.templateId}: ${errorMessage(error)}`);
    }
  }
}
