import { eventually, startThrowawayRedis, type ThrowawayRedis } from '@base-shift/testing';
import { BuiltStack } from '../support/built-stack';

const CREATE = 'mutation Create($input: CreateJobTemplateInput!) { createJobTemplate(input: $input) { id } }';
const CHECK_TEMPLATE = {
  id: 'loss_check',
  steps: [{ name: 'check', type: 'validation', config: { rules: [{ rule: 'required', field: 'orderId' }] } }],
  inputSchema: { type: 'object' },
  outputSchema: { type: 'object' },
};
const WORKFLOW = { jobs: [{ id: 'check', templateId: 'loss_check', input: { orderId: 'o-1' } }] };

describe('Redis restarted empty under a running control plane and executor (built apps, own redis-server)', () => {
  let redis: ThrowawayRedis;
  let stack: BuiltStack;

  beforeAll(async () => {
    redis = await startThrowawayRedis();
    stack = await BuiltStack.start('redis-loss', { redisUrl: redis.url });
  }, 60_000);
  afterAll(async () => {
    await stack?.stop();
    await redis?.stop();
  });

  it('a workflow created after the loss completes without restarting anything, and the loss is counted and logged once', async () => {
    await stack.graphql(CREATE, { input: CHECK_TEMPLATE });
    const before = await stack.json<{ id: string }>('/workflows', { method: 'POST', body: WORKFLOW });
    await stack.waitForWorkflow(before.id, 'COMPLETED');

    await redis.restartEmpty();

    // Until the control plane notices the loss, its admin key is gone with the rest: retry the call.
    const after = await eventually(
      () => stack.json<{ id: string }>('/workflows', { method: 'POST', body: WORKFLOW }),
      'a workflow to be created after the loss',
      {
        attempts: 300,
        everyMs: 100,
      },
    );
    await stack.waitForWorkflow(after.id, 'COMPLETED', 60_000);

    const metrics = await (await fetch(`${stack.metricsUrl}/metrics`)).text();
    expect(metrics).toMatch(/^base_shift_redis_data_loss_total(\{[^}]*\})? 1$/m);
    const lossLines = stack.controlPlane
      .output()
      .split('\n')
      .filter((line) => line.includes('Redis lost its data: epoch'));
    expect(lossLines).toHaveLength(1);
    expect((await fetch(`${stack.baseUrl}/readyz`)).status).toBe(200);
    // The executor notices it on its own epoch check (every 5 s).
    await eventually(
      async () => /^base_shift_redis_data_loss_total(\{[^}]*\})? 1$/m.test(await (await fetch(`http://${stack.executorAddress}/metrics`)).text()),
      "the executor's data-loss counter to reach 1",
      { attempts: 150, everyMs: 100 },
    );
  }, 120_000);
});
