import { isolatedRedis, type IsolatedRedis } from '@base-shift/testing';
import { WorkflowIndex } from './workflow-index';
import { WorkflowKeys } from './workflow-keys';
import type { JobResult, NewWorkflow } from './store-inputs';
import { WorkflowStore } from './workflow-store';
import { WorkflowTimers } from './workflow-timers';

function twoJobs(id: string): NewWorkflow {
  const job = (jobId: string, dependsOn: string[]) => ({
    id: jobId,
    templateId: 'tpl',
    version: '1.0.0',
    templateHash: 'h',
    pool: 'default',
    priority: 0,
    maxAttempts: 3,
    timeoutSeconds: 60,
    dependsOn,
    input: {},
  });
  return {
    id,
    requestHash: 'r',
    mode: 'sequential',
    input: {},
    retentionSeconds: 60,
    createdAt: Date.now(),
    templates: [],
    jobs: [job('a', []), job('b', ['a'])],
  };
}

describe('applying queue results (real Redis)', () => {
  let env: IsolatedRedis;
  let store: WorkflowStore;
  let keys: WorkflowKeys;

  beforeEach(async () => {
    env = isolatedRedis('wf-results');
    keys = new WorkflowKeys(env.prefix);
    store = new WorkflowStore(env.redis, keys);
  });
  afterEach(() => env.cleanup());

  async function started(id: string) {
    await store.create(twoJobs(id));
    return store.enqueueReady(id, [{ jobId: 'a', input: {} }]);
  }
  const result = (outcome: JobResult['outcome'], attempt = 1, payload: JobResult['payload'] = null): JobResult => ({
    jobId: 'a',
    queueJobId: 'w1:a:1',
    attempt,
    outcome,
    payload,
    at: 1_000_000,
  });

  it("orders an attempt's 'started' before its outcome, whatever order they are applied in", async () => {
    await started('w1');
    expect(await store.applyResult('w1', result('succeeded', 1, { ok: true }))).toMatchObject({ applied: true, ready: ['b'] });
    expect(await store.applyResult('w1', result('started', 1))).toMatchObject({ applied: false, note: 'duplicate' });
    const record = await store.read('w1');
    expect(record?.jobs[0]).toMatchObject({ state: 'SUCCEEDED', startedAt: 1_000_000 });
  });

  it("moves a job to RUNNING on 'started' with a deadline of startedAt + timeoutSeconds", async () => {
    await started('w1');
    const outcome = await store.applyResult('w1', result('started'));
    expect(outcome).toMatchObject({ applied: true, nextDeadline: 1_060_000 });
    expect((await store.read('w1'))?.jobs[0]).toMatchObject({ state: 'RUNNING', attempts: 1, deadlineAt: 1_060_000 });
  });

  it('drops an enqueue op from the outbox once the queue reported the job, instead of enqueueing it again', async () => {
    const first = await started('w1');
    expect(first.ops.map((op) => op.kind)).toEqual(['enqueue']);
    // The ack of the op was lost (a crash), but the queue already reported a start.
    const later = await store.applyResult('w1', result('started'));
    expect(later.ops).toEqual([]);
    expect(await env.redis.llen(keys.forWorkflow('w1').outbox)).toBe(0);
  });

  it('tells what an applied result did to the job (for metrics), and nothing for a duplicate', async () => {
    const queued = await started('w1');
    const queuedAt = Number(await env.redis.hget(keys.job('w1', 'a'), 'queuedAt'));
    expect(queued.moves).toEqual([{ from: 'INITIALIZED', to: 'RUNNING' }]);

    const start = await store.applyResult('w1', { ...result('started'), at: queuedAt + 250 });
    expect(start.job).toEqual({
      from: 'QUEUED',
      to: 'RUNNING',
      started: true,
      templateId: 'tpl',
      pool: 'default',
      queuedAt,
      startedAt: queuedAt + 250,
      at: queuedAt + 250,
    });
    expect(start.moves).toEqual([]);

    const retry = await store.applyResult('w1', { ...result('retrying', 1, { message: 'boom' }), at: queuedAt + 1250 });
    expect(retry.job).toMatchObject({ from: 'RUNNING', to: 'RETRY_WAIT', started: false, startedAt: queuedAt + 250, at: queuedAt + 1250 });

    // The second attempt's outcome arrives without its 'started': the job passes through RUNNING in the same step.
    const done = await store.applyResult('w1', { ...result('succeeded', 2, { ok: true }), at: queuedAt + 3000 });
    expect(done.job).toMatchObject({ from: 'RETRY_WAIT', to: 'SUCCEEDED', started: true, startedAt: queuedAt + 3000 });
    expect(await store.applyResult('w1', { ...result('succeeded', 2, { ok: true }), at: queuedAt + 3000 })).toMatchObject({
      applied: false,
      note: 'duplicate',
    });
    expect((await store.applyResult('w1', result('succeeded', 2, { ok: true }))).job).toBeUndefined();
  });

  it('lists every workflow move of one step, in order', async () => {
    await started('w1');
    const failed = await store.applyResult('w1', { ...result('failed'), payload: { message: 'card declined' }, reason: 'card declined' });
    expect(failed.moves).toEqual([{ from: 'RUNNING', to: 'FAILED' }]);
    expect(failed.job).toMatchObject({ from: 'QUEUED', to: 'FAILED', started: true });
  });

  it('fails the workflow when the queue reports the job cancelled by someone else', async () => {
    await started('w1');
    const outcome = await store.applyResult('w1', {
      ...result('cancelled'),
      payload: { message: 'cancelled by an operator' },
      reason: 'cancelled by an operator',
    });
    expect(outcome.state).toBe('FAILED');
    expect((await store.read('w1'))?.reason).toBe('job a was cancelled in the queue: cancelled by an operator');
  });
});

