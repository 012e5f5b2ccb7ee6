import type { JsonObject, JsonValue } from '@base-shift/core';
import { JobQueue, QueueError, QueueKeys, ResultConsumer, type JobResult } from '@base-shift/queue';
import { type RedisConnection } from '@base-shift/redis';
import type { JobQueuePort, QueueJobSpec, QueueResult } from '../engine/engine-ports';

export interface QueueAdapterOptions {
  pools: readonly string[];
  /** Key prefix shared with the workflow keys ('' in production). */
  prefix: string;
  /** This replica in the consumer group; stable across restarts so it re-reads its own pending results. */
  consumer: string;
  /** The consumer group of the workflow engine. */
  group?: string;
  /** The process's JobQueue over these pools, when it has one (else one is made). */
  queue?: JobQueue;
}

export const WORKFLOW_ENGINE_GROUP = 'workflow-engine';

/** Adapter: JobQueuePort over @base-shift/queue (JobQueue + one ResultConsumer per pool). */
export class QueueAdapter implements JobQueuePort {
  private readonly queue: JobQueue;
  private readonly consumers = new Map<string, ResultConsumer>();
  private readonly keys: QueueKeys;

  constructor(
    private readonly redis: RedisConnection,
    options: QueueAdapterOptions,
  ) {
    this.keys = new QueueKeys(options.prefix);
    this.queue = options.queue ?? new JobQueue(redis, { pools: options.pools, prefix: options.prefix });
    for (const pool of options.pools) {
      this.consumers.set(
        pool,
        new ResultConsumer(redis, { pool, group: options.group ?? WORKFLOW_ENGINE_GROUP, consumer: options.consumer, prefix: options.prefix }),
      );
    }
  }

  async ensureResultGroup(pool: string): Promise<boolean> {
    // Nothing is trimmed from a stream without a group, so waiting for the stream loses no result.
    if ((await this.redis.exists(this.keys.pool(pool).results)) === 0) return false;
    await this.consumer(pool).ensureGroup();
    return true;
  }

  async enqueue(pool: string, job: QueueJobSpec): Promise<void> {
    // The template id rides along in every result (meta), so logs of results name it without a read.
    await this.queue.enqueue(pool, {
      id: job.id,
      payload: job.payload as unknown as JsonObject,
      priority: job.priority,
      maxAttempts: job.maxAttempts,
      meta: { templateId: job.payload.templateId },
    });
  }

  async cancel(pool: string, queueJobId: string): Promise<void> {
    await this.queue.cancel(pool, queueJobId);
  }

  async purgeDead(pool: string, queueJobId: string): Promise<void> {
    try {
      await this.queue.purgeDead(pool, queueJobId);
    } catch (error) {
      const gone = error instanceof QueueError && (error.code === 'QUEUE.JOB_NOT_FOUND' || error.code === 'QUEUE.ILLEGAL_STATE');
      if (!gone) throw error;
    }
  }

  async readPendingResults(pool: string, count: number): Promise<QueueResult[]> {
    return (await this.consumer(pool).readPending({ count })).map(toQueueResult);
  }

  async readResults(pool: string, count: number, blockMs: number): Promise<QueueResult[]> {
    return (await this.consumer(pool).read({ count, blockMs })).map(toQueueResult);
  }

  async claimStaleResults(pool: string, minIdleMs: number, count: number): Promise<QueueResult[]> {
    return (await this.consumer(pool).claimStale({ minIdleMs, count })).map(toQueueResult);
  }

  async ackResults(pool: string, entryIds: readonly string[]): Promise<void> {
    await this.consumer(pool).ack(entryIds);
  }

  /** Closes the blocking connections the consumers opened. */
  async close(): Promise<void> {
    await Promise.all([...this.consumers.values()].map((consumer) => consumer.close()));
  }

  private consumer(pool: string): ResultConsumer {
    const consumer = this.consumers.get(pool);
    if (!consumer) throw new Error(`pool ${pool} is not served by this control plane`);
    return consumer;
  }
}

function toQueueResult(result: JobResult): QueueResult {
  const templateId = result.meta?.['templateId'];
  return {
    entryId: result.entryId,
    pool: result.pool,
    ...(typeof templateId === 'string' && { templateId }),
    queueJobId: result.jobId,
    attempt: result.attempt,
    outcome: result.outcome,
    ...(result.output !== undefined ? { output: result.output as JsonValue } : {}),
    ...(result.error !== undefined ? { error: result.error as unknown as JsonValue, reason: result.error.message } : {}),
    at: result.at,
  };
}
