import { engineFixture, pinnedTemplate, POOL, type EngineFixture } from '../../test/engine-fixture';
import type { QueueResult } from './engine-ports';

const STEP = pinnedTemplate('step');
const COUNTER = pinnedTemplate('counter', { inputSchema: { type: 'object', properties: { count: { type: 'integer' } }, required: ['count'] } });

const TWO_STEPS = {
  jobs: [
    { id: 'first', templateId: 'step' },
    { id: 'second', templateId: 'step', input: { from: { $from: 'jobs.first.output.value' } } },
  ],
};

describe('WorkflowAdvancer (real Redis, real queue)', () => {
  let f: EngineFixture;

  // Recovery timers due at once: the timer sweeper's pass (reconcileDue) is what a test calls next.
  beforeEach(() => (f = engineFixture('wf-advancer', [STEP, COUNTER], { recoveryDelayMs: 0 })));
  afterEach(() => f.cleanup());

  /** Runs the first job and returns the queue's results for it (started, succeeded), not yet applied. */
  async function firstJobDone(): Promise<{ id: string; started: QueueResult; succeeded: QueueResult }> {
    const { workflow } = await f.engine.create(TWO_STEPS);
    const [job] = await f.lease();
    await f.leases.complete(POOL, job.id, job.attempt, { value: 1 });
    const [started, succeeded] = await f.readResults();
    expect([started.outcome, succeeded.outcome]).toEqual(['started', 'succeeded']);
    return { id: workflow.id, started, succeeded };
  }

  /** The next enqueue reaches the queue, then the process dies before the outbox is acknowledged. */
  function crashAfterNextEnqueue(): void {
    const enqueue = f.queue.enqueue.bind(f.queue);
    jest.spyOn(f.queue, 'enqueue').mockImplementationOnce(async (pool, job) => {
      await enqueue(pool, job);
      throw new Error('the process died before acknowledging the outbox');
    });
  }

  const outbox = (id: string) => f.redis.lrange(f.keys.forWorkflow(id).outbox, 0, -1);
  const queuedIds = async () => (await f.queued()).map((job) => job.id);
  const enqueues = async (id: string, jobId: string) => (await f.engine.get(id)).history.filter((h) => h.jobId === jobId && h.to === 'QUEUED').length;

  it('queues the job a success made ready and empties the outbox', async () => {
    const { id, succeeded } = await firstJobDone();
    const applied = await f.store.applyResult(id, {
      jobId: 'first',
      queueJobId: succeeded.queueJobId,
      attempt: 1,
      outcome: 'succeeded',
      payload: { value: 1 },
    });
    expect(applied.ready).toEqual(['second']);
    expect(await queuedIds()).toEqual([]);

    await f.engine.advancer.settle(id, applied);
    expect(await queuedIds()).toEqual([`${id}:second:1`]);
    expect((await f.queued())[0].payload).toMatchObject({ jobId: 'second', input: { from: 1 } });
    expect(await outbox(id)).toEqual([]);
  });

  it('queues the next job once when the same outcome is settled twice', async () => {
    const { id, succeeded } = await firstJobDone();
    const applied = await f.store.applyResult(id, {
      jobId: 'first',
      queueJobId: succeeded.queueJobId,
      attempt: 1,
      outcome: 'succeeded',
      payload: { value: 1 },
    });
    await f.engine.advancer.settle(id, applied);
    await f.engine.advancer.settle(id, applied);
    expect(await queuedIds()).toEqual([`${id}:second:1`]);
    expect(await enqueues(id, 'second')).toBe(1);
    expect(await outbox(id)).toEqual([]);
  });

  it('carries out an enqueue left unacknowledged by a crash once, when the result is delivered again', async () => {
    const { id, started, succeeded } = await firstJobDone();
    await f.engine.applyQueueResult(started);
    crashAfterNextEnqueue();
    await expect(f.engine.applyQueueResult(succeeded)).rejects.toThrow('the process died');
    expect(await outbox(id)).toHaveLength(1);
    expect(await queuedIds()).toEqual([`${id}:second:1`]);

    // The consumer never acknowledged the result, so it is delivered again.
    await f.engine.applyQueueResult(succeeded);
    expect(await queuedIds()).toEqual([`${id}:second:1`]);
    expect(await enqueues(id, 'second')).toBe(1);
    expect(await outbox(id)).toEqual([]);
  });

  it('does not queue a job again that an executor already ran while its enqueue was unacknowledged', async () => {
    const { id, started, succeeded } = await firstJobDone();
    await f.engine.applyQueueResult(started);
    crashAfterNextEnqueue();
    await expect(f.engine.applyQueueResult(succeeded)).rejects.toThrow('the process died');

    const [second] = await f.lease();
    await f.leases.complete(POOL, second.id, second.attempt, {});
    await f.applyResults();
    expect((await f.engine.get(id)).state).toBe('COMPLETED');

    await f.engine.applyQueueResult(succeeded);
    expect(await f.jobQueue.stats(POOL)).toMatchObject({ queued: 0, leased: 0, delayed: 0, dead: 0 });
    expect(await outbox(id)).toEqual([]);
    expect((await f.engine.get(id)).state).toBe('COMPLETED');
  });

  it('finishes a cancel the process died in the middle of when the timer sweeper looks at the workflow', async () => {
    const { workflow } = await f.engine.create({ jobs: ['a', 'b'].map((id) => ({ id, templateId: 'step', dependsOn: [] })) });
    jest.spyOn(f.queue, 'cancel').mockRejectedValueOnce(new Error('the process died while cancelling'));
    await expect(f.engine.cancel(workflow.id)).rejects.toThrow('the process died');
    expect((await f.engine.get(workflow.id)).state).toBe('CANCELLED');
    expect(await f.queued()).toHaveLength(1);

    expect(await f.engine.reconcileDue()).toBe(1);
    expect(await f.queued()).toEqual([]);
    expect(await outbox(workflow.id)).toEqual([]);
  });

  it('fails a job whose input, resolved from the outputs before it, does not match its inputSchema', async () => {
    const { workflow } = await f.engine.create({
      jobs: [
        { id: 'produce', templateId: 'step' },
        { id: 'consume', templateId: 'counter', input: { count: { $from: 'jobs.produce.output.count' } } },
      ],
    });
    const [job] = await f.lease();
    await f.leases.complete(POOL, job.id, job.attempt, { count: 'three' });
    await f.applyResults();

    const record = await f.engine.get(workflow.id);
    expect(record.state).toBe('FAILED');
    expect(record.jobs.map((j) => j.state)).toEqual(['SUCCEEDED', 'FAILED']);
    expect(record.reason).toContain('input does not match the inputSchema of counter@1.0.0');
    expect(await queuedIds()).toEqual([]);
  });
});
