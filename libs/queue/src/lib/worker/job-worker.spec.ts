import type { JobLeases } from '../leases/job-leases';
import { eventually, queueFixture, type QueueFixture } from '../../test/queue-fixture';
import { JobWorker, type JobHandler } from './job-worker';
import type { SettledListener } from './settlement-buffer';

describe('JobWorker (real Redis)', () => {
  let f: QueueFixture;
  let workers: JobWorker[];
  const worker = (
    handler: JobHandler,
    options: { concurrency?: number; leases?: JobLeases; leaseMs?: number; heartbeatMs?: number; onSettled?: SettledListener } = {},
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
    await f.queue.enqueueMany('default', Array.from({ length: 40 }, (_, n) => ({ payload: { n } })));
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
});
