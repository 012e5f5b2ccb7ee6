import type { JsonValue } from '@base-shift/core';
import { engineFixture, pinnedTemplate, POOL, type EngineFixture } from '../../test/engine-fixture';
import { IdempotencyConflictError, WorkflowValidationError } from '../domain/workflow-errors';

const VALIDATE = pinnedTemplate('validate', { priority: 5, maxAttempts: 2, timeoutSeconds: 30 });
const CHARGE = pinnedTemplate('charge', {
  priority: 1,
  timeoutSeconds: 120,
  inputSchema: { type: 'object', properties: { orderId: { type: 'string' } }, required: ['orderId'] },
});
const ECHO = pinnedTemplate('echo');

const ORDER = {
  priority: 7,
  input: { orderId: 'o-1' },
  jobs: [
    { id: 'check', templateId: 'validate', input: { orderId: { $from: 'input.orderId' } } },
    { id: 'pay', templateId: 'charge', priority: 9, input: { orderId: { $from: 'jobs.check.output.orderId' } } },
  ],
};

describe('WorkflowEngine (real Redis, real queue)', () => {
  let f: EngineFixture;

  beforeEach(() => (f = engineFixture('wf-engine', [VALIDATE, CHARGE, ECHO])));
  afterEach(() => f.cleanup());

  /** One executor step: lease the next job, complete it with `output`, and let the engine apply the results. */
  async function complete(output: JsonValue) {
    const [job] = await f.lease();
    await f.leases.complete(POOL, job.id, job.attempt, output);
    await f.applyResults();
    return job;
  }

  it('queues only the first job of a sequential workflow, with the priority, attempts and timeout it was planned with', async () => {
    const { workflow, created } = await f.engine.create(ORDER);
    expect(created).toBe(true);
    expect(workflow).toMatchObject({ state: 'RUNNING', mode: 'sequential', currentJob: 'check' });
    expect(workflow.jobs.map((job) => [job.id, job.state, job.dependsOn])).toEqual([
      ['check', 'QUEUED', []],
      ['pay', 'PENDING', ['check']],
    ]);
    // Priority comes from the job, else the workflow, else the template.
    expect(await f.queued()).toEqual([
      expect.objectContaining({
        id: `${workflow.id}:check:1`,
        priority: 7,
        maxAttempts: 2,
        payload: { workflowId: workflow.id, jobId: 'check', templateId: 'validate', version: '1.0.0', input: { orderId: 'o-1' }, timeoutSeconds: 30 },
      }),
    ]);
  });

  it('queues each next job once the one before it succeeded, its input resolved from that output, until the workflow completes', async () => {
    const { workflow } = await f.engine.create(ORDER);
    await complete({ orderId: 'o-1', valid: true });
    expect(await f.queued()).toEqual([
      expect.objectContaining({
        id: `${workflow.id}:pay:1`,
        priority: 9,
        maxAttempts: 1,
        payload: expect.objectContaining({ input: { orderId: 'o-1' }, timeoutSeconds: 120 }),
      }),
    ]);
    expect(await f.engine.get(workflow.id)).toMatchObject({ state: 'RUNNING', currentJob: 'pay' });

    await complete({ receipt: 'r-1' });
    const done = await f.engine.get(workflow.id);
    expect(done.state).toBe('COMPLETED');
    expect(done.jobs.map((job) => [job.id, job.state, job.attempts, job.output])).toEqual([
      ['check', 'SUCCEEDED', 1, { orderId: 'o-1', valid: true }],
      ['pay', 'SUCCEEDED', 1, { receipt: 'r-1' }],
    ]);
    expect(await f.queued()).toEqual([]);
  });

  it('queues every job of a DAG without dependencies at once, and a join only once all it depends on succeeded', async () => {
    const { workflow } = await f.engine.create({
      jobs: [
        { id: 'left', templateId: 'echo', dependsOn: [] },
        { id: 'right', templateId: 'echo', dependsOn: [] },
        { id: 'join', templateId: 'echo', dependsOn: ['left', 'right'], input: { l: { $from: 'jobs.left.output.n' }, r: { $from: 'jobs.right.output.n' } } },
      ],
    });
    expect(workflow.mode).toBe('dag');
    expect((await f.queued()).map((job) => job.id).sort()).toEqual([`${workflow.id}:left:1`, `${workflow.id}:right:1`]);

    const [first, second] = await f.lease(2);
    await f.leases.complete(POOL, first.id, first.attempt, { n: first.id.includes(':left:') ? 1 : 2 });
    await f.applyResults();
    expect(await f.queued()).toEqual([]);
    expect((await f.engine.get(workflow.id)).jobs.find((job) => job.id === 'join')?.state).toBe('PENDING');

    await f.leases.complete(POOL, second.id, second.attempt, { n: second.id.includes(':left:') ? 1 : 2 });
    await f.applyResults();
    expect(await f.queued()).toEqual([expect.objectContaining({ id: `${workflow.id}:join:1`, payload: expect.objectContaining({ input: { l: 1, r: 2 } }) })]);
    await complete({});
    expect((await f.engine.get(workflow.id)).state).toBe('COMPLETED');
  });

  it('returns the first workflow for a repeated create with the same Idempotency-Key, queueing nothing again', async () => {
    const first = await f.engine.create(ORDER, 'order-o-1');
    const again = await f.engine.create(ORDER, 'order-o-1');
    expect(again.created).toBe(false);
    expect(again.workflow.id).toBe(first.workflow.id);
    expect(again.workflow.history).toEqual(first.workflow.history);
    expect((await f.queued()).map((job) => job.id)).toEqual([`${first.workflow.id}:check:1`]);
  });

  it('refuses the same Idempotency-Key with another body and leaves the first workflow as it was', async () => {
    const first = await f.engine.create(ORDER, 'order-o-1');
    await expect(f.engine.create({ ...ORDER, priority: 8 }, 'order-o-1')).rejects.toThrow(IdempotencyConflictError);
    expect(await f.engine.get(first.workflow.id)).toEqual(first.workflow);
    expect(await f.queued()).toHaveLength(1);
  });

  it('refuses a request naming an unknown template before writing anything', async () => {
    const refused = f.engine.create({
      jobs: [
        { id: 'a', templateId: 'echo' },
        { id: 'b', templateId: 'nope' },
      ],
    });
    await expect(refused).rejects.toThrow(WorkflowValidationError);
    await expect(refused).rejects.toThrow('no template "nope" exists');
    expect(await f.redis.keys(`${f.prefix}*`)).toEqual([]);
  });

  it('cancelling withdraws the queued jobs and asks the executor of the running one to stop', async () => {
    const { workflow } = await f.engine.create({ jobs: ['a', 'b', 'c'].map((id) => ({ id, templateId: 'echo', dependsOn: id === 'c' ? ['a', 'b'] : [] })) });
    const [running] = await f.lease();
    const cancelled = await f.engine.cancel(workflow.id, 'the customer withdrew the order');
    expect(cancelled).toMatchObject({ state: 'CANCELLED', reason: 'the customer withdrew the order' });
    expect(cancelled.jobs.map((job) => job.state)).toEqual(['CANCELLED', 'CANCELLED', 'CANCELLED']);
    expect(await f.queued()).toEqual([]);
    expect(await f.jobQueue.getJob(POOL, running.id)).toMatchObject({ state: 'leased', lease: expect.objectContaining({ cancelRequested: true }) });

    // The executor learns it on its next heartbeat and stops; its reports move nothing.
    const [beat] = await f.leases.heartbeat('test-executor', [{ pool: POOL, id: running.id, attempt: running.attempt }], 30_000);
    expect(beat.status).toBe('cancelled');
    expect(await f.leases.fail(POOL, running.id, running.attempt, { message: 'stopped', retryable: true })).toEqual({ outcome: 'cancelled' });
    await f.applyResults();
    const after = await f.engine.get(workflow.id);
    expect(after.state).toBe('CANCELLED');
    expect(after.jobs.map((job) => job.state)).toEqual(['CANCELLED', 'CANCELLED', 'CANCELLED']);
    expect(after.history).toEqual(cancelled.history);
  });
});