describe('workflow timers (real Redis)', () => {
  let env: IsolatedRedis;
  let timers: WorkflowTimers;

  beforeEach(() => {
    env = isolatedRedis('wf-timers');
    timers = new WorkflowTimers(env.redis, new WorkflowKeys(env.prefix));
  });
  afterEach(() => env.cleanup());

  it('lets one claimer at a time look at a due workflow, and keeps an earlier time set meanwhile', async () => {
    await timers.arm('w1', Date.now() - 10);
    await timers.arm('w1', Date.now() + 60_000); // LT: a later time never postpones a due one
    const [claim] = await timers.claim(30_000, 10);
    expect(claim.workflowId).toBe('w1');
    expect(await timers.claim(30_000, 10)).toEqual([]);

    await timers.arm('w1', Date.now() + 1000); // an API call asks for an earlier look
    await timers.settle(claim, null);
    expect(await timers.dueAt('w1')).not.toBeNull();

    await timers.arm('w1', Date.now() - 10);
    const [again] = await timers.claim(30_000, 10);
    await timers.settle(again, null);
    expect(await timers.dueAt('w1')).toBeNull();
  });
});

describe('workflow index (real Redis)', () => {
  let env: IsolatedRedis;

  beforeEach(() => (env = isolatedRedis('wf-index')));
  afterEach(() => env.cleanup());

  it('skips and repairs an entry whose state index is stale, and skips entries without a workflow', async () => {
    const keys = new WorkflowKeys(env.prefix);
    const store = new WorkflowStore(env.redis, keys);
    const index = new WorkflowIndex(env.redis, keys);
    await index.add('w1', 1000);
    await store.create({ ...twoJobs('w1'), createdAt: 1000 });
    await index.syncState('w1', 'RUNNING', 1000); // stale: the workflow is INITIALIZED
    await index.add('ghost', 2000); // its creator died before writing it

    expect((await index.list({ limit: 10 })).items.map((w) => w.id)).toEqual(['w1']);
    expect((await index.list({ state: 'RUNNING', limit: 10 })).items).toEqual([]);
    expect((await index.list({ state: 'INITIALIZED', limit: 10 })).items.map((w) => w.id)).toEqual(['w1']);
    expect(await env.redis.zscore(keys.stateIndex('RUNNING'), 'w1')).toBeNull();
  });

  it('counts workflows per state from the state indexes', async () => {
    const index = new WorkflowIndex(env.redis, new WorkflowKeys(env.prefix));
    await index.syncState('w1', 'RUNNING', 1000, 'INITIALIZED');
    await index.syncState('w2', 'RUNNING', 1001, 'INITIALIZED');
    await index.syncState('w3', 'COMPLETED', 1002, 'RUNNING');
    await index.syncState('w2', 'FAILED', 1001, 'RUNNING');
    expect(await index.countByState()).toEqual({ INITIALIZED: 0, RUNNING: 1, COMPLETED: 1, FAILED: 1, CANCELLED: 0 });
  });
});
