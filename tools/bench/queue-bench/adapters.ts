/**
 * The three queues behind one small interface, each used the way its docs
 * show: bulk add, single add, a worker at concurrency C with a no-op handler,
 * and completion observed the way a producer would (our result stream, BullMQ
 * QueueEvents, Bee-Queue job events). Completed jobs are removed by all three.
 */
import BeeQueue from 'bee-queue';
import { Queue, QueueEvents, Worker } from 'bullmq';
import { JobLeases, JobQueue, JobWorker, ResultConsumer } from '@base-shift/queue';
import { createRedisConnection, type RedisConnection } from '@base-shift/redis';

export const QUEUE = 'bench';

export interface Producer {
  addBulk(payloads: object[]): Promise<void>;
  add(payload: object): Promise<void>;
  /** Adds one job and resolves when the producer sees it completed. */
  addAndWait(payload: object): Promise<void>;
  close(): Promise<void>;
}

export interface RunningWorker {
  stop(): Promise<void>;
}

export interface QueueAdapter {
  name: AdapterName;
  openProducer(port: number, observeCompletions: boolean): Promise<Producer>;
  startWorker(port: number, concurrency: number, onCompleted: () => void): Promise<RunningWorker>;
}

export type AdapterName = 'ours' | 'bullmq' | 'bee-queue';

/** Resolves completion waiters by job id, whichever arrives first: the id or its completion. */
class CompletionWaiters {
  private readonly waiting = new Map<string, () => void>();
  private readonly early = new Set<string>();
  wait(id: string): Promise<void> {
    if (this.early.delete(id)) return Promise.resolve();
    return new Promise((resolve) => this.waiting.set(id, resolve));
  }
  completed(id: string): void {
    const resolve = this.waiting.get(id);
    if (resolve) {
      this.waiting.delete(id);
      resolve();
    } else this.early.add(id);
  }
}

const ours: QueueAdapter = {
  name: 'ours',
  async openProducer(port, observe) {
    const redis = createRedisConnection(`redis://127.0.0.1:${port}`);
    const queue = new JobQueue(redis, { pools: [QUEUE] });
    const waiters = new CompletionWaiters();
    let reading = true;
    let consumer: ResultConsumer | undefined;
    let loop: Promise<void> | undefined;
    if (observe) {
      consumer = new ResultConsumer(redis, { pool: QUEUE, group: 'producer', consumer: 'bench' });
      await consumer.ensureGroup();
      const c = consumer;
      loop = (async () => {
        while (reading) {
          const results = await c.read({ count: 100, blockMs: 200 });
          for (const r of results) if (r.outcome === 'succeeded') waiters.completed(r.jobId);
          // The ack goes on the shared connection while the next blocking read waits on its own.
          if (results.length > 0) void c.ack(results.map((r) => r.entryId));
        }
      })();
    }
    return {
      addBulk: async (payloads) =>
        void (await queue.enqueueMany(
          QUEUE,
          payloads.map((payload) => ({ payload: payload as never })),
        )),
      add: async (payload) => void (await queue.enqueue(QUEUE, { payload: payload as never })),
      addAndWait: async (payload) => waiters.wait(await queue.enqueue(QUEUE, { payload: payload as never })),
      close: async () => {
        reading = false;
        await loop;
        await consumer?.close();
        await redis.quit();
      },
    };
  },
  async startWorker(port, concurrency, onCompleted) {
    const redis: RedisConnection = createRedisConnection(`redis://127.0.0.1:${port}`);
    const leases = new JobLeases(redis, { pools: [QUEUE] });
    const worker = new JobWorker(leases, {
      pools: [QUEUE],
      executorId: `bench-${process.pid}`,
      concurrency,
      blockMs: 1_000,
      handler: () => undefined,
      onSettled: (_job, outcome) => outcome === 'succeeded' && onCompleted(),
    });
    worker.start();
    return {
      stop: async () => {
        await worker.stop();
        await leases.close();
        await redis.quit();
      },
    };
  },
};

const JOB_OPTIONS = { removeOnComplete: true, removeOnFail: true };

const bullmq: QueueAdapter = {
  name: 'bullmq',
  async openProducer(port, observe) {
    const connection = { host: '127.0.0.1', port };
    const queue = new Queue(QUEUE, { connection });
    const waiters = new CompletionWaiters();
    let events: QueueEvents | undefined;
    if (observe) {
      events = new QueueEvents(QUEUE, { connection });
      events.on('completed', ({ jobId }) => waiters.completed(jobId));
      await events.waitUntilReady();
    }
    return {
      addBulk: async (payloads) => void (await queue.addBulk(payloads.map((data) => ({ name: 'job', data, opts: JOB_OPTIONS })))),
      add: async (payload) => void (await queue.add('job', payload, JOB_OPTIONS)),
      addAndWait: async (payload) => waiters.wait((await queue.add('job', payload, JOB_OPTIONS)).id as string),
      close: async () => {
        await events?.close();
        await queue.close();
      },
    };
  },
  async startWorker(port, concurrency, onCompleted) {
    const worker = new Worker(QUEUE, async () => undefined, { connection: { host: '127.0.0.1', port, maxRetriesPerRequest: null }, concurrency });
    worker.on('completed', onCompleted);
    await worker.waitUntilReady();
    return { stop: () => worker.close() };
  },
};

const beeQueue: QueueAdapter = {
  name: 'bee-queue',
  async openProducer(port, observe) {
    const queue = new BeeQueue(QUEUE, {
      redis: { host: '127.0.0.1', port },
      isWorker: false,
      getEvents: observe,
      sendEvents: false,
      storeJobs: observe,
      removeOnSuccess: true,
    });
    await queue.ready();
    return {
      addBulk: async (payloads) => {
        const errors = await queue.saveAll(payloads.map((payload) => queue.createJob(payload)));
        if (errors.size > 0) throw [...errors.values()][0];
      },
      add: async (payload) => void (await queue.createJob(payload).save()),
      addAndWait: (payload) =>
        new Promise<void>((resolve, reject) => {
          const job = queue.createJob(payload);
          job.on('succeeded', () => resolve());
          job.save().catch(reject);
        }),
      close: () => queue.close(),
    };
  },
  async startWorker(port, concurrency, onCompleted) {
    const queue = new BeeQueue(QUEUE, { redis: { host: '127.0.0.1', port }, isWorker: true, getEvents: false, removeOnSuccess: true });
    queue.on('succeeded', onCompleted);
    queue.process(concurrency, async () => undefined);
    await queue.ready();
    return { stop: () => queue.close() };
  },
};

export const ADAPTERS: readonly QueueAdapter[] = [ours, bullmq, beeQueue];

export function adapter(name: string): QueueAdapter {
  const found = ADAPTERS.find((a) => a.name === name);
  if (!found) throw new Error(`unknown queue ${name}`);
  return found;
}
