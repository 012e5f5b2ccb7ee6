import { JobQueue, QueueMaintenance, type JobInfo } from '@base-shift/queue';
import { type RedisConnection } from '@base-shift/redis';
import type { LeasedJobRef, PoolLoad, QueueView } from './pool-load.port';

/** QueueView over the real queue: stats() for the counts, listJobs('leased') for who holds what. */
export class QueueLoadReader implements QueueView {
  private readonly queue: JobQueue;
  private readonly maintenance: QueueMaintenance;

  constructor(redis: RedisConnection, options: { pools: readonly string[]; prefix: string }) {
    this.queue = new JobQueue(redis, { pools: options.pools, prefix: options.prefix });
    this.maintenance = new QueueMaintenance(redis, { pools: options.pools, prefix: options.prefix });
  }

  async load(pool: string): Promise<PoolLoad> {
    const stats = await this.queue.stats(pool);
    return { queued: stats.queued, inFlight: stats.leased, delayed: stats.delayed, dead: stats.dead, oldestWaitSeconds: stats.oldestWaitSeconds };
  }

  async leaseHolders(pool: string): Promise<Map<string, number>> {
    const holders = new Map<string, number>();
    for await (const job of this.leased(pool)) {
      const executor = job.lease?.executorId;
      if (executor) holders.set(executor, (holders.get(executor) ?? 0) + 1);
    }
    return holders;
  }

  async leasedBy(pool: string, executorId: string): Promise<LeasedJobRef[]> {
    const jobs: LeasedJobRef[] = [];
    for await (const job of this.leased(pool)) {
      if (job.lease?.executorId === executorId) jobs.push({ id: job.id, templateId: templateIdOf(job) });
    }
    return jobs;
  }

  requeueLeasesOf(pool: string, executorId: string): Promise<number> {
    return this.maintenance.requeueLeasesOf(executorId, [pool]);
  }

  async templateOf(pool: string, jobId: string): Promise<string | undefined> {
    const job = await this.queue.getJob(pool, jobId);
    return job ? templateIdOf(job) : undefined;
  }

  // In-flight jobs are bounded by the pods' total concurrency, so walking them is cheap.
  private async *leased(pool: string): AsyncGenerator<JobInfo> {
    let cursor: string | undefined;
    do {
      const page = await this.queue.listJobs(pool, 'leased', { limit: 1000, ...(cursor && { cursor }) });
      yield* page.jobs;
      cursor = page.nextCursor;
    } while (cursor);
  }
}

function templateIdOf(job: JobInfo): string | undefined {
  const templateId = job.payload['templateId'];
  return typeof templateId === 'string' ? templateId : undefined;
}
