import { isolatedRedis, type IsolatedRedis } from '@base-shift/testing';
import {
  IllegalTransitionError,
  JobResultConflictError,
  StaleAttemptError,
  WorkflowNotFinishedError,
  WorkflowNotFoundError,
  IdempotencyConflictError,
} from '../domain/workflow-errors';
import { WorkflowKeys } from './workflow-keys';
import type { NewWorkflow } from './store-inputs';
import { WorkflowStore } from './workflow-store';

const JOBS = ['order_validation', 'payment_processing', 'inventory_update'];

function newWorkflow(id: string, overrides: Partial<NewWorkflow> = {}): NewWorkflow {
  return {
    id,
    requestHash: 'hash-1',
    mode: 'sequential',
    input: { orderId: 'o-1' },
    retentionSeconds: 604_800,
    createdAt: Date.now(),
    templates: [{ templateId: 'tpl', version: '1.0.0', snapshot: { templateId: 'tpl', version: '1.0.0' } }],
    jobs: JOBS.map((jobId, index) => ({
      id: jobId,
      templateId: 'tpl',
      version: '1.0.0',
      templateHash: 'h',
      pool: 'default',
      priority: 0,
      maxAttempts: 3,
      dependsOn: index === 0 ? [] : [JOBS[index - 1]],
      input: {},
    })),
    ...overrides,
  };
}

