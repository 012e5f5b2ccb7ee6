import { queueFixture, type QueueFixture } from '../../test/queue-fixture';
import type { JobLeases } from './job-leases';

describe('competing executors (real Redis)', () => {
  let f: QueueFixture;
  beforeEach(() => (f = queueFixture('competing')));
  afterEach(() => f.cleanup());

  it('two executors draining 10k jobs never get the same job: each is leased and completed exactly once', async () => {
    const ids = await f.queue.enqueueMany(
      'default',
      Array.from({ length: 10_000 }, (_, n) => ({ payload: { n } })),
    );
    expect(new Set(ids).size).toBe(10_000);

    const leasedBy = new Map<string, string[]>();
    const drain = async (leases: JobLeases, executorId: string) => {
      for (;;) {
        const jobs = await leases.lease(['default'], executorId, { count: 250, leaseMs: 60_000 });
        if (jobs.length === 0) return;
        for (const job of jobs) leasedBy.set(job.id, [...(leasedBy.get(job.id) ?? []), executorId]);
        const statuses = await leases.completeMany(
          'default',
          jobs.map((job) => ({ id: job.id, attempt: job.attempt, output: { by: executorId } })),
        );
        expect(statuses.every((status) => status === 'ok')).toBe(true);
      }
    };
    // Separate connections: two processes' worth of concurrency against one Redis.
    await Promise.all([drain(f.executor('exec-a'), 'exec-a'), drain(f.executor('exec-b'), 'exec-b')]);

    expect(leasedBy.size).toBe(10_000);
    expect([...leasedBy.values()].filter((holders) => holders.length !== 1)).toEqual([]);
    const perExecutor = (name: string) => [...leasedBy.values()].filter(([holder]) => holder === name).length;
    expect(perExecutor('exec-a')).toBeGreaterThan(0);
    expect(perExecutor('exec-b')).toBeGreaterThan(0);

    const results = await f.results();
    expect(results).toHaveLength(10_000);
    expect(new Set(results.map((r) => r.jobId)).size).toBe(10_000);
    expect(results.every((r) => r.outcome === 'succeeded' && r.attempt === 1)).toBe(true);
    expect(await f.queue.stats('default')).toMatchObject({ queued: 0, leased: 0, delayed: 0, dead: 0 });
  });
});
