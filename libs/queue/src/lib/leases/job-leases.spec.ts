import { JobNotFoundError, StaleAttemptError } from '../errors/queue-errors';
import { backoffDelayMs } from '../model/backoff';
import { eventually, queueFixture, ref, sleep, type QueueFixture } from '../../test/queue-fixture';

async function serverTime(f: QueueFixture): Promise<number> {
  const [seconds, micros] = await f.redis.time();
  return Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
}

describe('JobLeases (real Redis)', () => {
  let f: QueueFixture;
  beforeEach(() => (f = queueFixture('leases')));
  afterEach(() => f.cleanup());

  it('leases a batch in one call: highest effective priority first, each under attempt 1', async () => {
    await f.queue.enqueueMany(
      'default',
      [1, 7, 3, 5, 2].map((priority) => ({ payload: { priority }, priority })),
    );
    const jobs = await f.leases.lease(['default'], 'exec-1', { count: 3, leaseMs: 30_000 });
    expect(jobs.map((job) => job.payload)).toEqual([{ priority: 7 }, { priority: 5 }, { priority: 3 }]);
    for (const job of jobs) {
      expect(job).toMatchObject({ pool: 'default', attempt: 1, failures: 0, maxAttempts: 3 });
      expect(job.leaseExpiresAt - job.leasedAt).toBe(30_000);
    }
    expect(await f.queue.stats('default')).toMatchObject({ queued: 2, leased: 3 });
    expect(await f.leases.lease(['default'], 'exec-2', { count: 10, leaseMs: 30_000 })).toHaveLength(2);
    expect(await f.leases.lease(['default'], 'exec-2', { count: 10, leaseMs: 30_000 })).toEqual([]);
  });

  it('an expired lease is redelivered under attempt + 1, and the stale attempt can neither complete nor heartbeat', async () => {
    const id = await f.queue.enqueue('default', { payload: {}, meta: { workflowId: 'wf-1' } });
    const [first] = await f.leases.lease(['default'], 'zombie', { count: 1, leaseMs: 50 });
    expect(await eventually(async () => ((await f.maintenance.reapExpired('default')) === 1 ? true : undefined), 'the lease to expire')).toBe(true);

    const [second] = await f.leases.lease(['default'], 'healthy', { count: 1, leaseMs: 30_000 });
    expect(second).toMatchObject({ id, attempt: 2, failures: 1 });

    await expect(f.leases.complete('default', id, first.attempt, { late: true })).rejects.toBeInstanceOf(StaleAttemptError);
    expect(await f.leases.completeMany('default', [{ id, attempt: first.attempt }])).toEqual(['stale']);
    expect(await f.leases.heartbeat('zombie', [ref(first)], 30_000)).toEqual([{ ...ref(first), status: 'stale' }]);
    await expect(f.leases.fail('default', id, first.attempt, { message: 'late', retryable: true })).rejects.toBeInstanceOf(StaleAttemptError);

    await f.leases.complete('default', id, second.attempt, { done: true });
    await expect(f.leases.complete('default', id, second.attempt)).rejects.toBeInstanceOf(JobNotFoundError);
    const results = await f.results();
    expect(results.map((r) => [r.outcome, r.attempt])).toEqual([
      ['retrying', 1],
      ['succeeded', 2],
    ]);
    expect(results[0].error).toMatchObject({ retryable: true, details: { reason: 'lease_expired', executorId: 'zombie' } });
    expect(results[1]).toMatchObject({ jobId: id, output: { done: true }, meta: { workflowId: 'wf-1' } });
  });

  it('heartbeats extend the leases they still hold', async () => {
    await f.queue.enqueueMany('default', [{ payload: {} }, { payload: {} }]);
    const jobs = await f.leases.lease(['default'], 'exec-1', { count: 2, leaseMs: 300 });
    const beats = await f.leases.heartbeat('exec-1', jobs.map(ref), 60_000);
    expect(beats.map((b) => b.status)).toEqual(['ok', 'ok']);
    expect(beats[0].leaseExpiresAt).toBeGreaterThan(jobs[0].leaseExpiresAt);
    expect((await f.leases.heartbeat('someone-else', jobs.map(ref), 60_000)).map((b) => b.status)).toEqual(['stale', 'stale']);
    // Past the first lease's 300 ms: the time is what is tested (the extended leases must outlive it).
    await sleep(400);
    expect(await f.maintenance.reapExpired('default')).toBe(0);
    expect((await f.queue.stats('default')).leased).toBe(2);
  });

  it('retryable failures wait base * factor^(n-1) scaled by the jitter, then the last attempt dead-letters', async () => {
    const policy = { baseMs: 40, factor: 3, capMs: 200 };
    const executor = f.executor('backoff', { backoff: policy, random: () => 0.75 });
    const id = await f.queue.enqueue('default', { payload: {}, maxAttempts: 4 });
    const delays: number[] = [];
    for (let failures = 1; failures <= 4; failures++) {
      const [job] = await eventually(async () => {
        await f.maintenance.promoteDue('default');
        const leased = await executor.lease(['default'], 'exec-1', { count: 1, leaseMs: 30_000 });
        return leased.length > 0 ? leased : undefined;
      }, `retry ${failures}`);
      expect(job).toMatchObject({ id, attempt: failures, failures: failures - 1 });
      const before = await serverTime(f);
      const outcome = await executor.fail('default', id, job.attempt, { message: `failure ${failures}`, retryable: true });
      const after = await serverTime(f);
      if (failures === 4) {
        expect(outcome).toEqual({ outcome: 'failed' });
        break;
      }
      if (outcome.outcome !== 'retrying') throw new Error(`expected a retry, got ${outcome.outcome}`);
      const expected = backoffDelayMs(failures, policy, 0.75);
      expect(outcome.retryAt).toBeGreaterThanOrEqual(before + expected);
      expect(outcome.retryAt).toBeLessThanOrEqual(after + expected);
      delays.push(expected);
    }
    expect(delays).toEqual([30, 90, 150]);
    expect(await f.queue.getJob('default', id)).toMatchObject({ state: 'dead', failures: 4, lastError: { message: 'failure 4' } });
    expect((await f.results()).map((r) => r.outcome)).toEqual(['retrying', 'retrying', 'retrying', 'failed']);
  });

  it('a permanent failure dead-letters at once', async () => {
    const id = await f.queue.enqueue('default', { payload: {}, maxAttempts: 5 });
    const [job] = await f.leases.lease(['default'], 'exec-1', { count: 1, leaseMs: 30_000 });
    expect(await f.leases.fail('default', id, job.attempt, { message: 'schema violation', retryable: false, details: { field: 'url' } })).toEqual({
      outcome: 'failed',
    });
    const [result] = await f.results();
    expect(result).toMatchObject({ jobId: id, outcome: 'failed', error: { message: 'schema violation', retryable: false, details: { field: 'url' } } });
  });

  it('release gives a job back at once without counting a failure', async () => {
    const id = await f.queue.enqueue('default', { payload: {}, maxAttempts: 1 });
    const [job] = await f.leases.lease(['default'], 'exec-1', { count: 1, leaseMs: 30_000 });
    expect(await f.leases.release('default', id, job.attempt)).toBe('requeued');
    await expect(f.leases.release('default', id, job.attempt)).rejects.toBeInstanceOf(StaleAttemptError);
    const [again] = await f.leases.lease(['default'], 'exec-2', { count: 1, leaseMs: 30_000 });
    expect(again).toMatchObject({ id, attempt: 2, failures: 0 });
    expect(await f.results()).toEqual([]);
  });

  it('requeueLeasesOf takes back at once every job a dead executor held, in every pool, and only those', async () => {
    const g = queueFixture('leases-pools', { pools: ['cpu', 'gpu'] });
    try {
      await g.queue.enqueueMany('cpu', [{ payload: {} }, { payload: {} }, { payload: {} }]);
      await g.queue.enqueueMany('gpu', [{ payload: {} }]);
      const dead = [
        ...(await g.leases.lease(['cpu'], 'pod-a', { count: 2, leaseMs: 60_000 })),
        ...(await g.leases.lease(['gpu'], 'pod-a', { count: 1, leaseMs: 60_000 })),
      ];
      const [alive] = await g.leases.lease(['cpu'], 'pod-b', { count: 1, leaseMs: 60_000 });
      expect(await g.maintenance.requeueLeasesOf('pod-a')).toBe(3);
      expect(await g.queue.stats('cpu')).toMatchObject({ queued: 2, leased: 1 });
      expect(await g.queue.stats('gpu')).toMatchObject({ queued: 1, leased: 0 });
      expect((await g.leases.heartbeat('pod-a', dead.map(ref), 60_000)).map((b) => b.status)).toEqual(['stale', 'stale', 'stale']);
      expect((await g.leases.heartbeat('pod-b', [ref(alive)], 60_000))[0].status).toBe('ok');
      const retried = await g.queue.getJob('cpu', dead[0].id);
      expect(retried).toMatchObject({ state: 'queued', failures: 1 });
      expect((await g.results('cpu'))[0].error?.details).toEqual({ reason: 'executor_lost', executorId: 'pod-a' });
    } finally {
      await g.cleanup();
    }
  });

  it('stalls count toward maxAttempts: a job that keeps killing its executor is dead-lettered', async () => {
    const id = await f.queue.enqueue('default', { payload: {}, maxAttempts: 1 });
    await f.leases.lease(['default'], 'exec-1', { count: 1, leaseMs: 20 });
    await eventually(async () => ((await f.maintenance.reapExpired('default')) === 1 ? true : undefined), 'the lease to expire');
    expect(await f.queue.getJob('default', id)).toMatchObject({ state: 'dead', failures: 1, lastError: { details: { reason: 'lease_expired' } } });
  });

  it('with announceStarts, each lease appends a started result naming the executor', async () => {
    const announcing = f.executor('announcing', { announceStarts: true });
    const id = await f.queue.enqueue('default', { payload: {}, meta: { jobKey: 'fetch' } });
    const [job] = await announcing.lease(['default'], 'pod-7', { count: 1, leaseMs: 30_000 });
    await announcing.complete('default', id, job.attempt);
    expect((await f.results()).map((r) => [r.outcome, r.attempt, r.executorId, r.meta])).toEqual([
      ['started', 1, 'pod-7', { jobKey: 'fetch' }],
      ['succeeded', 1, undefined, { jobKey: 'fetch' }],
    ]);
  });

  it('refuses bad lease arguments by name', async () => {
    await expect(f.leases.lease(['default'], 'exec 1', { count: 1, leaseMs: 1000 })).rejects.toThrow('/executorId must match');
    await expect(f.leases.lease(['default'], 'exec-1', { count: 0, leaseMs: 1000 })).rejects.toThrow('/options/count must be an integer from 1 to 1000');
    await expect(f.leases.lease(['nope'], 'exec-1', { count: 1, leaseMs: 1000 })).rejects.toThrow('unknown pool "nope"');
    await expect(f.leases.complete('default', '1', 1, { big: 'x'.repeat(2 * 1024 * 1024) })).rejects.toMatchObject({ code: 'QUEUE.PAYLOAD_TOO_LARGE' });
  });
});
