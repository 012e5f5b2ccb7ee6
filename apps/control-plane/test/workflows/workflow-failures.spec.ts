import { JobQueue, type JobLeases, type LeasedJob } from '@base-shift/queue';
import { eventually } from '@base-shift/testing';
import { echoTemplate, orderWorkflow, sampleOutput, WorkflowTestApp } from './workflow-test-app';

describe('workflow failures, retries, cancel and timeouts over HTTP', () => {
  let t: WorkflowTestApp;
  let manual: JobLeases;
  let permanentlyBroken = true;

  beforeAll(async () => {
    t = await WorkflowTestApp.start('wf-fail', {
      pools: ['default', 'manual'],
      templates: [echoTemplate('manual_echo', { resourceClass: 'manual' }), echoTemplate('slow_echo', { resourceClass: 'manual', timeoutSeconds: 1 })],
    });
    t.startWorker(
      (payload, job) => {
        const orderId = (payload.input as { orderId?: string }).orderId;
        // Behaviours keyed by order id, for workflows whose first job may run before the test knows the workflow id.
        if (orderId === 'o-out' && payload.jobId === 'order_validation') return { ...payload.input };
        if (orderId === 'o-retry' && payload.jobId === 'payment_processing' && job.attempt === 1) throw new Error('gateway timeout');
        if (orderId === 'o-perm' && payload.jobId === 'payment_processing' && permanentlyBroken) {
          throw Object.assign(new Error('card declined'), { retryable: false });
        }
        return sampleOutput(payload);
      },
      { pools: ['default'] },
    );
    manual = t.leases();
  });
  afterAll(() => t.stop());

  async function leaseManual(count = 10): Promise<LeasedJob[]> {
    return manual.lease(['manual'], 'manual-executor', { count, leaseMs: 30_000, blockMs: 2000 });
  }

  it('refuses an input that breaks the template inputSchema at creation, naming the field, and writes nothing', async () => {
    const body = orderWorkflow('o-bad') as { input: Record<string, unknown> };
    body.input['amount'] = 'forty-two';
    const before = await t.keys();
    const response = await t.http().post('/workflows').send(body).expect(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 400, code: 'WORKFLOW.INVALID', errors: [{ pointer: '/jobs/0/input/amount', message: 'must be a number' }] });
    expect(await t.keys()).toEqual(before);
  });

  it('fails the job whose input, once its references are resolved, breaks the inputSchema', async () => {
    const body = orderWorkflow('o-ref') as { jobs: Array<{ input: Record<string, unknown> }> };
    body.jobs[1].input['amount'] = { $from: 'jobs.order_validation.output.currency' };
    const wf = await t.create(body);
    const failed = await t.waitForState(wf.id, 'FAILED');
    expect(failed.jobs.map((j) => j.state)).toEqual(['SUCCEEDED', 'FAILED', 'CANCELLED']);
    expect(failed.reason).toBe(
      'job payment_processing failed: input does not match the inputSchema of payment_processing@1.0.0: /input/amount: must be a number',
    );
    expect(failed.jobs[1].error).toEqual({
      message: 'input does not match the inputSchema of payment_processing@1.0.0',
      errors: [{ pointer: '/input/amount', message: 'must be a number' }],
    });
  });

  it('fails the job and the workflow when an output breaks the template outputSchema; the rest is CANCELLED', async () => {
    const wf = await t.create(orderWorkflow('o-out'));
    const failed = await t.waitForState(wf.id, 'FAILED');
    expect(failed.jobs.map((j) => j.state)).toEqual(['FAILED', 'CANCELLED', 'CANCELLED']);
    expect(failed.jobs[0].error).toMatchObject({ errors: [{ pointer: '/output/validated', message: 'is required' }] });
    expect(failed.reason).toContain('output does not match the outputSchema of order_validation@1.0.0: /output/validated: is required');
  }, 30_000);

  it('retries a failed attempt through RETRY_WAIT and then succeeds', async () => {
    const wf = await t.create(orderWorkflow('o-retry'));
    const done = await t.waitForState(wf.id, 'COMPLETED');
    const payment = done.jobs.find((j) => j.id === 'payment_processing');
    expect(payment?.attempts).toBe(2);
    expect(done.history.filter((h) => h.jobId === 'payment_processing').map((h) => `${h.from}->${h.to}@${h.attempt ?? '-'}`)).toEqual([
      'PENDING->QUEUED@-',
      'QUEUED->RUNNING@1',
      'RUNNING->RETRY_WAIT@1',
      'RETRY_WAIT->QUEUED@2',
      'QUEUED->RUNNING@2',
      'RUNNING->SUCCEEDED@2',
    ]);
    expect(done.history.find((h) => h.to === 'RETRY_WAIT')?.reason).toBe('gateway timeout');
  });

  it('fails the workflow on a permanent failure, then re-runs it from the failed job on retry', async () => {
    const wf = await t.create(orderWorkflow('o-perm'));
    const failed = await t.waitForState(wf.id, 'FAILED');
    expect(failed.reason).toBe('job payment_processing failed: card declined');
    expect(failed.currentJob).toBe('payment_processing');
    expect(failed.jobs.map((j) => j.state)).toEqual(['SUCCEEDED', 'FAILED', 'CANCELLED']);
    const firstOutput = failed.jobs[0].output;

    permanentlyBroken = false;
    const retried = await t.http().post(`/workflows/${wf.id}/retry`).expect(200);
    expect(retried.body.state).toBe('RUNNING');
    const done = await t.waitForState(wf.id, 'COMPLETED');
    expect(done.jobs[0]).toMatchObject({ state: 'SUCCEEDED', attempts: 1, output: firstOutput });
    expect(done.history.filter((h) => h.kind === 'workflow').map((h) => h.to)).toEqual(['INITIALIZED', 'RUNNING', 'FAILED', 'RUNNING', 'COMPLETED']);
    expect(done.history.filter((h) => h.jobId === 'inventory_update').map((h) => h.to)).toEqual(['CANCELLED', 'PENDING', 'QUEUED', 'RUNNING', 'SUCCEEDED']);

    const again = await t.http().post(`/workflows/${wf.id}/retry`).expect(409);
    expect(again.body).toMatchObject({ code: 'WORKFLOW.ILLEGAL_TRANSITION', from: 'COMPLETED', to: 'RUNNING' });
  });

  it('cancels: the queued job leaves the queue, the running one is told to stop, a repeat is harmless', async () => {
    const wf = await t.create({
      jobs: [
        { id: 'running', templateId: 'manual_echo', dependsOn: [] },
        { id: 'waiting', templateId: 'manual_echo', dependsOn: [] },
        { id: 'later', templateId: 'manual_echo', dependsOn: ['running'] },
      ],
    });
    const [running] = await leaseManual(1);
    await t.waitFor(wf.id, (w) => w.jobs.some((j) => j.state === 'RUNNING'), 'a job RUNNING');
    const queuedJobId = running.id.endsWith(':running:1') ? `${wf.id}:waiting:1` : `${wf.id}:running:1`;
    const queue = new JobQueue(t.redis, { pools: ['manual'], prefix: t.prefix });
    expect(await queue.getJob('manual', queuedJobId)).toMatchObject({ state: 'queued' });

    const cancelled = await t.http().post(`/workflows/${wf.id}/cancel`).send({ reason: 'customer withdrew' }).expect(200);
    expect(cancelled.body).toMatchObject({ state: 'CANCELLED', reason: 'customer withdrew' });
    expect(cancelled.body.jobs.map((j: { state: string }) => j.state)).toEqual(['CANCELLED', 'CANCELLED', 'CANCELLED']);
    const [beat] = await manual.heartbeat('manual-executor', [{ pool: 'manual', id: running.id, attempt: running.attempt }], 30_000);
    expect(beat.status).toBe('cancelled');
    expect(await queue.getJob('manual', queuedJobId)).toBeUndefined();
    expect(await leaseManual(10)).toEqual([]);

    await t.http().post(`/workflows/${wf.id}/cancel`).expect(200);
    const completed = await t.create({ jobs: [{ id: 'x', templateId: 'order_validation', input: { orderId: 'o', amount: 1, currency: 'EUR', items: [] } }] });
    await t.waitForState(completed.id, 'COMPLETED');
    const refused = await t.http().post(`/workflows/${completed.id}/cancel`).expect(409);
    expect(refused.body).toMatchObject({
      code: 'WORKFLOW.ILLEGAL_TRANSITION',
      detail: expect.stringContaining('cannot move from COMPLETED to CANCELLED; COMPLETED is final'),
    });
  });

  it('times a job out after its template timeoutSeconds and fails the workflow', async () => {
    const wf = await t.create({
      jobs: [
        { id: 'slow', templateId: 'slow_echo' },
        { id: 'next', templateId: 'manual_echo' },
      ],
    });
    const [job] = await leaseManual(1);
    const failed = await t.waitForState(wf.id, 'FAILED');
    expect(failed.jobs.map((j) => j.state)).toEqual(['TIMED_OUT', 'CANCELLED']);
    expect(failed.reason).toBe('job slow timed out after 1 s');
    const [beat] = await manual.heartbeat('manual-executor', [{ pool: 'manual', id: job.id, attempt: job.attempt }], 30_000);
    expect(beat.status).toBe('cancelled');
  });

  it('fails a workflow that outlives its timeoutSeconds', async () => {
    const wf = await t.create({
      timeoutSeconds: 1,
      jobs: [
        { id: 'never', templateId: 'manual_echo', dependsOn: [] },
        { id: 'after', templateId: 'manual_echo', dependsOn: ['never'] },
      ],
    });
    const failed = await t.waitForState(wf.id, 'FAILED');
    expect(failed.reason).toBe('workflow timed out after 1 s');
    expect(failed.jobs.map((j) => j.state)).toEqual(['TIMED_OUT', 'CANCELLED']);
    // The queue job is withdrawn through the workflow's outbox, just after the state change.
    const queue = new JobQueue(t.redis, { pools: ['manual'], prefix: t.prefix });
    await eventually(async () => (await queue.getJob('manual', `${wf.id}:never:1`)) === undefined, 'the timed-out job to leave the queue');
    expect(await queue.getJob('manual', `${wf.id}:never:1`)).toBeUndefined();
    expect(await leaseManual(10)).toEqual([]);
  });
});
