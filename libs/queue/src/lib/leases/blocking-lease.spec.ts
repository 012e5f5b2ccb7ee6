import type { RedisConnection } from '@base-shift/redis';
import { QUEUE_SCRIPTS } from '../scripts/queue-scripts';
import { blockedClients, eventually, queueFixture, sleep, type QueueFixture } from '../../test/queue-fixture';
import { JobLeases } from './job-leases';

/** An executor on its own connection that counts its lease-script calls. */
function countingExecutor(f: QueueFixture, name: string): { leases: JobLeases; calls: () => number } {
  const connection: RedisConnection = f.connect(name);
  let calls = 0;
  const evalsha = connection.evalsha.bind(connection) as (...args: unknown[]) => Promise<unknown>;
  (connection as unknown as { evalsha: (...args: unknown[]) => Promise<unknown> }).evalsha = (sha: unknown, ...rest: unknown[]) => {
    if (sha === QUEUE_SCRIPTS.lease.sha) calls++;
    return evalsha(sha, ...rest);
  };
  return { leases: new JobLeases(connection, { pools: f.pools, prefix: f.prefix }), calls: () => calls };
}

describe('waiting for jobs without polling (real Redis)', () => {
  let f: QueueFixture;
  let executors: JobLeases[] = [];
  beforeEach(() => (f = queueFixture('blocking', { pools: ['default', 'other'] })));
  afterEach(async () => {
    await Promise.all(executors.map((e) => e.close()));
    executors = [];
    await f.cleanup();
  });

  it('an idle executor blocks, then wakes with the job as soon as one is enqueued', async () => {
    const { leases, calls } = countingExecutor(f, 'idle');
    executors.push(leases);
    const waiting = leases.lease(['default'], 'exec-1', { count: 5, leaseMs: 30_000, blockMs: 30_000 });
    await eventually(async () => ((await blockedClients(f)) === 1 ? true : undefined), 'the executor to block');
    const id = await f.queue.enqueue('default', { payload: { hello: 'world' } });
    const jobs = await waiting;
    expect(jobs.map((job) => [job.id, job.payload])).toEqual([[id, { hello: 'world' }]]);
    // One attempt before blocking, one after the wake-up: no polling in between.
    expect(calls()).toBe(2);
  });

  it('one executor waits on several pools and wakes for whichever gets a job', async () => {
    const { leases } = countingExecutor(f, 'multi');
    executors.push(leases);
    const waiting = leases.lease(['default', 'other'], 'exec-1', { count: 1, leaseMs: 30_000, blockMs: 30_000 });
    await eventually(async () => ((await blockedClients(f)) === 2 ? true : undefined), 'a wait per pool');
    await f.queue.enqueue('other', { payload: { pool: 'other' } });
    expect((await waiting).map((job) => job.pool)).toEqual(['other']);
  });

  it('one new job wakes one of many idle executors, not all of them (no stampede)', async () => {
    const idle = ['a', 'b', 'c', 'd'].map((name) => countingExecutor(f, `exec-${name}`));
    executors.push(...idle.map((e) => e.leases));
    const waits = idle.map((e, i) => e.leases.lease(['default'], `exec-${i}`, { count: 1, leaseMs: 30_000, blockMs: 30_000 }).then((jobs) => ({ i, jobs })));
    await eventually(async () => ((await blockedClients(f)) === 4 ? true : undefined), 'all four to block');

    await f.queue.enqueue('default', { payload: { n: 1 } });
    const winner = await Promise.race(waits);
    expect(winner.jobs).toHaveLength(1);
    // Proves something does NOT happen, so it needs a window: woken executors would call the lease script again at once.
    await sleep(200);
    expect(idle.map((e) => e.calls()).sort()).toEqual([1, 1, 1, 2]);
    expect(await blockedClients(f)).toBe(3);

    await f.queue.enqueueMany('default', [{ payload: { n: 2 } }, { payload: { n: 3 } }, { payload: { n: 4 } }]);
    const all = await Promise.all(waits);
    expect(all.flatMap((w) => w.jobs.map((job) => job.payload['n'])).sort()).toEqual([1, 2, 3, 4]);
  });

  it('an aborted wait returns at once with no jobs', async () => {
    const controller = new AbortController();
    const waiting = f.leases.lease(['default'], 'exec-1', { count: 1, leaseMs: 30_000, blockMs: 30_000, signal: controller.signal });
    await eventually(async () => ((await blockedClients(f)) === 1 ? true : undefined), 'the executor to block');
    controller.abort();
    expect(await waiting).toEqual([]);
    // The wake-up it no longer wants is handed on: the next idle executor still gets the job.
    const id = await f.queue.enqueue('default', { payload: {} });
    expect((await f.leases.lease(['default'], 'exec-2', { count: 1, leaseMs: 30_000, blockMs: 10_000 })).map((j) => j.id)).toEqual([id]);
  });
});
