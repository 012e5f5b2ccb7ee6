import type { JobLeases } from '../leases/job-leases';
import { eventually, queueFixture, type QueueFixture } from '../../test/queue-fixture';
import { JobWorker, type JobHandler, type JobWorkerOptions } from './job-worker';
import type { SettledListener } from './settlement-buffer';

describe('JobWorker (real Redis)', () => {
  let f: QueueFixture;
  let workers: JobWorker[];
  const worker = (
    handler: JobHandler,
    options: { concurrency?: number; leases?: JobLeases; leaseMs?: number; heartbeatMs?: number; onSettled?: SettledListener } & Pick<
      JobWorkerOptions,
      'timeoutMs' | 'abortReason' | 'onHeartbeatFailure'
    > = {},
  ) => {
    const w = new JobWorker(options.leases ?? f.leases, {
      pools: f.pools,
      executorId: 'worker-1',
      concurrency: options.concurrency ?? 4,
      leaseMs: options.leaseMs ?? 30_000,
      heartbeatMs: options.heartbeatMs,
      blockMs: 1_000,
      handler,
      onSettled: options.onSettled,
      timeoutMs: options.timeoutMs,
      abortReason: options.abortReason,
      onHeartbeatFailure: options.onHeartbeatFailure,
    });
    workers.push(w);
    w.start();
    return w;
  };
  beforeEach(() => {
    f = queueFixture('worker');
    workers = [];
  });
  afterEach(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    await f.cleanup();
  });

  const finished = (n: number) =>
    eventually(async () => {
      const results = (await f.results()).filter((r) => r.outcome !== 'retrying');
      return results.length >= n ? results : undefined;
    }, `${n} final results`);

  it('runs jobs up to its concurrency and reports each output', async () => {
    let running = 0;
    let peak = 0;
    const settled: string[] = [];
    const w = worker(
      async (job) => {
        peak = Math.max(peak, ++running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running--;
        return { doubled: Number(job.payload['n']) * 2 };
      },
      { concurrency: 5, onSettled: (_job, outcome) => settled.push(outcome) },
    );
    await f.queue.enqueueMany(
      'default',
      Array.from({ length: 40 }, (_, n) => ({ payload: { n } })),
    );
    const results = await finished(40);
    await w.stop();
    expect(settled).toEqual(Array(40).fill('succeeded'));
    expect(results.every((r) => r.outcome === 'succeeded')).toBe(true);
    expect(results.map((r) => (r.output as { doubled: number }).doubled).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, n) => n * 2));
    expect(peak).toBe(5);
  });

  it('a thrown error fails the attempt: retryable ones retry, others are dead-lettered', async () => {
    const leases = f.executor('no-backoff', { backoff: { baseMs: 0, factor: 1, capMs: 0 } });
    worker(
      (job) => {
        if (job.payload['kind'] === 'flaky' && job.attempt === 1) throw new Error('timeout talking to upstream');
        if (job.payload['kind'] === 'bad') throw Object.assign(new Error('invalid input'), { retryable: false });
        return { ok: job.attempt };
      },
      { leases },
    );
    const [flaky, bad] = await f.queue.enqueueMany('default', [{ payload: { kind: 'flaky' } }, { payload: { kind: 'bad' } }]);
    const results = await finished(2);
    expect(results.find((r) => r.jobId === flaky)).toMatchObject({ outcome: 'succeeded', attempt: 2, output: { ok: 2 } });
    expect(results.find((r) => r.jobId === bad)).toMatchObject({ outcome: 'failed', error: { message: 'invalid input', retryable: false } });
  });

  it('a cancel reaches the running handler through its signal', async () => {
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    worker(
      (_job, { signal }) =>
        new Promise((_, reject) => {
          started();
          signal.addEventListener('abort', () => reject(new Error(`aborted: ${String(signal.reason)}`)));
        }),
      { leaseMs: 600, heartbeatMs: 50 },
    );
    const id = await f.queue.enqueue('default', { payload: {} });
    await running;
    expect(await f.queue.cancel('default', id)).toBe('cancel_requested');
    const [result] = await finished(1);
    expect(result).toMatchObject({ jobId: id, outcome: 'cancelled' });
  });

  it('stop() waits for the grace period, then hands unfinished jobs back without counting a failure', async () => {
    const w = worker((job, { signal }) =>
      job.payload['slow'] ? new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('shutdown')))) : { fast: true },
    );
    const [fast, slow] = await f.queue.enqueueMany('default', [{ payload: { slow: false } }, { payload: { slow: true } }]);
    await eventually(async () => ((await f.queue.getJob('default', slow))?.state === 'leased' ? true : undefined), 'the slow job to start');
    await finished(1);
    await w.stop(50);
    expect(await f.queue.getJob('default', slow)).toMatchObject({ state: 'queued', attempt: 1, failures: 0 });
    expect((await f.results()).map((r) => [r.jobId, r.outcome])).toEqual([[fast, 'succeeded']]);
  });

  it('a job past its time limit is aborted with the reason abortReason makes of it, and settles once', async () => {
    const leases = f.executor('no-backoff-timeout', { backoff: { baseMs: 0, factor: 1, capMs: 0 } });
    const settled: Array<[string, string | undefined]> = [];
    worker(
      (job, { signal }) =>
        job.attempt === 1 ? new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason))) : { finished: job.attempt },
      {
        leases,
        timeoutMs: (job) => (job.attempt === 1 ? 50 : undefined),
        abortReason: (reason) => Object.assign(new Error(`stopped: ${reason}`), { retryable: true }),
        onSettled: (_job, outcome, error) => settled.push([outcome, (error as Error | undefined)?.message]),
      },
    );
    const id = await f.queue.enqueue('default', { payload: {}, maxAttempts: 2 });
    const [result] = await finished(1);
    expect(result).toMatchObject({ jobId: id, outcome: 'succeeded', attempt: 2, output: { finished: 2 } });
    const retry = (await f.results()).find((r) => r.outcome === 'retrying');
    expect(retry?.error).toMatchObject({ message: 'stopped: timed_out' });
    expect(settled).toEqual([
      ['retrying', 'stopped: timed_out'],
      ['succeeded', undefined],
    ]);
  });

  it('a lease taken away is reported by the next heartbeat: the handler is aborted and nothing is completed', async () => {
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const failures: Array<[string, string[]]> = [];
    const settled: string[] = [];
    const reasons: unknown[] = [];
    worker(
      (_job, { signal }) =>
        new Promise((_, reject) => {
          started();
          signal.addEventListener('abort', () => {
            reasons.push(signal.reason);
            reject(new Error('aborted'));
          });
        }),
      {
        leaseMs: 600,
        heartbeatMs: 50,
        onHeartbeatFailure: (reason, jobs) => failures.push([reason, jobs.map((job) => job.id)]),
        onSettled: (_job, outcome) => settled.push(outcome),
      },
    );
    const id = await f.queue.enqueue('default', { payload: {} });
    await running;
    // What the pod health monitor does when it decides this executor is dead.
    await f.maintenance.requeueLeasesOf('worker-1');
    await eventually(async () => (settled.length > 0 ? true : undefined), 'the job to settle');
    expect(failures).toEqual([['lost', [id]]]);
    expect(reasons).toEqual(['lease_lost']);
    expect(settled).toEqual(['lease_lost']);
    // The requeued job is a new attempt, which this (still idle) worker may well lease again itself.
    expect(await f.queue.getJob('default', id)).toMatchObject({ attempt: 2 });
    // Attempt 1's only result is the requeue's own; the aborted handler reported nothing.
    expect((await f.results()).filter((r) => r.jobId === id && r.attempt === 1).map((r) => [r.outcome, r.error?.details])).toEqual([
      ['retrying', { executorId: 'worker-1', reason: 'executor_lost' }],
    ]);
  });
});
