import { eventually } from '@base-shift/testing';
import { orderWorkflow, sampleOutput, WorkflowTestApp } from './workflow-test-app';

/** Retention and DELETE: a finished workflow leaves no key and no index entry behind. */
describe('workflow retention and deletion over HTTP (real Redis, FerretDB, queue)', () => {
  let t: WorkflowTestApp;

  beforeAll(async () => {
    t = await WorkflowTestApp.start('wf-retention', { retentionSeconds: 3600 });
  });
  afterAll(() => t.stop());

  /** Keys named after the workflow, and the untagged index entries that point at it. */
  async function traces(id: string): Promise<string[]> {
    const found = (await t.keys()).filter((key) => key.includes(id));
    const untagged = ['workflow-index', 'workflow-timers', ...['RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED'].map((s) => `workflow-index:${s}`)];
    for (const key of untagged) if ((await t.redis.zscore(t.key(key), id)) !== null) found.push(`${key} ∋ ${id}`);
    return found;
  }

  async function listedIds(): Promise<string[]> {
    const response = await t.http().get('/workflows?limit=100');
    expect(response.status).toBe(200);
    return (response.body.items as Array<{ id: string }>).map((item) => item.id);
  }

  it('refuses a retention longer than the deployment keeps workflows, naming the field', async () => {
    const response = await t
      .http()
      .post('/workflows')
      .send({ ...orderWorkflow(), retentionSeconds: 7200 });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ pointer: '/retentionSeconds', message: expect.stringContaining('must be <= 3600') }]);
  });

  it('deletes a finished workflow with every key and index entry; a running one is 409, an unknown one 404', async () => {
    const created = await t.create(orderWorkflow('o-del'));
    const running = await t.http().delete(`/workflows/${created.id}`);
    expect(running.status).toBe(409);
    expect(running.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(running.body).toMatchObject({ code: 'WORKFLOW.NOT_FINISHED', state: 'RUNNING' });

    expect((await t.http().post(`/workflows/${created.id}/cancel`).send({})).status).toBe(200);
    const deleted = await t.http().delete(`/workflows/${created.id}`);
    expect(deleted.status).toBe(204);
    expect(await traces(created.id)).toEqual([]);
    expect((await t.http().get(`/workflows/${created.id}`)).status).toBe(404);
    expect(await listedIds()).not.toContain(created.id);
    expect((await t.http().delete(`/workflows/${created.id}`)).status).toBe(404);
  });

  it('a finished workflow with a 1-second retention disappears with its card number: keys, index entries, GET and list', async () => {
    t.startWorker((payload) => sampleOutput(payload));
    const created = await t.create({ ...orderWorkflow('o-ret'), retentionSeconds: 1 });
    const completed = (await t.waitForState(created.id, 'COMPLETED')) as unknown as { finishedAt: string; expiresAt: string };
    expect(Date.parse(completed.expiresAt) - Date.parse(completed.finishedAt)).toBe(1000);
    const payment = `${t.key(`workflow:{${created.id}}:job:payment_processing`)}`;
    expect(await t.redis.hget(payment, 'resolvedInput')).toContain('4111111111111111');
    expect(await t.redis.pttl(payment)).toBeGreaterThan(0);

    // The timer sweeper looks at the workflow once its keys expired and drops its index entries.
    await eventually(
      async () => {
        const left = await traces(created.id);
        if (left.length > 0) throw new Error(`still there: ${left.join(', ')}`);
        return true;
      },
      'the expired workflow leaving no trace',
      // Expiry after 1 s, then the sweeper's next pass (every 0.5 s when idle).
      { attempts: 100, everyMs: 50 },
    );
    expect((await t.http().get(`/workflows/${created.id}`)).status).toBe(404);
    expect(await listedIds()).not.toContain(created.id);
  });
});
