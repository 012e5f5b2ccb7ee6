import { blockedClients, eventually, queueFixture, type QueueFixture } from '../../test/queue-fixture';
import { QueueKeys } from '../keys/queue-keys';
import { ResultConsumer } from './result-consumer';

describe('ResultConsumer (real Redis)', () => {
  let f: QueueFixture;
  let consumers: ResultConsumer[];
  const consumer = (name: string, group = 'engine') => {
    const c = new ResultConsumer(f.redis, { pool: 'default', group, consumer: name, prefix: f.prefix });
    consumers.push(c);
    return c;
  };
  beforeEach(() => {
    f = queueFixture('results');
    consumers = [];
  });
  afterEach(async () => {
    await Promise.all(consumers.map((c) => c.close()));
    await f.cleanup();
  });

  async function finishJobs(n: number): Promise<string[]> {
    const ids = await f.queue.enqueueMany(
      'default',
      Array.from({ length: n }, (_, i) => ({ payload: { i }, meta: { workflowId: `wf-${i}` } })),
    );
    const jobs = await f.leases.lease(['default'], 'exec-1', { count: n, leaseMs: 60_000 });
    await f.leases.completeMany(
      'default',
      jobs.map((job) => ({ id: job.id, attempt: job.attempt, output: { doubled: Number(job.payload['i']) * 2 } })),
    );
    return ids;
  }

  it('a group sees every result once, with the output and the meta given at enqueue', async () => {
    const engine = consumer('cp-1');
    await engine.ensureGroup();
    await engine.ensureGroup(); // idempotent
    const ids = await finishJobs(3);
    const results = await engine.read({ count: 10 });
    expect(results.map((r) => [r.jobId, r.outcome, r.attempt, r.output, r.meta])).toEqual([
      [ids[0], 'succeeded', 1, { doubled: 0 }, { workflowId: 'wf-0' }],
      [ids[1], 'succeeded', 1, { doubled: 2 }, { workflowId: 'wf-1' }],
      [ids[2], 'succeeded', 1, { doubled: 4 }, { workflowId: 'wf-2' }],
    ]);
    expect(results[0].at).toBeGreaterThan(0);
    expect(await engine.ack(results.map((r) => r.entryId))).toBe(3);
    expect(await engine.read()).toEqual([]);
  });

  it('results written before the group existed are not lost', async () => {
    await finishJobs(2);
    const late = consumer('cp-late');
    await late.ensureGroup();
    expect(await late.read()).toHaveLength(2);
  });

  it("at-least-once: a consumer that crashed before ack gets its entries again, and a dead consumer's entries can be claimed", async () => {
    const crashed = consumer('cp-crashed');
    await crashed.ensureGroup();
    await finishJobs(4);
    const delivered = await crashed.read({ count: 2 });
    expect(delivered).toHaveLength(2);

    const restarted = consumer('cp-crashed');
    expect((await restarted.readPending()).map((r) => r.entryId)).toEqual(delivered.map((r) => r.entryId));

    const other = consumer('cp-2');
    expect(await other.claimStale({ minIdleMs: 0 })).toHaveLength(2);
    expect(await other.read()).toHaveLength(2);
    expect(await restarted.readPending()).toEqual([]);
  });

  it('a blocking read wakes when a result is appended', async () => {
    const engine = consumer('cp-1');
    await engine.ensureGroup();
    const reading = engine.read({ blockMs: 30_000 });
    await eventually(async () => ((await blockedClients(f)) === 1 ? true : undefined), 'the read to block');
    const [id] = await finishJobs(1);
    expect((await reading).map((r) => r.jobId)).toEqual([id]);
  });

  it('trimming deletes only what every group has acknowledged', async () => {
    const engine = consumer('cp-1');
    const audit = consumer('auditor', 'audit');
    expect(await f.maintenance.trimResults('default')).toBe(0);
    await engine.ensureGroup();
    await audit.ensureGroup();
    await finishJobs(5);
    await engine.ack((await engine.read()).map((r) => r.entryId));
    const auditSeen = await audit.read({ count: 3 });
    await audit.ack(auditSeen.slice(0, 2).map((r) => r.entryId));

    // The audit group still has entry 3 pending and 4-5 undelivered: only 1-2 may go.
    expect(await f.maintenance.trimResults('default')).toBe(2);
    expect((await audit.readPending()).map((r) => r.entryId)).toEqual([auditSeen[2].entryId]);
    expect(await audit.read()).toHaveLength(2);
  });

  it('a group lost with the stream (Redis restarted empty) is recreated by its readers, and results written since are read', async () => {
    const engine = consumer('cp-1');
    await engine.ensureGroup();
    await finishJobs(1);
    const [lost] = await engine.read();
    await f.redis.del(new QueueKeys(f.prefix).pool('default').results);

    // Each group command answers NOGROUP now; each recreates the group and comes back empty instead of failing.
    expect(await engine.ack([lost.entryId])).toBe(0);
    await f.redis.del(new QueueKeys(f.prefix).pool('default').results);
    expect(await engine.claimStale({ minIdleMs: 0 })).toEqual([]);
    await f.redis.del(new QueueKeys(f.prefix).pool('default').results);
    expect(await engine.readPending()).toEqual([]);
    await f.redis.del(new QueueKeys(f.prefix).pool('default').results);
    expect(await engine.read()).toEqual([]);

    const [later] = await finishJobs(1);
    expect((await engine.read()).map((r) => r.jobId)).toEqual([later]);
  });
});
