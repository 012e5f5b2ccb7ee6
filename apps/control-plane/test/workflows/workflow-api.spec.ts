import { randomUUID } from 'node:crypto';
import type { JobLeases } from '@base-shift/queue';
import { JOB_UPDATE_REQUEST_SCHEMA, WORKFLOW_REQUEST_SCHEMA } from '@base-shift/workflow';
import { malformedBodies } from './malformed-bodies';
import { echoTemplate, orderWorkflow, WorkflowTestApp } from './workflow-test-app';

const strictTemplate = echoTemplate('strict_echo', {
  resourceClass: 'manual',
  outputSchema: { type: 'object', properties: { total: { type: 'number' } }, required: ['total'] },
});

describe('workflow REST API contract', () => {
  let t: WorkflowTestApp;
  let manual: JobLeases;

  beforeAll(async () => {
    t = await WorkflowTestApp.start('wf-api', {
      pools: ['default', 'manual'],
      templates: [strictTemplate, echoTemplate('manual_echo', { resourceClass: 'manual' })],
    });
    manual = t.leases();
  });
  afterAll(() => t.stop());

  const twoManualJobs = () => ({
    jobs: [
      { id: 'first', templateId: 'strict_echo' },
      { id: 'second', templateId: 'manual_echo' },
    ],
  });

  it('returns the first workflow for a repeated Idempotency-Key and body, and 409 for another body', async () => {
    const key = `order-${randomUUID()}`;
    const first = await t.http().post('/workflows').set('Idempotency-Key', key).send(twoManualJobs()).expect(201);
    const keysAfterFirst = await t.keys();
    const repeat = await t.http().post('/workflows').set('Idempotency-Key', key).send(twoManualJobs()).expect(200);
    expect(repeat.headers['idempotent-replayed']).toBe('true');
    expect(repeat.headers['location']).toBe(`/workflows/${first.body.id}`);
    expect(repeat.body.id).toBe(first.body.id);

    const other = await t
      .http()
      .post('/workflows')
      .set('Idempotency-Key', key)
      .send({ jobs: [{ id: 'other', templateId: 'manual_echo' }] })
      .expect(409);
    expect(other.body).toMatchObject({ code: 'WORKFLOW.IDEMPOTENCY_CONFLICT', detail: expect.stringContaining(first.body.id) });
    expect(await t.keys()).toEqual(keysAfterFirst);
    // Exactly one job was enqueued for all three calls.
    const leased = await manual.lease(['manual'], 'api-executor', { count: 10, leaseMs: 30_000, blockMs: 500 });
    expect(leased.map((job) => job.id)).toEqual([`${first.body.id}:first:1`]);
    await manual.release('manual', leased[0].id, leased[0].attempt);
    await t.http().post(`/workflows/${first.body.id}/cancel`).expect(200);

    const bad = await t.http().post('/workflows').set('Idempotency-Key', 'x'.repeat(300)).send(twoManualJobs()).expect(400);
    expect(bad.body.errors).toEqual([{ header: 'Idempotency-Key', message: 'must be 1-255 printable ASCII characters' }]);
  });

  it('PUT moves a job along the state machine: 409 on an illegal move, 400 on a bad output, repeats are harmless', async () => {
    const wf = await t.create(twoManualJobs());
    const url = `/workflows/${wf.id}/jobs/first`;

    const illegal = await t
      .http()
      .put(url)
      .send({ status: 'SUCCEEDED', output: { total: 1 } })
      .expect(409);
    expect(illegal.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(illegal.body).toMatchObject({
      code: 'WORKFLOW.ILLEGAL_TRANSITION',
      from: 'QUEUED',
      to: 'SUCCEEDED',
      allowed: ['RUNNING', 'CANCELLED', 'TIMED_OUT'],
    });

    const running = await t.http().put(url).send({ status: 'RUNNING' }).expect(200);
    expect(running.body.jobs[0]).toMatchObject({ state: 'RUNNING', attempts: 1, external: true });
    await t.http().put(url).send({ status: 'RUNNING' }).expect(200);
    // The job left the queue's hands: no executor gets it.
    expect(await manual.lease(['manual'], 'api-executor', { count: 10, leaseMs: 30_000 })).toEqual([]);

    const stale = await t
      .http()
      .put(url)
      .send({ status: 'SUCCEEDED', output: { total: 1 }, attempt: 7 })
      .expect(409);
    expect(stale.body.code).toBe('WORKFLOW.STALE_ATTEMPT');
    const badOutput = await t
      .http()
      .put(url)
      .send({ status: 'SUCCEEDED', output: { total: 'one' } })
      .expect(400);
    expect(badOutput.body.errors).toEqual([{ pointer: '/output/total', message: 'must be a number' }]);
    expect((await t.get(wf.id)).jobs[0].state).toBe('RUNNING');

    const done = await t
      .http()
      .put(url)
      .send({ status: 'SUCCEEDED', output: { total: 3 }, attempt: 1 })
      .expect(200);
    expect(done.body.jobs.map((j: { state: string }) => j.state)).toEqual(['SUCCEEDED', 'QUEUED']);
    expect(done.body.currentJob).toBe('second');
    await t
      .http()
      .put(url)
      .send({ status: 'SUCCEEDED', output: { total: 3 } })
      .expect(200);
    const conflict = await t
      .http()
      .put(url)
      .send({ status: 'SUCCEEDED', output: { total: 4 } })
      .expect(409);
    expect(conflict.body.code).toBe('WORKFLOW.JOB_RESULT_CONFLICT');

    await t.http().put(`/workflows/${wf.id}/jobs/second`).send({ status: 'RUNNING' }).expect(200);
    const failed = await t.http().put(`/workflows/${wf.id}/jobs/second`).send({ status: 'FAILED', error: 'warehouse offline' }).expect(200);
    expect(failed.body).toMatchObject({ state: 'FAILED', reason: 'job second failed: warehouse offline' });
    // One error shape: the string is stored, and answered, as {message}.
    expect(failed.body.jobs[1].error).toEqual({ message: 'warehouse offline' });
    // A record written before that rule holds the bare string: it is read as {message} all the same.
    await t.redis.hset(t.key(`workflow:{${wf.id}}:job:second`), 'error', JSON.stringify('written by an older version'));
    expect((await t.http().get(`/workflows/${wf.id}`).expect(200)).body.jobs[1].error).toEqual({ message: 'written by an older version' });

    const invalid = await t.http().put(url).send({ status: 'DONE', extra: 1, attempt: -1 }).expect(400);
    expect(invalid.body.errors).toEqual(
      expect.arrayContaining([
        { pointer: '/status', message: 'must be one of RUNNING, SUCCEEDED, FAILED' },
        { pointer: '/attempt', message: 'must be >= 0' },
        { pointer: '/extra', message: 'is not allowed (allowed: status, output, error, attempt)' },
      ]),
    );
    await t.http().put(`/workflows/${wf.id}/jobs/nope`).send({ status: 'RUNNING' }).expect(404);
    await t.http().put(`/workflows/${randomUUID()}/jobs/first`).send({ status: 'RUNNING' }).expect(404);
  });

  it('answers unknown ids with 404, non-JSON with 415 and oversized bodies with 413, all as problem+json', async () => {
    const missing = await t.http().get(`/workflows/${randomUUID()}`).expect(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(missing.body).toMatchObject({ status: 404, title: 'Workflow not found', code: 'WORKFLOW.NOT_FOUND' });
    await t.http().get('/workflows/not-an-id').expect(404);
    await t.http().get(`/workflows/${randomUUID()}/events`).expect(404);
    await t.http().post(`/workflows/${randomUUID()}/cancel`).expect(404);

    const form = await t.http().post('/workflows').type('form').send('jobs=1').expect(415);
    expect(form.headers['content-type']).toMatch(/^application\/problem\+json/);
    await t.http().post('/workflows').set('Content-Type', 'text/plain').send('{"jobs": []}').expect(415);

    const big = await t
      .http()
      .post('/workflows')
      .send({ jobs: [{ id: 'a', templateId: 'manual_echo', input: { blob: 'x'.repeat(200_000) } }] })
      .expect(413);
    expect(big.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(big.body.status).toBe(413);
  });

  it('describes the API in an OpenAPI document at /docs', async () => {
    await t.http().get('/docs').expect(200).expect('Content-Type', /html/);
    const document = (await t.http().get('/docs-json').expect(200)).body;
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/workflows',
        '/workflows/{id}',
        '/workflows/{id}/cancel',
        '/workflows/{id}/retry',
        '/workflows/{id}/jobs/{jobId}',
        '/workflows/{id}/events',
      ]),
    );
    expect(document.paths['/workflows'].post.responses).toHaveProperty('201');
    expect(document.components.schemas.CreateWorkflowRequest.required).toEqual(['jobs']);
    // The bodies are documented by the very schemas that check them.
    expect(document.components.schemas.CreateWorkflowRequest).toEqual({ ...WORKFLOW_REQUEST_SCHEMA, description: expect.any(String) });
    expect(document.paths['/workflows'].post.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/CreateWorkflowRequest' });
    expect(document.components.schemas.UpdateJobRequest).toEqual({ ...JOB_UPDATE_REQUEST_SCHEMA, description: expect.any(String) });
  });

  it('survives 500 malformed bodies: never a 5xx, always problem+json, nothing written', async () => {
    await t.create(orderWorkflow('o-fuzz-baseline'));
    const before = await t.keys();
    const listed = await t.redis.zcard(t.key('workflow-index'));
    const statuses = new Map<number, number>();
    for (const [body, contentType] of malformedBodies(500)) {
      const response = await t.http().post('/workflows').set('Content-Type', contentType).send(body);
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      if (response.status >= 500 || response.status < 400) throw new Error(`${response.status} for ${body.slice(0, 300)}: ${JSON.stringify(response.body)}`);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect([...statuses.keys()].sort()).toEqual([400, 413, 415]);
    // Nothing new (the sweeper may meanwhile settle the baseline workflow's timer: a removal, not a write).
    expect((await t.keys()).filter((key) => !before.includes(key))).toEqual([]);
    expect(await t.redis.zcard(t.key('workflow-index'))).toBe(listed);
  });
});
