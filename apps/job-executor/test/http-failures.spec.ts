import { JobQueue } from '@base-shift/queue';
import { eventually } from '@base-shift/testing';
import { ExecutorHarness, metricValue, type RunningExecutor } from './support/executor-harness';
import { hang, holding, json, startHttpStub, type HttpStub } from './support/http-stub';
import { apiCallTemplate } from './support/templates';

describe('external_api_call failures, timeouts and cancellation (real Redis, real HTTP, child process)', () => {
  let harness: ExecutorHarness;
  let executor: RunningExecutor;
  const stubs: HttpStub[] = [];
  const stub = async (...handlers: Parameters<typeof startHttpStub>[0]) => {
    const started = await startHttpStub(handlers);
    stubs.push(started);
    return started;
  };

  beforeAll(async () => {
    harness = new ExecutorHarness('http');
    // A short lease: heartbeats (which carry cancellations) come every ~333 ms.
    executor = await harness.startExecutor({ EGRESS_ALLOW: '127.0.0.1', LEASE_SECONDS: '1' });
  });

  afterAll(async () => {
    await harness.cleanup();
    await Promise.all(stubs.map((s) => s.close()));
  });

  it('retries a 503 (honouring Retry-After) and then succeeds within the same attempt', async () => {
    const api = await stub(json(503, { error: 'maintenance' }, { 'retry-after': '1' }), json(200, { ok: true }));
    const id = await harness.enqueue({ template: apiCallTemplate('flaky', { api_endpoint: `${api.url}/flaky`, method: 'GET' }), input: {} });
    const result = await harness.waitForResult(id);
    expect(result).toMatchObject({ outcome: 'succeeded', attempt: 1, output: { ok: true } });
    expect(api.requests).toHaveLength(2);
  });

  it('fails permanently on a 400: no retry, the API error kept', async () => {
    const api = await stub(json(400, { error: 'invalid currency' }));
    const id = await harness.enqueue({
      template: apiCallTemplate('bad_request', { api_endpoint: `${api.url}/pay`, method: 'POST' }),
      input: { currency: 'XXX' },
      maxAttempts: 3,
    });
    const result = await harness.waitForResult(id);
    expect(result.outcome).toBe('failed');
    expect(result.attempt).toBe(1);
    expect(result.error).toMatchObject({
      message: `POST ${api.url}/pay answered 400 Bad Request`,
      retryable: false,
      details: { code: 'EXECUTOR.HTTP_CLIENT_ERROR', step: 'call', details: { status: 400, body: { error: 'invalid currency' } } },
    });
    expect(api.requests).toHaveLength(1);
  });

  it('aborts a job past its timeoutSeconds, down to the HTTP request in flight', async () => {
    const api = await stub(hang);
    const id = await harness.enqueue({
      template: apiCallTemplate('slow', { api_endpoint: `${api.url}/slow`, method: 'GET', timeoutMs: 300_000 }),
      input: {},
      timeoutSeconds: 1,
      maxAttempts: 1,
    });
    const request = await api.nthRequest(1);
    await request.aborted; // the executor closed the connection: the abort reached the socket
    const result = await harness.waitForResult(id);
    expect(result.outcome).toBe('failed');
    expect(result.error).toMatchObject({
      message: 'the job ran longer than its timeout of 1 s and was aborted',
      retryable: true,
      details: { code: 'EXECUTOR.TIMED_OUT', step: 'call' },
    });
    // The result reaches Redis before the executor's settle listener counts it: wait for the counter.
    await eventually(
      async () => metricValue(await executor.metrics(), 'base_shift_executor_jobs_total{pool="default",outcome="timed_out"}') === 1,
      'the timed_out job counted',
    );
  });

  it('aborts a running job the control plane cancelled and reports it cancelled', async () => {
    const api = await stub(hang);
    const id = await harness.enqueue({ template: apiCallTemplate('cancelled', { api_endpoint: `${api.url}/long`, method: 'GET' }), input: {} });
    const request = await api.nthRequest(1);
    expect(await harness.queue.cancel('default', id)).toBe('cancel_requested');
    await request.aborted;
    const result = await harness.waitForResult(id);
    expect(result.outcome).toBe('cancelled');
    expect(await harness.job(id)).toBeUndefined();
    // The result reaches Redis before the executor's settle listener counts it: wait for the counter.
    await eventually(
      async () => metricValue(await executor.metrics(), 'base_shift_executor_jobs_total{pool="default",outcome="cancelled"}') === 1,
      'the cancelled job counted',
    );
  });

  it('runs at most CONCURRENCY jobs at once and takes the next as soon as a slot frees', async () => {
    const held = holding();
    const api = await stub(held.handler);
    const narrow = await harness.startExecutor({ EGRESS_ALLOW: '127.0.0.1', CONCURRENCY: '2', POOLS: 'narrow' });
    const queue = new JobQueue(harness.redis, { pools: ['narrow'], prefix: harness.prefix });
    await harness.redis.hset(
      `${harness.prefix}workflow:{wf-narrow}:templates`,
      'held@1.0.0',
      JSON.stringify(apiCallTemplate('held', { api_endpoint: `${api.url}/h`, method: 'GET' })),
    );
    const payload = (n: number) => ({ workflowId: 'wf-narrow', jobId: `j${n}`, templateId: 'held', version: '1.0.0', input: {} });
    await queue.enqueueMany(
      'narrow',
      [1, 2, 3, 4, 5].map((n) => ({ id: `wf-narrow:j${n}:1`, payload: payload(n) })),
    );
    await api.nthRequest(2);
    expect(await queue.stats('narrow')).toMatchObject({ leased: 2, queued: 3 });
    expect(metricValue(await narrow.metrics(), 'base_shift_executor_jobs_in_flight')).toBe(2);
    held.answer(0, 200, { n: 1 });
    await api.nthRequest(3);
    expect(await queue.stats('narrow')).toMatchObject({ leased: 2, queued: 2 });
    for (const index of [1, 2, 3, 4]) {
      await api.nthRequest(index + 1);
      held.answer(index, 200, { n: index + 1 });
    }
    expect(await narrow.app.stop('SIGTERM')).toBe(0);
    // Every job completed: none is left queued, leased, waiting for a retry or dead.
    expect(await queue.stats('narrow')).toMatchObject({ queued: 0, leased: 0, delayed: 0, dead: 0 });
    expect(api.requests).toHaveLength(5);
  });
});
