import { JobQueue, type JobQueueOptions } from '../lib/jobs/job-queue';
import { JobLeases, type JobLeasesOptions } from '../lib/leases/job-leases';
import { QueueMaintenance } from '../lib/maintenance/queue-maintenance';
import type { JobRef, LeasedJob } from '../lib/model/job-types';
import type { JobResult } from '../lib/results/job-result';
import { ResultConsumer } from '../lib/results/result-consumer';
import { testRedis, type TestRedis } from './test-redis';

export interface FixtureOptions {
  url?: string;
  pools?: string[];
  queue?: Partial<JobQueueOptions>;
  leases?: Partial<JobLeasesOptions>;
}

/** The queue clients of one test, under the test's own prefix. */
export interface QueueFixture extends TestRedis {
  pools: string[];
  queue: JobQueue;
  leases: JobLeases;
  maintenance: QueueMaintenance;
  /** A JobLeases on its own connection: another executor process. */
  executor(name: string, options?: Partial<JobLeasesOptions>): JobLeases;
  /** Every result appended so far to a pool's stream (its own consumer group). */
  results(pool?: string): Promise<JobResult[]>;
}

export function queueFixture(label: string, options: FixtureOptions = {}): QueueFixture {
  const base = testRedis(label, options.url);
  const pools = options.pools ?? ['default'];
  const common = { pools, prefix: base.prefix };
  const closers: (() => Promise<void>)[] = [];
  const executor = (name: string, extra: Partial<JobLeasesOptions> = {}) => {
    const leases = new JobLeases(base.connect(name), { ...common, ...options.leases, ...extra });
    closers.push(() => leases.close());
    return leases;
  };
  const consumers = new Map<string, ResultConsumer>();
  const histories = new Map<string, JobResult[]>();
  let clients: Pick<QueueFixture, 'queue' | 'leases' | 'maintenance'>;
  try {
    clients = {
      queue: new JobQueue(base.redis, { ...common, ...options.queue }),
      leases: executor('leases'),
      maintenance: new QueueMaintenance(base.redis, common),
    };
  } catch (error) {
    // Open connections would keep jest from exiting.
    void base.cleanup();
    throw error;
  }
  return {
    ...base,
    ...clients,
    pools,
    executor,
    async results(pool = pools[0]) {
      let consumer = consumers.get(pool);
      if (!consumer) {
        consumer = new ResultConsumer(base.redis, { pool, group: 'test', consumer: 'reader', prefix: base.prefix });
        await consumer.ensureGroup();
        consumers.set(pool, consumer);
      }
      // The group reads each entry once; the fixture keeps a full history per pool.
      const history = histories.get(pool) ?? [];
      for (;;) {
        const batch = await consumer.read({ count: 1000 });
        if (batch.length === 0) break;
        history.push(...batch);
        await consumer.ack(batch.map((r) => r.entryId));
      }
      histories.set(pool, history);
      return [...history];
    },
    async cleanup() {
      await Promise.all(closers.map((close) => close()));
      await base.cleanup();
    },
  };
}

export function ref(job: LeasedJob): JobRef {
  return { pool: job.pool, id: job.id, attempt: job.attempt };
}

/**
 * How many of this test's connections are blocked in Redis right now (a BLPOP
 * waiting for a wake token, a blocking XREADGROUP), on every node of a cluster.
 * Tests wait for it before the event that should wake them, instead of sleeping.
 */
export async function blockedClients(t: TestRedis): Promise<number> {
  const nodes = 'nodes' in t.redis && typeof t.redis.nodes === 'function' ? t.redis.nodes('master') : [t.redis];
  const lists = await Promise.all(nodes.map((node) => node.client('LIST') as Promise<string>));
  // flags=b: blocked right now (cmd= only names the last command).
  return lists.flatMap((list) => list.split('\n')).filter((line) => line.includes(` name=${t.prefix}`) && /\bflags=\w*b/.test(line)).length;
}

/** Waits for a condition that other processes make true (no fixed sleeps in assertions). */
export async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
