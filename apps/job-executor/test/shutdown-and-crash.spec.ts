import { JobLeases } from '@base-shift/queue';
import { eventually } from '@base-shift/testing';
import { ExecutorHarness, metricValue, POOL } from './support/executor-harness';
import { hang, holding, json, startHttpStub, type HttpStub } from './support/http-stub';
import { apiCallTemplate } from './support/templates';

describe('executor shutdown and crashes (real Redis, child processes)', () => {
  let harness: ExecutorHarness;
  const stubs: HttpStub[] = [];
  const stub = async (...handlers: Parameters<typeof startHttpStub>[0]) => {
    const started = await startHttpStub(handlers);
    stubs.push(started);
    return started;
  };
  const waitForOutput = (app: { output(): string }, text: string) => {
    const printed = () => {
      if (!app.output().includes(text)) throw new Error(`output so far:\n${app.output()}`);
      return true;
    };
    return eventually(printed, `the executor to print ${JSON.stringify(text)}`, { attempts: 1000, everyMs: 20 });
  };

  beforeEach(() => (harness = new ExecutorHarness('lifecycle')));
  afterEach(async () => {
    await harness.cleanup();
    await Promise.all(stubs.splice(0).map((s) => s.close()));
  });

  it('on SIGTERM stops leasing, lets running jobs finish within the grace period, releases the rest and exits 0', async () => {
    const held = holding();
    const finishing = await stub(held.handler);
    const stuck = await stub(hang);
    const executor = await harness.startExecutor({ EGRESS_ALLOW: '127.0.0.1', SHUTDOWN_GRACE_SECONDS: '2' });
    const finishingId = await harness.enqueue({ template: apiCallTemplate('finishing', { api_endpoint: `${finishing.url}/f`, method: 'GET' }), input: {} });
    const stuckId = await harness.enqueue({ template: apiCallTemplate('stuck', { api_endpoint: `${stuck.url}/s`, method: 'GET' }), input: {} });
    await finishing.nthRequest(1);
    const stuckRequest = await stuck.nthRequest(1);

    executor.app.child.kill('SIGTERM');
    await waitForOutput(executor.app, 'stopping: no new jobs, draining');
    const lateId = await harness.enqueue({ template: apiCallTemplate('late', { api_endpoint: `${finishing.url}/late`, method: 'GET' }), input: {} });
    // The job still running finishes during the grace period and is reported.
    held.answer(0, 200, { done: true });
    expect(await executor.app.exited).toBe(0);

    expect(await harness.waitForResult(finishingId)).toMatchObject({ outcome: 'succeeded', output: { done: true } });
    // The job that did not finish is back in the queue at once, its attempt not counted as a failure.
    await stuckRequest.aborted;
    expect(await harness.job(stuckId)).toMatchObject({ state: 'queued', failures: 0 });
    // Nothing was leased after the signal.
    expect(await harness.job(lateId)).toMatchObject({ state: 'queued', attempt: 0 });
    expect(executor.app.output()).toContain('released 1 unfinished job(s) of pool default: requeued');
  });

  it('a second signal exits at once, leaving the lease to expire', async () => {
    const stuck = await stub(hang);
    const executor = await harness.startExecutor({ EGRESS_ALLOW: '127.0.0.1', SHUTDOWN_GRACE_SECONDS: '600' });
    const id = await harness.enqueue({ template: apiCallTemplate('stuck', { api_endpoint: `${stuck.url}/s`, method: 'GET' }), input: {} });
    await stuck.nthRequest(1);
    executor.app.child.kill('SIGTERM');
    await waitForOutput(executor.app, 'stopping: no new jobs, draining');
    executor.app.child.kill('SIGTERM');
    expect(await executor.app.exited).toBe(130);
    expect(await harness.job(id)).toMatchObject({ state: 'leased', attempt: 1 });
  });

  it('kill -9 mid-job: after the lease expires another executor runs the job, and it completes exactly once', async () => {
    const api = await stub(hang, json(200, { charged: true }));
    const first = await harness.startExecutor({ EGRESS_ALLOW: '127.0.0.1', LEASE_SECONDS: '2', EXECUTOR_ID: 'executor-a' });
    const id = await harness.enqueue({
      template: apiCallTemplate('charge', { api_endpoint: `${api.url}/charge`, method: 'POST' }),
      input: { amount: 1 },
      maxAttempts: 3,
    });
    await api.nthRequest(1);
    first.app.child.kill('SIGKILL');
    expect(await first.app.exited).toBe('SIGKILL');

    const second = await harness.startExecutor({ EGRESS_ALLOW: '127.0.0.1', LEASE_SECONDS: '2', EXECUTOR_ID: 'executor-b' });
    const result = await harness.waitForResult(id, ['succeeded', 'failed']);
    expect(result).toMatchObject({ outcome: 'succeeded', attempt: 2, output: { charged: true } });
    // Executor b's reaper took the stalled lease back (no control plane runs here) and counted it.
    expect(metricValue(await second.metrics(), 'base_shift_queue_stalled_leases_recovered_total{pool="default"}')).toBe(1);

    const results = await harness.results(id);
    expect(results.map((r) => [r.outcome, r.attempt, r.executor ?? null])).toEqual([
      ['started', 1, 'executor-a'],
      ['retrying', 1, null],
      ['started', 2, 'executor-b'],
      ['succeeded', 2, null],
    ]);
    expect(results[1].error?.message).toBe('lease expired: executor executor-a stopped heartbeating');
    // Both attempts sent the same idempotency key, so the API could tell the retry from a new payment.
    expect(api.requests[1].headers['idempotency-key']).toBe(api.requests[0].headers['idempotency-key']);

    // A zombie of the first executor, completing late with its old attempt, is refused.
    const zombie = new JobLeases(harness.redis, { pools: [POOL], prefix: harness.prefix });
    expect(await zombie.completeMany(POOL, [{ id, attempt: 1, output: { charged: 'twice' } }])).toEqual(['not_found']);
    expect((await harness.results(id)).filter((r) => r.outcome === 'succeeded')).toHaveLength(1);
  });
});
