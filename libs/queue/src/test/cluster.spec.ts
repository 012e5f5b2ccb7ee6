import { Cluster } from 'ioredis';
import { StaleAttemptError } from '../lib/errors/queue-errors';
import { JobWorker } from '../lib/worker/job-worker';
import { blockedClients, eventually, queueFixture, ref, type QueueFixture } from './queue-fixture';
import { clusterUrl } from './test-redis';

/**
 * The core scenarios again, on the test environment's 3-master Redis Cluster:
 * every script must touch keys of one pool's hash tag only, whichever node
 * serves it. Two pools whose keys live on different nodes.
 */
describe('the queue on a Redis Cluster', () => {
  let f: QueueFixture;
  // Slots 9296 and 14480: different nodes whichever way redis-cli splits 16384 slots over 3 masters.
  const pools = ['cpu', 'gpu'];
  beforeEach(() => (f = queueFixture('cluster', { url: clusterUrl(), pools, leases: { backoff: { baseMs: 0, factor: 1, capMs: 0 } } })));
  afterEach(() => f.cleanup());

  it('runs against a cluster client, with the two pools on different nodes', async () => {
    expect(f.redis).toBeInstanceOf(Cluster);
    const cluster = f.redis as Cluster;
    const node = async (pool: string) => {
      const slot = Number(await cluster.cluster('KEYSLOT', `${f.prefix}queue:{${pool}}:queued`));
      const range = (await cluster.cluster('SLOTS')).find(([from, to]) => slot >= from && slot <= to);
      return `${range?.[2][0]}:${range?.[2][1]}`;
    };
    expect(await node('cpu')).not.toBe(await node('gpu'));
  });

  it('enqueue, batch lease in priority order, complete, results per pool', async () => {
    await f.queue.enqueueMany(
      'cpu',
      [1, 3, 2].map((priority) => ({ payload: { priority }, priority, meta: { wf: 'w1' } })),
    );
    const gpuJob = await f.queue.enqueue('gpu', { id: 'train-model', payload: { epochs: 3 } });
    const jobs = await f.leases.lease(pools, 'exec-1', { count: 10, leaseMs: 30_000 });
    expect(jobs.filter((j) => j.pool === 'cpu').map((j) => j.priority)).toEqual([3, 2, 1]);
    expect(jobs.filter((j) => j.pool === 'gpu').map((j) => j.id)).toEqual([gpuJob]);
    expect((await f.leases.heartbeat('exec-1', jobs.map(ref), 30_000)).every((b) => b.status === 'ok')).toBe(true);
    for (const pool of pools) {
      const mine = jobs.filter((j) => j.pool === pool);
      expect(
        await f.leases.completeMany(
          pool,
          mine.map((j) => ({ id: j.id, attempt: j.attempt, output: { pool } })),
        ),
      ).toEqual(mine.map(() => 'ok'));
    }
    expect((await f.results('cpu')).map((r) => [r.outcome, r.meta])).toEqual(Array(3).fill(['succeeded', { wf: 'w1' }]));
    expect((await f.results('gpu')).map((r) => [r.jobId, r.output])).toEqual([['train-model', { pool: 'gpu' }]]);
    expect(await f.queue.stats('cpu')).toMatchObject({ queued: 0, leased: 0 });
  });

  it('expired lease → redelivery with attempt + 1, stale completion refused; retry, dead letter, requeue, cancel', async () => {
    const id = await f.queue.enqueue('gpu', { payload: {}, maxAttempts: 3 });
    const [first] = await f.leases.lease(['gpu'], 'zombie', { count: 1, leaseMs: 40 });
    await eventually(async () => ((await f.maintenance.reapExpired('gpu')) === 1 ? true : undefined), 'the lease to expire');
    const [second] = await f.leases.lease(['gpu'], 'exec-1', { count: 1, leaseMs: 30_000 });
    expect(second.attempt).toBe(first.attempt + 1);
    await expect(f.leases.complete('gpu', id, first.attempt)).rejects.toBeInstanceOf(StaleAttemptError);

    expect(await f.leases.fail('gpu', id, second.attempt, { message: 'flaky', retryable: true })).toMatchObject({ outcome: 'retrying' });
    const [third] = await f.leases.lease(['gpu'], 'exec-1', { count: 1, leaseMs: 30_000 });
    expect(await f.leases.fail('gpu', id, third.attempt, { message: 'broken', retryable: true })).toEqual({ outcome: 'failed' });
    expect((await f.queue.listJobs('gpu', 'dead')).jobs.map((j) => [j.id, j.failures])).toEqual([[id, 3]]);
    await f.queue.requeueDead('gpu', id);
    expect(await f.queue.getJob('gpu', id)).toMatchObject({ state: 'queued', failures: 0 });
    expect(await f.queue.cancel('gpu', id)).toBe('cancelled');
    expect((await f.results('gpu')).map((r) => r.outcome)).toEqual(['retrying', 'retrying', 'failed', 'cancelled']);
  });

  it('an executor blocked on two pools wakes for a job in either', async () => {
    const executor = f.executor('blocking');
    const waiting = executor.lease(pools, 'exec-1', { count: 1, leaseMs: 30_000, blockMs: 30_000 });
    await eventually(async () => ((await blockedClients(f)) === 2 ? true : undefined), 'a wait per pool');
    const id = await f.queue.enqueue('gpu', { payload: { late: true } });
    expect((await waiting).map((j) => [j.pool, j.id])).toEqual([['gpu', id]]);
  });

  it('two executors share 2000 jobs of two pools exactly once, through workers', async () => {
    const seen = new Map<string, number>();
    const workers = ['a', 'b'].map(
      (name) =>
        new JobWorker(f.executor(`worker-${name}`), {
          pools,
          executorId: `worker-${name}`,
          concurrency: 20,
          blockMs: 1000,
          handler: (job) => {
            seen.set(`${job.pool}/${job.id}`, (seen.get(`${job.pool}/${job.id}`) ?? 0) + 1);
          },
        }),
    );
    workers.forEach((w) => w.start());
    try {
      for (const pool of pools)
        await f.queue.enqueueMany(
          pool,
          Array.from({ length: 1000 }, (_, n) => ({ payload: { n } })),
        );
      await eventually(
        async () => {
          const done = (await f.results('cpu')).length + (await f.results('gpu')).length;
          return done === 2000 ? true : undefined;
        },
        'all 2000 results',
        30_000,
      );
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
    }
    expect(seen.size).toBe(2000);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
  });
});
