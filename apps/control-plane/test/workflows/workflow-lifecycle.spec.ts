import type { JobLeases, LeasedJob } from '@base-shift/queue';
import { collectSse } from './sse-client';
import { echoTemplate, orderWorkflow, sampleOutput, WorkflowTestApp, type JobPayload } from './workflow-test-app';

const SEED_JOBS = ['order_validation', 'payment_processing', 'inventory_update'];

describe('workflow lifecycle over HTTP (real Redis, FerretDB, queue)', () => {
  let t: WorkflowTestApp;
  let leases: JobLeases;

  beforeAll(async () => {
    t = await WorkflowTestApp.start('wf-life', { templates: ['a', 'b', 'c', 'd', 'e'].map((id) => echoTemplate(`dag_${id}`)) });
    leases = t.leases();
  });
  afterAll(() => t.stop());

  async function leaseOne(): Promise<LeasedJob> {
    const [job] = await leases.lease(['default'], 'test-executor', { count: 1, leaseMs: 30_000, blockMs: 5000 });
    if (!job) throw new Error('no job was queued');
    return job;
  }

  it("runs the seed's order workflow to COMPLETED with the seed's Redis keys at every stage", async () => {
    const response = await t.http().post('/workflows').send(orderWorkflow('o-1001'));
    expect(response.status).toBe(201);
    const created = response.body;
    expect(response.headers['location']).toBe(`/workflows/${created.id}`);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(created).toMatchObject({ state: 'RUNNING', currentJob: 'order_validation', mode: 'sequential' });
    expect(created.jobs.map((j: { state: string }) => j.state)).toEqual(['QUEUED', 'PENDING', 'PENDING']);
    expect(created.jobs[1]).toMatchObject({ templateId: 'payment_processing', requestedVersion: '^1.0', version: '1.0.0', priority: 10, maxAttempts: 5 });

    const id: string = created.id;
    const seedKey = (suffix: string) => t.key(`workflow:{${id}}:${suffix}`);
    expect(await t.redis.lrange(seedKey('jobs'), 0, -1)).toEqual(SEED_JOBS);
    const events = collectSse(t.http().get(`/workflows/${id}/events`));

    for (const [index, jobId] of SEED_JOBS.entries()) {
      const job = await leaseOne();
      const payload = job.payload as unknown as JobPayload;
      expect(job.id).toBe(`${id}:${jobId}:1`);
      expect(payload).toMatchObject({ workflowId: id, jobId, templateId: jobId, version: '1.0.0' });
      // The executor finds the pinned snapshot by (workflow, template, version); the payload does not carry it.
      const snapshot = JSON.parse((await t.redis.hget(seedKey('templates'), `${jobId}@1.0.0`)) ?? 'null');
      expect(snapshot).toMatchObject({ templateId: jobId, version: '1.0.0', steps: expect.any(Array) });
      expect(JSON.stringify(job.payload)).not.toContain('"steps"');
      if (jobId === 'payment_processing') {
        expect(payload.input).toEqual({
          orderId: 'o-1001',
          amount: 42.5,
          currency: 'EUR',
          cardDetails: { number: '4111111111111111', expiryDate: '12/30', cvv: '123' },
        });
      }

      await t.waitFor(id, (w) => w.jobs[index].state === 'RUNNING', `${jobId} RUNNING`);
      expect(await t.redis.get(seedKey('state'))).toBe('RUNNING');
      expect(await t.redis.get(seedKey('currentJob'))).toBe(jobId);
      expect(await t.redis.lrange(seedKey('jobs'), 0, -1)).toEqual(SEED_JOBS);
      await leases.complete('default', job.id, job.attempt, sampleOutput(payload) as never);
    }

    const done = await t.waitForState(id, 'COMPLETED');
    expect(await t.redis.get(seedKey('state'))).toBe('COMPLETED');
    expect(await t.redis.get(seedKey('currentJob'))).toBe('inventory_update');
    expect(done.jobs.map((j) => [j.id, j.state, j.attempts])).toEqual(SEED_JOBS.map((j) => [j, 'SUCCEEDED', 1]));
    expect(done.jobs[2].output).toEqual({ orderId: 'o-1001', reserved: [{ sku: 'A-1', quantity: 2 }], status: 'RESERVED' });
    expect(done.jobs[0]).toMatchObject({ startedAt: expect.any(String), finishedAt: expect.any(String) });
    expect(done.history.filter((h) => h.kind === 'workflow').map((h) => `${h.from}->${h.to}`)).toEqual([
      '->INITIALIZED',
      'INITIALIZED->RUNNING',
      'RUNNING->COMPLETED',
    ]);
    expect(done.history.filter((h) => h.jobId === 'payment_processing').map((h) => h.to)).toEqual(['QUEUED', 'RUNNING', 'SUCCEEDED']);

    const sse = await events;
    expect(sse.status).toBe(200);
    expect(sse.contentType).toMatch(/^text\/event-stream/);
    expect(sse.events.map((e) => e.event)).toEqual(done.history.map(() => 'transition'));
    expect(sse.events.map((e) => Number(e.id))).toEqual(done.history.map((h) => h.seq));
    expect(sse.events.map((e) => (e.data as { to: string }).to)).toEqual(done.history.map((h) => h.to));
  });

  it('replays the events after Last-Event-ID and ends for a finished workflow', async () => {
    const id = (await t.create({ jobs: [{ id: 'only', templateId: 'dag_a', input: { value: 1 } }] })).id;
    const job = await leaseOne();
    await leases.complete('default', job.id, job.attempt, { value: 1 });
    const done = await t.waitForState(id, 'COMPLETED');
    const sse = await collectSse(t.http().get(`/workflows/${id}/events`).set('Last-Event-ID', '3'));
    expect(sse.events.map((e) => Number(e.id))).toEqual(done.history.filter((h) => h.seq > 3).map((h) => h.seq));
  });

  it('fans out and in along dependsOn: b and c run side by side after a, d waits for both, e starts at once', async () => {
    const wf = await t.create({
      input: { seed: 7 },
      jobs: [
        { id: 'a', templateId: 'dag_a', input: { value: { $from: 'input.seed' } } },
        { id: 'b', templateId: 'dag_b', dependsOn: ['a'], input: { value: { $from: 'jobs.a.output.value' } } },
        { id: 'c', templateId: 'dag_c', dependsOn: ['a'], input: { value: 'c' } },
        { id: 'd', templateId: 'dag_d', dependsOn: ['b', 'c'], input: { value: [{ $from: 'jobs.b.output.value' }, { $from: 'jobs.c.output.value' }] } },
        { id: 'e', templateId: 'dag_e', dependsOn: [], input: { value: 'e' } },
      ],
    });
    expect(wf.mode).toBe('dag');
    expect(wf.jobs.map((j) => j.state)).toEqual(['QUEUED', 'PENDING', 'PENDING', 'PENDING', 'QUEUED']);

    const first = await leases.lease(['default'], 'test-executor', { count: 10, leaseMs: 30_000, blockMs: 1000 });
    const byJob = (jobs: LeasedJob[]) => new Map(jobs.map((job) => [(job.payload as unknown as JobPayload).jobId, job]));
    expect([...byJob(first).keys()].sort()).toEqual(['a', 'e']);
    for (const job of first) await leases.complete('default', job.id, job.attempt, { value: (job.payload as unknown as JobPayload).input['value'] } as never);

    await t.waitFor(wf.id, (w) => w.jobs[1].state === 'QUEUED' && w.jobs[2].state === 'QUEUED', 'b and c queued');
    const middle = byJob(await leases.lease(['default'], 'test-executor', { count: 10, leaseMs: 30_000, blockMs: 1000 }));
    expect([...middle.keys()].sort()).toEqual(['b', 'c']);
    expect((middle.get('b')?.payload as unknown as JobPayload).input).toEqual({ value: 7 });

    const b = middle.get('b') as LeasedJob;
    await leases.complete('default', b.id, b.attempt, { value: 'from-b' });
    await t.waitFor(wf.id, (w) => w.jobs[1].state === 'SUCCEEDED', 'b succeeded');
    expect((await t.get(wf.id)).jobs[3].state).toBe('PENDING');

    const c = middle.get('c') as LeasedJob;
    await leases.complete('default', c.id, c.attempt, { value: 'from-c' });
    const [d] = await leases.lease(['default'], 'test-executor', { count: 10, leaseMs: 30_000, blockMs: 5000 });
    expect(d.payload).toMatchObject({ jobId: 'd', input: { value: ['from-b', 'from-c'] } });
    await leases.complete('default', d.id, d.attempt, { value: 'done' });
    const done = await t.waitForState(wf.id, 'COMPLETED');
    expect(done.jobs.every((j) => j.state === 'SUCCEEDED')).toBe(true);
  });

  it('lists workflows newest first, filters by state and pages with a cursor', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await t.create({ name: `list-${i}`, jobs: [{ id: 'x', templateId: 'dag_a' }] })).id);
    await t.http().post(`/workflows/${ids[1]}/cancel`).expect(200);

    const first = await t.http().get('/workflows?limit=2').expect(200);
    expect(first.body.items.map((w: { id: string }) => w.id)).toEqual([ids[2], ids[1]]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await t.http().get(`/workflows?limit=2&cursor=${first.body.nextCursor}`).expect(200);
    expect(second.body.items[0].id).toBe(ids[0]);

    const cancelled = await t.http().get('/workflows?state=CANCELLED').expect(200);
    expect(cancelled.body.items.map((w: { id: string }) => w.id)).toEqual([ids[1]]);
    expect(cancelled.body.nextCursor).toBeNull();

    const bad = await t.http().get('/workflows?state=DONE&limit=0').expect(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(bad.body.errors).toEqual([
      { pointer: '/state', message: 'must be one of INITIALIZED, RUNNING, COMPLETED, FAILED, CANCELLED' },
      { pointer: '/limit', message: 'must be >= 1' },
    ]);
    await t.http().get('/workflows?cursor=bm9wZQ').expect(400);
  });
});