describe('WorkflowStore (real Redis)', () => {
  let env: IsolatedRedis;
  let store: WorkflowStore;
  let keys: WorkflowKeys;

  beforeEach(() => {
    env = isolatedRedis('wf-store');
    keys = new WorkflowKeys(env.prefix);
    store = new WorkflowStore(env.redis, keys);
  });
  afterEach(() => env.cleanup());

  async function start(id: string) {
    await store.create(newWorkflow(id));
    return store.enqueueReady(id, [{ jobId: 'order_validation', input: { orderId: 'o-1' } }]);
  }

  async function succeed(id: string, jobId: string, output: unknown, attempt = 1) {
    return store.applyResult(id, { jobId, queueJobId: `${id}:${jobId}:1`, attempt, outcome: 'succeeded', payload: output as never });
  }

  it('writes the seed keys exactly: state, currentJob and the jobs list', async () => {
    await store.create(newWorkflow('wf-1'));
    const k = keys.forWorkflow('wf-1');
    expect(k.state).toBe(`${env.prefix}workflow:{wf-1}:state`);
    expect(await env.redis.get(`${env.prefix}workflow:{wf-1}:state`)).toBe('INITIALIZED');
    expect(await env.redis.get(`${env.prefix}workflow:{wf-1}:currentJob`)).toBe('order_validation');
    expect(await env.redis.lrange(`${env.prefix}workflow:{wf-1}:jobs`, 0, -1)).toEqual(JOBS);
    expect(await env.redis.type(`${env.prefix}workflow:{wf-1}:jobs`)).toBe('list');
  });

  it('runs the seed workflow to COMPLETED, recording every transition', async () => {
    const started = await start('wf-2');
    expect(started.state).toBe('RUNNING');
    expect(started.ops).toEqual([
      expect.objectContaining({ kind: 'enqueue', jobId: 'order_validation', queueJobId: 'wf-2:order_validation:1', input: { orderId: 'o-1' } }),
    ]);
    await store.ackOutbox(
      'wf-2',
      started.ops.map((op) => op.op),
    );

    const afterFirst = await succeed('wf-2', 'order_validation', { orderId: 'o-1' });
    expect(afterFirst).toMatchObject({ applied: true, state: 'RUNNING', ready: ['payment_processing'], ops: [] });
    const second = await store.enqueueReady('wf-2', [{ jobId: 'payment_processing', input: {} }]);
    expect(await env.redis.get(keys.forWorkflow('wf-2').currentJob)).toBe('payment_processing');
    await store.ackOutbox(
      'wf-2',
      second.ops.map((op) => op.op),
    );
    await succeed('wf-2', 'payment_processing', { transactionId: 't', status: 'ok' });
    await store.enqueueReady('wf-2', [{ jobId: 'inventory_update', input: {} }]);
    const done = await succeed('wf-2', 'inventory_update', {});
    expect(done).toMatchObject({ state: 'COMPLETED', workflowMoved: true, ready: [] });

    const record = await store.read('wf-2');
    expect(record?.state).toBe('COMPLETED');
    expect(record?.currentJob).toBe('inventory_update');
    expect(record?.jobs.map((job) => [job.id, job.state, job.attempts])).toEqual(JOBS.map((id) => [id, 'SUCCEEDED', 1]));
    expect(record?.jobs[1].output).toEqual({ transactionId: 't', status: 'ok' });
    const moves = record?.history.map((h) => `${h.jobId ?? 'workflow'}:${h.from}->${h.to}`);
    expect(moves).toEqual([
      'workflow:->INITIALIZED',
      'workflow:INITIALIZED->RUNNING',
      'order_validation:PENDING->QUEUED',
      'order_validation:QUEUED->RUNNING',
      'order_validation:RUNNING->SUCCEEDED',
      'payment_processing:PENDING->QUEUED',
      'payment_processing:QUEUED->RUNNING',
      'payment_processing:RUNNING->SUCCEEDED',
      'inventory_update:PENDING->QUEUED',
      'inventory_update:QUEUED->RUNNING',
      'inventory_update:RUNNING->SUCCEEDED',
      'workflow:RUNNING->COMPLETED',
    ]);
    expect(record?.history.map((h) => h.seq)).toEqual(moves?.map((_, i) => i + 1));
  });

  it('applies a result once: a redelivered attempt and a result of an old run change nothing', async () => {
    await start('wf-3');
    await succeed('wf-3', 'order_validation', { a: 1 });
    const again = await succeed('wf-3', 'order_validation', { a: 2 });
    expect(again).toMatchObject({ applied: false, note: 'duplicate', ready: ['payment_processing'] });
    const stale = await store.applyResult('wf-3', {
      jobId: 'order_validation',
      queueJobId: 'wf-3:order_validation:0',
      attempt: 9,
      outcome: 'failed',
      payload: {},
    });
    expect(stale).toMatchObject({ applied: false, note: 'stale', state: 'RUNNING' });
    expect((await store.read('wf-3'))?.jobs[0].output).toEqual({ a: 1 });
  });

  it('moves through RETRY_WAIT and fails the workflow on a final failure, cancelling the rest', async () => {
    await start('wf-4');
    const base = { jobId: 'order_validation', queueJobId: 'wf-4:order_validation:1' };
    const retrying = await store.applyResult('wf-4', { ...base, attempt: 1, outcome: 'retrying', payload: { message: 'boom' }, reason: 'boom' });
    expect(retrying).toMatchObject({ applied: true, state: 'RUNNING' });
    const failed = await store.applyResult('wf-4', { ...base, attempt: 2, outcome: 'failed', payload: { message: 'boom again' }, reason: 'boom again' });
    expect(failed.state).toBe('FAILED');
    const record = await store.read('wf-4');
    expect(record?.reason).toBe('job order_validation failed: boom again');
    expect(record?.jobs.map((job) => job.state)).toEqual(['FAILED', 'CANCELLED', 'CANCELLED']);
    expect(record?.history.filter((h) => h.jobId === 'order_validation').map((h) => `${h.from}->${h.to}@${h.attempt}`)).toEqual([
      'PENDING->QUEUED@undefined',
      'QUEUED->RUNNING@1',
      'RUNNING->RETRY_WAIT@1',
      'RETRY_WAIT->QUEUED@2',
      'QUEUED->RUNNING@2',
      'RUNNING->FAILED@2',
    ]);
  });

  it('retries a FAILED workflow from the failed job with a new run', async () => {
    await start('wf-5');
    await store.applyResult('wf-5', {
      jobId: 'order_validation',
      queueJobId: 'wf-5:order_validation:1',
      attempt: 1,
      outcome: 'failed',
      payload: {},
      reason: 'x',
    });
    const retried = await store.retry('wf-5');
    expect(retried).toMatchObject({ state: 'RUNNING', ready: ['order_validation'] });
    const queued = await store.enqueueReady('wf-5', [{ jobId: 'order_validation', input: {} }]);
    expect(queued.ops.map((op) => op.queueJobId)).toContain('wf-5:order_validation:2');
    await expect(store.retry('wf-5')).rejects.toThrow(IllegalTransitionError);
  });

  /** Every key of the workflow's hash tag, with its remaining time to live (ms; -1 = none). */
  async function workflowKeyTtls(id: string): Promise<Record<string, number>> {
    const found: Record<string, number> = {};
    let cursor = '0';
    do {
      const [next, batch] = await env.redis.scan(cursor, 'MATCH', `${env.prefix}workflow:{${id}}:*`, 'COUNT', 1000);
      cursor = next;
      for (const key of batch) found[key.slice(env.prefix.length)] = await env.redis.pttl(key);
    } while (cursor !== '0');
    return found;
  }

  it('a finished workflow expires with every key retentionSeconds after it finished; a retry keeps it again', async () => {
    await store.create(newWorkflow('wf-r', { retentionSeconds: 60 }));
    await store.enqueueReady('wf-r', [{ jobId: 'order_validation', input: {} }]);
    expect(Object.values(await workflowKeyTtls('wf-r')).every((ttl) => ttl === -1)).toBe(true);

    const failed = await store.applyResult('wf-r', {
      jobId: 'order_validation',
      queueJobId: 'wf-r:order_validation:1',
      attempt: 1,
      outcome: 'failed',
      payload: {},
      reason: 'x',
    });
    const ttls = await workflowKeyTtls('wf-r');
    // The outbox is empty (the enqueue was reported), so it is no key.
    expect(Object.keys(ttls).sort()).toEqual(
      ['currentJob', 'history', 'jobs', 'meta', 'state', 'templates', ...JOBS.map((job) => `job:${job}`)].map((key) => `workflow:{wf-r}:${key}`).sort(),
    );
    for (const ttl of Object.values(ttls)) expect(ttl).toBeGreaterThan(55_000);
    const expiresAt = Number(await env.redis.hget(keys.forWorkflow('wf-r').meta, 'expiresAt'));
    expect(failed.nextDeadline).toBe(expiresAt + 1);

    const retried = await store.retry('wf-r');
    expect(retried.nextDeadline).toBeNull();
    expect(Object.values(await workflowKeyTtls('wf-r')).every((ttl) => ttl === -1)).toBe(true);
    expect(await env.redis.hexists(keys.forWorkflow('wf-r').meta, 'expiresAt')).toBe(0);
  });

  it('deletes a finished workflow with every key, refuses a running one and an unknown one', async () => {
    await start('wf-d');
    await expect(store.delete('wf-d')).rejects.toThrow(WorkflowNotFinishedError);
    await store.cancel('wf-d', 'done with it');
    await store.delete('wf-d');
    expect(await workflowKeyTtls('wf-d')).toEqual({});
    expect(await store.read('wf-d')).toBeNull();
    await expect(store.delete('wf-d')).rejects.toThrow(WorkflowNotFoundError);
  });

  it('cancels: in-flight jobs get a cancel op, a repeat is harmless, COMPLETED cannot be cancelled', async () => {
    const started = await start('wf-6');
    await store.ackOutbox(
      'wf-6',
      started.ops.map((op) => op.op),
    );
    const cancelled = await store.cancel('wf-6', 'user asked');
    expect(cancelled).toMatchObject({ state: 'CANCELLED', changed: true });
    expect(cancelled.ops).toEqual([expect.objectContaining({ kind: 'cancel', jobId: 'order_validation', queueJobId: 'wf-6:order_validation:1' })]);
    expect((await store.read('wf-6'))?.jobs.map((j) => j.state)).toEqual(['CANCELLED', 'CANCELLED', 'CANCELLED']);
    expect(await store.cancel('wf-6', 'again')).toMatchObject({ changed: false });
    await expect(store.cancel('nope', 'x')).rejects.toThrow(WorkflowNotFoundError);
  });

  it('refuses an illegal job update atomically and accepts a repeat of a legal one', async () => {
    const started = await start('wf-7');
    await store.ackOutbox(
      'wf-7',
      started.ops.map((op) => op.op),
    );
    const before = await env.redis.hgetall(keys.job('wf-7', 'order_validation'));
    await expect(store.updateJob('wf-7', 'order_validation', { status: 'SUCCEEDED', payload: { a: 1 } })).rejects.toThrow(
      'job order_validation cannot move from QUEUED to SUCCEEDED; allowed from QUEUED: RUNNING, CANCELLED, TIMED_OUT',
    );
    expect(await env.redis.hgetall(keys.job('wf-7', 'order_validation'))).toEqual(before);
    await expect(store.updateJob('wf-7', 'order_validation', { status: 'RUNNING', attempt: 5 })).rejects.toThrow(StaleAttemptError);

    const running = await store.updateJob('wf-7', 'order_validation', { status: 'RUNNING' });
    expect(running.ops).toEqual([expect.objectContaining({ kind: 'cancel', queueJobId: 'wf-7:order_validation:1' })]);
    expect(await store.updateJob('wf-7', 'order_validation', { status: 'RUNNING' })).toMatchObject({ changed: false });
    await store.updateJob('wf-7', 'order_validation', { status: 'SUCCEEDED', payload: { b: 1, a: 2 } });
    expect(await store.updateJob('wf-7', 'order_validation', { status: 'SUCCEEDED', payload: { a: 2, b: 1 } })).toMatchObject({ changed: false });
    await expect(store.updateJob('wf-7', 'order_validation', { status: 'SUCCEEDED', payload: { a: 3 } })).rejects.toThrow(JobResultConflictError);
  });

  it('recognises a repeated create and refuses the same id with another request hash', async () => {
    expect(await store.create(newWorkflow('wf-8'))).toEqual({ created: true, state: 'INITIALIZED' });
    expect(await store.create(newWorkflow('wf-8'))).toEqual({ created: false, state: 'INITIALIZED' });
    await expect(store.create(newWorkflow('wf-8', { requestHash: 'other' }))).rejects.toThrow(IdempotencyConflictError);
  });

  it('enforces the workflow deadline when reconciled', async () => {
    await store.create(newWorkflow('wf-9', { timeoutSeconds: 1 }));
    await store.enqueueReady('wf-9', [{ jobId: 'order_validation', input: {} }]);
    const record = await store.read('wf-9');
    expect(record?.deadlineAt).toBeGreaterThan(record?.createdAt ?? 0);
    await env.redis.hset(keys.forWorkflow('wf-9').meta, 'deadlineAt', 1);
    const outcome = await store.reconcile('wf-9');
    expect(outcome.state).toBe('FAILED');
    expect((await store.read('wf-9'))?.jobs.map((j) => j.state)).toEqual(['TIMED_OUT', 'CANCELLED', 'CANCELLED']);
    expect((await store.read('wf-9'))?.reason).toBe('workflow timed out after 1 s');
  });
});
