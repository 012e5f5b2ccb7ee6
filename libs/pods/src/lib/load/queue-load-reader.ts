import { jobTemplateId } from '@base-shift/job-contract';
import { JobQueue, QueueMaintenance, type JobInfo } from '@base-shift/queue';
import { type RedisConnection } from '@base-shift/redis';
import type { LeasedJobRef, PoolLoad, QueueView } from './pool-load.port';

/** QueueView over the queue's public API: stats() for the counts, leaseHolders() for who holds what. */
export class QueueLoadReader implements QueueView {
  private readonly queue: JobQueue;
  private readonly maintenance: QueueMaintenance;

  constructor(redis: RedisConnection, options: { pools: readonly string[]; prefix: string; queue?: JobQueue }) {
    this.queue = options.queue ?? new JobQueue(redis, { pools: options.pools, prefix: options.prefix });
    this.maintenance = new QueueMaintenance(redis, { pools: options.pools, prefix: options.prefix });
  }

  async load(pool: string): Promise<PoolLoad> {
    const stats = await this.queue.stats(pool);
    return { queued: stats.queued, inFlight: stats.leased, delayed: stats.delayed, dead: stats.dead, oldestWaitSeconds: stats.oldestWaitSeconds };
  }

  leaseHolders(pool: string): Promise<Map<string, number>> {
    return this.queue.leaseHolders(pool);
  }

  async leasedBy(pool: string, executorId: string): Promise<LeasedJobRef[]> {
    const jobs: LeasedJobRef[] = [];
    for await (const job of this.leased(pool)) {
      if (job.lease?.executorId === executorId) jobs.push({ id: job.id, templateId: jobTemplateId(job.payload) });
    }
    return jobs;
  }

  requeueLeasesOf(pool: string, executorId: string): Promise<number> {
    return this.maintenance.requeueLeasesOf(executorId, [pool]);
  }

  async templateOf(pool: string, jobId: string): Promise<string | undefined> {
    const job = await this.queue.getJob(pool, jobId);
    return job ? jobTemplateId(job.payload) : undefined;
  }

  // Only to attribute an OOM kill (rare); in-flight jobs are bounded by the pods' total concurrency.
  private async *leased(pool: string): AsyncGenerator<JobInfo> {
    let cursor: string | undefined;
    do {
      const page = await this.queue.listJobs(pool, 'leased', { limit: 1000, ...(cursor && { cursor }) });
      yield* page.jobs;
      cursor = page.nextCursor;
    } while (cursor);
  }
}
