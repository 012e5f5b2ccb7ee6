import type { JsonObject } from '@base-shift/core';
import { JobQueue, type JobLeases } from '@base-shift/queue';
import { ApiKeyStore } from '@base-shift/auth';
import { echoTemplate, WorkflowTestApp } from '../workflows/workflow-test-app';

const CARD_SCHEMA = { type: 'object', properties: { cardNumber: { type: 'string', writeOnly: true }, amount: { type: 'number' } } };

/** The dead letter over REST: list, read, requeue, purge (admin only). */
describe('dead letters over HTTP (real Redis)', () => {
  let t: WorkflowTestApp;
  let queue: JobQueue;
  let leases: JobLeases;

  beforeAll(async () => {
    t = await WorkflowTestApp.start('dead-letters', { templates: [echoTemplate('wo_card', { inputSchema: CARD_SCHEMA })] });
    queue = t.app.get(JobQueue);
    leases = t.leases();
  });
  afterAll(() => t.stop());

  /** Enqueues a job and fails it for good: it lands in the dead letter. */
  async function deadJob(payload: JsonObject, message: string): Promise<string> {
    const id = await queue.enqueue('default', { payload, maxAttempts: 1 });
    const [job] = await leases.lease(['default'], 'test-executor', { count: 1, leaseMs: 30_000, blockMs: 1000 });
    expect(job.id).toBe(id);
    await leases.fail('default', id, job.attempt, { message, retryable: false });
    return id;
  }

  it('lists dead-lettered jobs newest first with their last error, pages them, and reads one with its payload', async () => {
    const first = await deadJob({ card: '4111111111111111' }, 'card declined');
    const second = await deadJob({ card: '5500000000000004' }, 'gateway down');

    const page = await t.http().get('/pools/default/dead-letters?limit=1').expect(200);
    expect(page.body).toMatchObject({ total: 2, nextCursor: expect.any(String) });
    expect(page.body.items).toEqual([
      expect.objectContaining({ id: second, pool: 'default', failures: 1, lastError: { message: 'gateway down', retryable: false } }),
    ]);
    expect(page.body.items[0].payload).toBeUndefined();
    const next = await t.http().get(`/pools/default/dead-letters?limit=1&cursor=${page.body.nextCursor}`).expect(200);
    expect(next.body).toMatchObject({
      items: [expect.objectContaining({ id: first, lastError: expect.objectContaining({ message: 'card declined' }) })],
      nextCursor: null,
    });

    const one = await t.http().get(`/pools/default/dead-letters/${first}`).expect(200);
    expect(one.body).toMatchObject({ id: first, payload: { card: '4111111111111111' }, deadAt: expect.any(String) });
    await t.http().get('/pools/default/dead-letters/no-such-job').expect(404);
    const unknownPool = await t.http().get('/pools/nope/dead-letters').expect(404);
    expect(unknownPool.headers['content-type']).toMatch(/^application\/problem\+json/);
    await t.http().get('/pools/default/dead-letters?limit=0').expect(400);
  });

  it('reads a workflow job without the values of its writeOnly input fields', async () => {
    const workflow = await t.create({
      input: { cardNumber: '4111111111111111', amount: 3 },
      jobs: [{ id: 'charge', templateId: 'wo_card', input: { cardNumber: { $from: 'input.cardNumber' }, amount: { $from: 'input.amount' } } }],
    });
    const [job] = await leases.lease(['default'], 'test-executor', { count: 1, leaseMs: 30_000, blockMs: 1000 });
    expect(job.payload).toMatchObject({ input: { cardNumber: '4111111111111111' } });
    await leases.fail('default', job.id, job.attempt, { message: 'declined', retryable: false });

    const one = await t.http().get(`/pools/default/dead-letters/${job.id}`).expect(200);
    expect(one.body.payload).toMatchObject({ workflowId: workflow.id, jobId: 'charge', input: { amount: 3 } });
    expect(JSON.stringify(one.body)).not.toContain('4111111111111111');
  });

  it('requeues a dead-lettered job (409 once it is queued) and purges another (404 afterwards)', async () => {
    const requeued = await deadJob({ n: 1 }, 'try again later');
    const purged = await deadJob({ card: '4111111111111111' }, 'fraud');

    const response = await t.http().post(`/pools/default/dead-letters/${requeued}/requeue`).expect(200);
    expect(response.body).toEqual({ id: requeued, pool: 'default', state: 'queued' });
    expect(await queue.getJob('default', requeued)).toMatchObject({ state: 'queued', failures: 0 });
    const again = await t.http().post(`/pools/default/dead-letters/${requeued}/requeue`).expect(409);
    expect(again.body).toMatchObject({ code: 'QUEUE.ILLEGAL_STATE' });
    await t.http().delete(`/pools/default/dead-letters/${requeued}`).expect(409);

    await t.http().delete(`/pools/default/dead-letters/${purged}`).expect(204);
    expect(await queue.getJob('default', purged)).toBeUndefined();
    await t.http().get(`/pools/default/dead-letters/${purged}`).expect(404);
    await t.http().delete(`/pools/default/dead-letters/${purged}`).expect(404);
  });

  it('is for admins only', async () => {
    const { key } = await t.app.get(ApiKeyStore).create({ name: 'reader', scopes: ['pools:read', 'workflows:read'] });
    const response = await t.anonymous().get('/pools/default/dead-letters').set('Authorization', `Bearer ${key}`).expect(403);
    expect(response.body).toMatchObject({ missingScope: 'admin' });
  });
});
