import { eventually, queueFixture, type QueueFixture } from '../../test/queue-fixture';
import { QueueMaintenance, type SweepReport } from './queue-maintenance';

describe('QueueMaintenance (real Redis)', () => {
  let f: QueueFixture;
  beforeEach(() => (f = queueFixture('maintenance', { leases: { backoff: { baseMs: 30, factor: 1, capMs: 30 }, random: () => 0.99 } })));
  afterEach(() => f.cleanup());

  it('sweeps promote due retries, take back expired leases and trim acknowledged results', async () => {
    const [retry, stall] = await f.queue.enqueueMany('default', [{ payload: {}, priority: 1 }, { payload: {} }]);
    const [a, b] = await f.leases.lease(['default'], 'exec-1', { count: 2, leaseMs: 40 });
    await f.leases.heartbeat('exec-1', [{ pool: 'default', id: retry, attempt: a.attempt }], 60_000);
    await f.leases.fail('default', retry, a.attempt, { message: 'try again', retryable: true });
    expect(b.id).toBe(stall);

    const reports = await eventually(async () => {
      const [report] = await f.maintenance.sweep();
      return report.promoted + report.reaped > 0 ? report : undefined;
    }, 'a sweep with work');
    const stats = await eventually(async () => {
      await f.maintenance.sweep();
      const s = await f.queue.stats('default');
      return s.queued === 2 ? s : undefined;
    }, 'both jobs back in the queue');
    expect(reports.pool).toBe('default');
    expect(stats).toMatchObject({ queued: 2, leased: 0, delayed: 0 });
    expect((await f.results()).map((r) => r.outcome).sort()).toEqual(['retrying', 'retrying']);
    const [report] = await f.maintenance.sweep();
    expect(report.trimmed).toBe(2);
  });

  it("start() keeps sweeping in the background until stop(), handing each sweep's report to onSweep", async () => {
    const id = await f.queue.enqueue('default', { payload: {} });
    await f.leases.lease(['default'], 'exec-crashed', { count: 1, leaseMs: 30 });
    const reports: SweepReport[] = [];
    const background = new QueueMaintenance(f.redis, { pools: f.pools, prefix: f.prefix, intervalMs: 20, onSweep: (sweep) => reports.push(...sweep) });
    background.start();
    try {
      await eventually(async () => ((await f.queue.getJob('default', id))?.state === 'queued' ? true : undefined), 'the reaper to take the job back');
      await eventually(async () => (reports.some((r) => r.reaped === 1) ? true : undefined), 'the sweep that took it back to be reported');
    } finally {
      await background.stop();
    }
    expect(reports.every((r) => r.pool === 'default')).toBe(true);
  });
});
