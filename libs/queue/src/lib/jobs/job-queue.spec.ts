import { InvalidArgumentError, InvalidPriorityError, JobNotFoundError, JobStateError, PayloadTooLargeError, UnknownPoolError } from '../errors/queue-errors';
import { ResultConsumer } from '../results/result-consumer';
import { eventually, queueFixture, ref, type QueueFixture } from '../../test/queue-fixture';

describe('JobQueue (real Redis)', () => {
  let f: QueueFixture;
  beforeEach(() => (f = queueFixture('jobs', { pools: ['default', 'gpu'], queue: { maxPayloadBytes: 1000 } })));
  afterEach(() => f.cleanup());

  describe('bad input is refused with an error naming the field, and nothing is enqueued', () => {
    it.each([
      ['a non-finite priority', { payload: {}, priority: Number.NaN }, InvalidPriorityError, '/jobs/1/priority must be a finite number'],
      ['an infinite priority', { payload: {}, priority: Infinity }, InvalidPriorityError, '/jobs/1/priority'],
      ['a priority beyond 1e9', { payload: {}, priority: 2e9 }, InvalidPriorityError, 'between -1e9 and 1e9'],
      ['an oversize payload', { payload: { blob: 'x'.repeat(1000) } }, PayloadTooLargeError, '/jobs/1/payload is 1011 bytes of JSON; at most 1000'],
      ['a payload that is not an object', { payload: [1, 2] }, InvalidArgumentError, '/jobs/1/payload must be a JSON object (got an array)'],
      ['an all-digit caller id', { id: '123', payload: {} }, InvalidArgumentError, '/jobs/1/id must not be all digits'],
      ['an id with a space', { id: 'a b', payload: {} }, InvalidArgumentError, '/jobs/1/id must be 1-200 printable ASCII'],
      ['maxAttempts 0', { payload: {}, maxAttempts: 0 }, InvalidArgumentError, '/jobs/1/maxAttempts must be an integer from 1 to 1000'],
      ['a createdAt before 2020', { payload: {}, createdAt: new Date('2019-12-31') }, InvalidArgumentError, '/jobs/1/createdAt'],
    ])('%s', async (_, bad, errorClass, message) => {
      const call = f.queue.enqueueMany('default', [{ payload: { fine: true } }, bad as never]);
      await expect(call).rejects.toBeInstanceOf(errorClass);
      await expect(call).rejects.toThrow(message);
      expect((await f.queue.stats('default')).queued).toBe(0);
    });

    it('an unknown pool', async () => {
      await expect(f.queue.enqueue('cpu-large', { payload: {} })).rejects.toThrow(new UnknownPoolError('cpu-large', ['default', 'gpu']));
      await expect(f.queue.enqueue('cpu-large', { payload: {} })).rejects.toMatchObject({ code: 'QUEUE.UNKNOWN_POOL' });
    });

    it('the same caller id twice in one call', async () => {
      const call = f.queue.enqueueMany('default', [
        { id: 'a', payload: {} },
        { id: 'a', payload: {} },
      ]);
      await expect(call).rejects.toThrow('/jobs/1/id repeats "a"');
      await expect(call).rejects.toMatchObject({ code: 'QUEUE.INVALID_ARGUMENT', field: '/jobs/1/id' });
      expect((await f.queue.stats('default')).queued).toBe(0);
    });
  });

  it('enqueueing a live caller id again is a no-op, and the id is free again once the job is done', async () => {
    expect(await f.queue.enqueue('default', { id: 'wf-1.step-a', payload: { n: 1 } })).toBe('wf-1.step-a');
    expect(await f.queue.enqueue('default', { id: 'wf-1.step-a', payload: { n: 2 } })).toBe('wf-1.step-a');
    expect((await f.queue.stats('default')).queued).toBe(1);

    const [job] = await f.leases.lease(['default'], 'exec-1', { count: 1, leaseMs: 60_000 });
    expect(await f.queue.enqueue('default', { id: 'wf-1.step-a', payload: { n: 3 } })).toBe('wf-1.step-a');
    expect(job.payload).toEqual({ n: 1 });
    await f.leases.complete('default', job.id, job.attempt);

    await f.queue.enqueue('default', { id: 'wf-1.step-a', payload: { n: 4 } });
    expect((await f.queue.getJob('default', 'wf-1.step-a'))?.payload).toEqual({ n: 4 });
  });

  it("generated ids are the pool's sequence numbers", async () => {
    expect(await f.queue.enqueueMany('default', [{ payload: {} }, { payload: {} }])).toEqual(['1', '2']);
    expect(await f.queue.enqueue('gpu', { payload: {} })).toBe('1');
  });

  it('getJob shows the state, attempts, timestamps and the effective priority (base + 0.1 per second waited)', async () => {
    const createdAt = Date.now() - 30_000;
    const id = await f.queue.enqueue('default', { payload: { url: 'https://example.test' }, priority: 2, createdAt, meta: { workflowId: 'wf-9' } });
    const queued = await f.queue.getJob('default', id);
    expect(queued).toMatchObject({ id, pool: 'default', state: 'queued', priority: 2, createdAt, attempt: 0, failures: 0, maxAttempts: 3 });
    expect(queued?.payload).toEqual({ url: 'https://example.test' });
    expect(queued?.meta).toEqual({ workflowId: 'wf-9' });
    expect(queued?.effectivePriority).toBeCloseTo(2 + (0.1 * ((queued?.observedAt ?? 0) - createdAt)) / 1000, 9);
    expect(queued?.effectivePriority).toBeGreaterThanOrEqual(5);

    const [job] = await f.leases.lease(['default'], 'exec-7', { count: 1, leaseMs: 60_000 });
    const leased = await f.queue.getJob('default', id);
    expect(leased).toMatchObject({
      state: 'leased',
      attempt: 1,
      lease: { executorId: 'exec-7', leasedAt: job.leasedAt, expiresAt: job.leaseExpiresAt, cancelRequested: false },
    });

    await f.leases.fail('default', id, 1, { message: 'upstream 503', retryable: true, details: { status: 503 } });
    const delayed = await f.queue.getJob('default', id);
    expect(delayed).toMatchObject({
      state: 'delayed',
      attempt: 1,
      failures: 1,
      lastError: { message: 'upstream 503', retryable: true, details: { status: 503 } },
    });
    expect(delayed?.retryAt).toBeGreaterThanOrEqual(delayed?.observedAt ?? Infinity);

    expect(await f.queue.getJob('default', 'no-such-job')).toBeUndefined();
  });

  it('leaseHolders counts the leases each executor holds; an executor that holds none is absent', async () => {
    expect(await f.queue.leaseHolders('default')).toEqual(new Map());
    await f.queue.enqueueMany(
      'default',
      Array.from({ length: 4 }, (_, i) => ({ payload: { i } })),
    );
    await f.queue.enqueue('gpu', { payload: {} });
    await f.leases.lease(['default'], 'pod-a', { count: 3, leaseMs: 60_000 });
    const [last] = await f.leases.lease(['default'], 'pod-b', { count: 1, leaseMs: 60_000 });
    await f.leases.lease(['gpu'], 'pod-c', { count: 1, leaseMs: 60_000 });
    expect(await f.queue.leaseHolders('default')).toEqual(
      new Map([
        ['pod-a', 3],
        ['pod-b', 1],
      ]),
    );

    await f.leases.complete('default', last.id, last.attempt);
    expect(await f.queue.leaseHolders('default')).toEqual(new Map([['pod-a', 3]]));
    expect(await f.queue.leaseHolders('gpu')).toEqual(new Map([['pod-c', 1]]));
  });

  it('listJobs pages through each state: queued in pop order, dead newest first', async () => {
    const ids = await f.queue.enqueueMany(
      'default',
      [3, 1, 4, 1, 5, 9, 2].map((priority) => ({ payload: { priority }, priority })),
    );
    const first = await f.queue.listJobs('default', 'queued', { limit: 3 });
    expect(first.total).toBe(7);
    expect(first.jobs.map((j) => j.priority)).toEqual([9, 5, 4]);
    const second = await f.queue.listJobs('default', 'queued', { limit: 3, cursor: first.nextCursor });
    expect(second.jobs.map((j) => j.priority)).toEqual([3, 2, 1]);
    const last = await f.queue.listJobs('default', 'queued', { limit: 3, cursor: second.nextCursor });
    expect(last.jobs.map((j) => j.id)).toEqual([ids[3]]);
    expect(last.nextCursor).toBeUndefined();

    const leased = await f.leases.lease(['default'], 'exec-1', { count: 2, leaseMs: 60_000 });
    for (const job of leased) await f.leases.fail('default', job.id, job.attempt, { message: 'bad input', retryable: false });
    const dead = await f.queue.listJobs('default', 'dead');
    expect(dead.jobs.map((j) => j.state)).toEqual(['dead', 'dead']);
    expect(dead.jobs[0].deadAt).toBeGreaterThanOrEqual(dead.jobs[1].deadAt ?? Infinity);
    expect((await f.queue.listJobs('default', 'leased')).total).toBe(0);
    await expect(f.queue.listJobs('default', 'queued', { cursor: 'abc' })).rejects.toThrow('/page/cursor must be a cursor returned by listJobs');
  });

  it('stats counts every state and how long the oldest queued job has waited', async () => {
    const old = Date.now() - 90_000;
    await f.queue.enqueueMany('default', [
      { payload: {}, createdAt: old, priority: -5 },
      { payload: {}, priority: 10 },
      { payload: {}, priority: 9 },
      { payload: {}, priority: 8, maxAttempts: 1 },
    ]);
    const [a, b, c] = await f.leases.lease(['default'], 'exec-1', { count: 3, leaseMs: 60_000 });
    await f.leases.fail('default', b.id, b.attempt, { message: 'later', retryable: true });
    await f.leases.fail('default', c.id, c.attempt, { message: 'no', retryable: true });
    expect(a.priority).toBe(10);

    const stats = await f.queue.stats('default');
    expect(stats).toMatchObject({ pool: 'default', queued: 1, leased: 1, delayed: 1, dead: 1, oldestQueuedAt: Math.floor(old / 1000) * 1000 });
    expect(stats.oldestWaitSeconds).toBeGreaterThanOrEqual(90);
    expect(await f.queue.stats('gpu')).toMatchObject({ queued: 0, leased: 0, delayed: 0, dead: 0, oldestWaitSeconds: 0 });
    expect((await f.queue.stats('gpu')).oldestQueuedAt).toBeUndefined();
  });

  describe('cancel', () => {
    it('removes a queued job with a cancelled result', async () => {
      const [keep, drop] = await f.queue.enqueueMany('default', [{ payload: {} }, { id: 'drop-me', payload: {}, meta: { wf: 'w1' } }]);
      expect(await f.queue.cancel('default', drop)).toBe('cancelled');
      expect(await f.queue.getJob('default', drop)).toBeUndefined();
      expect((await f.queue.stats('default')).queued).toBe(1);
      expect((await f.leases.lease(['default'], 'e', { count: 5, leaseMs: 1000 })).map((j) => j.id)).toEqual([keep]);
      expect((await f.results()).map((r) => [r.jobId, r.outcome, r.meta])).toEqual([['drop-me', 'cancelled', { wf: 'w1' }]]);
    });

    it('finds a queued job among many enqueued in the same millisecond with the same priority', async () => {
      const ids = await f.queue.enqueueMany(
        'default',
        Array.from({ length: 300 }, (_, i) => ({ id: `same-${i}`, payload: {} })),
      );
      for (const id of [ids[0], ids[150], ids[299], ids[77]]) expect(await f.queue.cancel('default', id)).toBe('cancelled');
      expect((await f.queue.stats('default')).queued).toBe(296);
      expect((await f.queue.getJob('default', ids[200]))?.state).toBe('queued');
    });

    it('flags a leased job: its heartbeat reports cancelled and failing it drops it', async () => {
      const id = await f.queue.enqueue('default', { payload: {} });
      const [job] = await f.leases.lease(['default'], 'exec-1', { count: 1, leaseMs: 60_000 });
      expect(await f.queue.cancel('default', id)).toBe('cancel_requested');
      expect((await f.queue.getJob('default', id))?.lease?.cancelRequested).toBe(true);
      expect((await f.leases.heartbeat('exec-1', [ref(job)], 60_000))[0].status).toBe('cancelled');
      expect(await f.leases.fail('default', id, job.attempt, { message: 'aborted', retryable: true })).toEqual({ outcome: 'cancelled' });
      expect(await f.queue.getJob('default', id)).toBeUndefined();
      expect((await f.results()).map((r) => r.outcome)).toEqual(['cancelled']);
    });

    it('removes a delayed job, and a dead-lettered one without a second result', async () => {
      const [retrying, dying] = await f.queue.enqueueMany('default', [{ payload: {}, priority: 1 }, { payload: {} }]);
      const [a, b] = await f.leases.lease(['default'], 'exec-1', { count: 2, leaseMs: 60_000 });
      await f.leases.fail('default', a.id, a.attempt, { message: 'retry me', retryable: true });
      await f.leases.fail('default', b.id, b.attempt, { message: 'fatal', retryable: false });
      expect(await f.queue.cancel('default', retrying)).toBe('cancelled');
      expect(await f.queue.cancel('default', dying)).toBe('cancelled');
      expect(await f.queue.stats('default')).toMatchObject({ delayed: 0, dead: 0 });
      expect((await f.results()).map((r) => `${r.jobId}:${r.outcome}`)).toEqual([`${retrying}:retrying`, `${dying}:failed`, `${retrying}:cancelled`]);
      expect(await f.queue.cancel('default', dying)).toBe('not_found');
    });
  });

  it('a dead-lettered job can be requeued by hand, with its failures reset', async () => {
    const id = await f.queue.enqueue('default', { payload: { x: 1 }, maxAttempts: 2 });
    const executor = f.executor('quick-retries', { backoff: { baseMs: 20, factor: 1, capMs: 20 } });
    for (let i = 0; i < 2; i++) {
      if (i > 0) await eventually(async () => ((await f.maintenance.promoteDue('default')) > 0 ? true : undefined), 'the retry to be due');
      const [job] = await executor.lease(['default'], 'exec-1', { count: 1, leaseMs: 60_000 });
      await executor.fail('default', id, job.attempt, { message: `try ${i}`, retryable: true });
    }
    expect(await f.queue.getJob('default', id)).toMatchObject({ state: 'dead', failures: 2, lastError: { message: 'try 1' } });
    await expect(f.queue.requeueDead('default', 'nope')).rejects.toBeInstanceOf(JobNotFoundError);

    await f.queue.requeueDead('default', id);
    expect(await f.queue.getJob('default', id)).toMatchObject({ state: 'queued', failures: 0, attempt: 2 });
    await expect(f.queue.requeueDead('default', id)).rejects.toBeInstanceOf(JobStateError);
    const [again] = await f.leases.lease(['default'], 'exec-1', { count: 1, leaseMs: 60_000 });
    expect(again).toMatchObject({ id, attempt: 3, failures: 0, payload: { x: 1 } });
  });

  it('a dead-lettered job can be purged, and only a dead-lettered one', async () => {
    const id = await f.queue.enqueue('default', { payload: { card: '4111111111111111' }, maxAttempts: 1 });
    const queued = await f.queue.enqueue('default', { payload: { x: 2 }, priority: -5 });
    const [job] = await f.leases.lease(['default'], 'exec-1', { count: 1, leaseMs: 60_000 });
    expect(job.id).toBe(id);
    await f.leases.fail('default', id, job.attempt, { message: 'declined', retryable: false });
    expect(await f.queue.stats('default')).toMatchObject({ dead: 1 });

    await expect(f.queue.purgeDead('default', queued)).rejects.toBeInstanceOf(JobStateError);
    await f.queue.purgeDead('default', id);
    expect(await f.queue.getJob('default', id)).toBeUndefined();
    expect(await f.queue.stats('default')).toMatchObject({ queued: 1, dead: 0 });
    await expect(f.queue.purgeDead('default', id)).rejects.toBeInstanceOf(JobNotFoundError);
  });

  it('stats count the results the engine has not applied yet: never delivered plus delivered and unacknowledged', async () => {
    expect((await f.queue.stats('default')).unappliedResults).toBe(0);
    const consumer = new ResultConsumer(f.redis, { pool: 'default', group: 'engine', consumer: 'cp-1', prefix: f.prefix });
    await consumer.ensureGroup();
    for (const id of ['a', 'b', 'c']) await f.queue.enqueue('default', { id, payload: {} });
    const leased = await f.leases.lease(['default'], 'exec-1', { count: 3, leaseMs: 60_000 });
    await f.leases.completeMany(
      'default',
      leased.map((job) => ({ id: job.id, attempt: job.attempt, output: {} })),
    );
    // 3 'succeeded' results: none delivered to the group yet.
    expect((await f.queue.stats('default')).unappliedResults).toBe(3);
    const read = await consumer.read({ count: 2 });
    expect((await f.queue.stats('default')).unappliedResults).toBe(3);
    await consumer.ack(read.map((result) => result.entryId));
    expect((await f.queue.stats('default')).unappliedResults).toBe(1);
  });
});
