import { QueueKeys } from '../keys/queue-keys';
import { queueFixture, type QueueFixture } from '../../test/queue-fixture';

/**
 * The seed's formula, evaluated naively for every queued job at the moment of
 * each pop: effective = base + 0.1 * secondsWaited; highest first, ties oldest
 * first (then first enqueued). Evaluated in units of 0.0001 (one ms of waiting)
 * so the oracle itself has no float rounding.
 */
function naiveOrder(jobs: readonly Drawn[], now: number): Drawn[] {
  const effective = (job: Drawn) => Math.round(job.base * 10_000) + (now - job.createdAt);
  return [...jobs].sort((a, b) => effective(b) - effective(a) || a.createdAt - b.createdAt || a.order - b.order);
}

interface Drawn {
  id?: string;
  base: number;
  createdAt: number;
  order: number;
}

describe('priority with aging (real Redis)', () => {
  let f: QueueFixture;
  beforeEach(() => (f = queueFixture('aging')));
  afterEach(() => f.cleanup());

  it('pops thousands of random jobs in exactly the order the naive formula gives at each pop', async () => {
    const now = Date.now();
    // Deterministic draws; half on coarse grids so that exact ties (equal priority, equal age) occur.
    let seed = 42;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const jobs: Drawn[] = Array.from({ length: 3000 }, (_, order) =>
      order % 2 === 0
        ? { base: Math.round(random() * 20) / 10 - 1, createdAt: now - Math.round(random() * 60) * 1000, order }
        : { base: Math.round(random() * 1e6) / 1e4 - 50, createdAt: now - Math.round(random() * 3_600_000), order },
    );
    const ids = await f.queue.enqueueMany(
      'default',
      jobs.map((job) => ({ payload: { order: job.order }, priority: job.base, createdAt: job.createdAt })),
    );
    ids.forEach((id, i) => (jobs[i].id = id));

    let remaining = jobs;
    let ties = 0;
    while (remaining.length > 0) {
      const batch = await f.leases.lease(['default'], 'exec-1', { count: 97, leaseMs: 60_000 });
      const expected = naiveOrder(remaining, batch[0].leasedAt);
      expect(batch.map((job) => job.id)).toEqual(expected.slice(0, batch.length).map((job) => job.id));
      for (let i = 1; i < batch.length; i++) {
        const score = (job: (typeof batch)[number]) => Math.round(job.priority * 10_000) - job.createdAt;
        if (score(batch[i]) === score(batch[i - 1])) ties++;
      }
      const taken = new Set(batch.map((job) => job.id));
      remaining = remaining.filter((job) => !taken.has(job.id as string));
    }
    expect(ties).toBeGreaterThan(10);
  });

  it('an old low-priority job overtakes newer higher-priority ones once it has waited long enough', async () => {
    const now = Date.now();
    const [old] = await f.queue.enqueueMany('default', [{ payload: {}, priority: 0, createdAt: now - 120_000 }]);
    await f.queue.enqueueMany('default', [
      { payload: {}, priority: 11, createdAt: now },
      { payload: {}, priority: 13, createdAt: now },
    ]);
    // 0 + 0.1 * 120 = 12: between the two newcomers.
    const order = (await f.leases.lease(['default'], 'exec-1', { count: 3, leaseMs: 60_000 })).map((job) => job.priority);
    expect(order).toEqual([13, 0, 11]);
    expect((await f.queue.getJob('default', old))?.state).toBe('leased');
  });

  it('equal priority and age pop first-enqueued first, across sequence lengths and past 36^7 jobs', async () => {
    const createdAt = Date.now();
    const seqKey = new QueueKeys(f.prefix).pool('default').seq;
    const ids: string[] = [];
    for (const start of [33, 36 ** 7 - 3, 36 ** 9 - 2]) {
      await f.redis.set(seqKey, String(start));
      ids.push(
        ...(await f.queue.enqueueMany(
          'default',
          Array.from({ length: 4 }, () => ({ payload: {}, createdAt })),
        )),
      );
    }
    expect(ids.slice(0, 4)).toEqual(['34', '35', '36', '37']);
    expect(ids[4]).toBe(String(36 ** 7 - 2));
    expect(await f.queue.getJob('default', ids[9])).toMatchObject({ id: ids[9], state: 'queued' });
    expect(await f.queue.cancel('default', ids[5])).toBe('cancelled');
    const popped = (await f.leases.lease(['default'], 'exec-1', { count: 20, leaseMs: 60_000 })).map((job) => job.id);
    expect(popped).toEqual(ids.filter((_, i) => i !== 5));
  });
});
