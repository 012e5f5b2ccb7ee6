import type { JsonObject } from '@base-shift/core';
import { eventually } from '@base-shift/testing';
import { engineFixture, pinnedTemplate, POOL, type EngineFixture } from '../../test/engine-fixture';
import { WorkflowResultConsumer } from './workflow-result-consumer';

const FLAKY = pinnedTemplate('flaky', { maxAttempts: 2 });
const RECEIPT = pinnedTemplate('receipt', { outputSchema: { type: 'object', properties: { receipt: { type: 'string' } }, required: ['receipt'] } });

const TWO_STEPS = {
  jobs: [
    { id: 'first', templateId: 'flaky' },
    { id: 'second', templateId: 'receipt' },
  ],
};

describe('applying queue results through the engine (real Redis, real queue)', () => {
  let f: EngineFixture;

  beforeEach(() => (f = engineFixture('wf-queue-results', [FLAKY, RECEIPT])));
  afterEach(() => f.cleanup());

  async function failNext(message: string) {
    const [job] = await f.lease();
    const outcome = await f.leases.fail(POOL, job.id, job.attempt, { message, retryable: true });
    await f.applyResults();
    return { job, outcome };
  }

  it('runs a job again after a failed attempt with attempts left, and the workflow goes on', async () => {
    const { workflow } = await f.engine.create(TWO_STEPS);
    const { outcome } = await failNext('connection reset');
    expect(outcome).toMatchObject({ outcome: 'retrying' });
    expect(await f.engine.get(workflow.id)).toMatchObject({ state: 'RUNNING', jobs: [{ state: 'RETRY_WAIT', attempts: 1 }, { state: 'PENDING' }] });

    const [again] = await f.lease();
    expect(again).toMatchObject({ id: `${workflow.id}:first:1`, attempt: 2 });
    await f.leases.complete(POOL, again.id, again.attempt, {});
    await f.applyResults();
    const record = await f.engine.get(workflow.id);
    expect(record.jobs.map((job) => [job.id, job.state, job.attempts])).toEqual([
      ['first', 'SUCCEEDED', 2],
      ['second', 'QUEUED', 0],
    ]);
    expect(record.history.filter((h) => h.jobId === 'first').map((h) => `${h.from}->${h.to}@${h.attempt ?? ''}`)).toEqual([
      'PENDING->QUEUED@',
      'QUEUED->RUNNING@1',
      'RUNNING->RETRY_WAIT@1',
      'RETRY_WAIT->QUEUED@2',
      'QUEUED->RUNNING@2',
      'RUNNING->SUCCEEDED@2',
    ]);
  });

  it('fails the workflow when a job fails with no attempts left, and cancels the jobs after it', async () => {
    const { workflow } = await f.engine.create(TWO_STEPS);
    await failNext('connection reset');
    const { outcome } = await failNext('connection reset again');
    expect(outcome).toEqual({ outcome: 'failed' });

    const record = await f.engine.get(workflow.id);
    expect(record).toMatchObject({ state: 'FAILED', reason: 'job first failed: connection reset again' });
    expect(record.jobs.map((job) => [job.id, job.state])).toEqual([
      ['first', 'FAILED'],
      ['second', 'CANCELLED'],
    ]);
    expect(record.jobs[0].error).toMatchObject({ message: 'connection reset again' });
    expect(await f.queued()).toEqual([]);
  });

  it('fails a job whose output does not match its outputSchema instead of completing it', async () => {
    const { workflow } = await f.engine.create({ jobs: [{ id: 'pay', templateId: 'receipt' }] });
    const [job] = await f.lease();
    await f.leases.complete(POOL, job.id, job.attempt, { receipt: 42 });
    await f.applyResults();
    const record = await f.engine.get(workflow.id);
    expect(record.state).toBe('FAILED');
    expect(record.jobs[0].state).toBe('FAILED');
    expect(record.reason).toContain('output does not match the outputSchema of receipt@1.0.0');
    expect(record.jobs[0].output).toBeUndefined();
  });

  it('ignores a result for a queue job the engine does not know', async () => {
    const { workflow } = await f.engine.create(TWO_STEPS);
    const unknownWorkflow = '0190b6a4-5c1e-7000-8000-000000000001';
    const strangers = ['1234', `${unknownWorkflow}:first:1`, `${workflow.id}:nope:1`];
    for (const queueJobId of strangers) {
      for (const outcome of ['started', 'succeeded', 'failed'] as const) {
        await f.engine.applyQueueResult({ entryId: '1-0', queueJobId, attempt: 1, outcome, output: {}, error: { message: 'boom' } });
      }
    }
    expect(await f.engine.get(workflow.id)).toEqual(workflow);
    expect(await f.redis.keys(`${f.prefix}*${unknownWorkflow}*`)).toEqual([]);
  });

  it('a result consumer applies the results in the background until the workflow completes', async () => {
    const consumer = new WorkflowResultConsumer(f.engine, f.queue, { pools: [POOL], blockMs: 100 });
    consumer.start();
    try {
      const { workflow } = await f.engine.create(TWO_STEPS);
      const outputs: JsonObject[] = [{}, { receipt: 'r-1' }];
      for (const output of outputs) {
        // A blocking lease returns once the engine has queued the next job.
        const [job] = await f.leases.lease([POOL], 'test-executor', { count: 1, leaseMs: 30_000, blockMs: 10_000 });
        await f.leases.complete(POOL, job.id, job.attempt, output);
      }
      const done = await eventually(async () => {
        const record = await f.engine.get(workflow.id);
        return record.state === 'COMPLETED' && record;
      }, 'the workflow to complete');
      expect(done.jobs.map((job) => [job.id, job.state, job.output])).toEqual([
        ['first', 'SUCCEEDED', {}],
        ['second', 'SUCCEEDED', { receipt: 'r-1' }],
      ]);
    } finally {
      await consumer.stop();
    }
  });
});
