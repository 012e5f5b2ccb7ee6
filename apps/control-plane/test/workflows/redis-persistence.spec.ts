import { eventually, startThrowawayRedis, type ThrowawayRedis } from '@base-shift/testing';
import { BuiltStack } from '../support/built-stack';
import { sampleValue } from '../support/metrics-text';

const CREATE = 'mutation Create($input: CreateJobTemplateInput!) { createJobTemplate(input: $input) { id } }';
const SLOW_TEMPLATE = {
  id: 'persist_check',
  steps: [
    { name: 'wait', type: 'delay', config: { ms: 1500 } },
    { name: 'check', type: 'validation', config: { rules: [{ rule: 'required', field: 'orderId' }] } },
  ],
  inputSchema: { type: 'object' },
  outputSchema: { type: 'object' },
};
const WORKFLOW = { jobs: [{ id: 'check', templateId: 'persist_check', input: { orderId: 'o-1' } }] };
const SETTINGS = ['appendonly', 'appendfsync', 'maxmemory-policy'];

async function riskGauges(stack: BuiltStack): Promise<Record<string, number | undefined>> {
  const text = await (await fetch(`${stack.metricsUrl}/metrics`)).text();
  return Object.fromEntries(SETTINGS.map((setting) => [setting, sampleValue(text, 'base_shift_redis_persistence_risk', { setting })]));
}

describe('Redis persistence check at start (built apps, own redis-server)', () => {
  let redis: ThrowawayRedis | undefined;
  let stack: BuiltStack | undefined;
  afterEach(async () => {
    await stack?.stop();
    await redis?.stop();
    stack = redis = undefined;
  });

  it('warns about a Redis without AOF and sets its risk gauge to 1', async () => {
    redis = await startThrowawayRedis();
    stack = await BuiltStack.start('redis-no-aof', { redisUrl: redis.url });
    const started = stack;
    await eventually(async () => (await riskGauges(started))['appendonly'] === 1, 'the appendonly risk gauge to be 1', { attempts: 100, everyMs: 100 });
    expect(await riskGauges(started)).toEqual({ appendonly: 1, appendfsync: 0, 'maxmemory-policy': 0 });
    const warnings = started.controlPlane
      .output()
      .split('\n')
      .filter((line) => line.includes('Redis can lose data'));
    expect(warnings).toHaveLength(1);
    expect(JSON.parse(warnings[0])).toMatchObject({ level: 'warn', setting: 'appendonly', value: 'no' });
  }, 90_000);

  it('with AOF everysec and noeviction: no risk, and a restart of Redis mid-run loses nothing', async () => {
    redis = await startThrowawayRedis({ serverArgs: ['--appendonly', 'yes', '--appendfsync', 'everysec', '--maxmemory-policy', 'noeviction'] });
    stack = await BuiltStack.start('redis-aof', { redisUrl: redis.url });
    const started = stack;
    const server = redis;
    await eventually(async () => (await riskGauges(started))['appendonly'] === 0, 'the risk gauges to be set', { attempts: 100, everyMs: 100 });
    expect(await riskGauges(started)).toEqual({ appendonly: 0, appendfsync: 0, 'maxmemory-policy': 0 });
    expect(started.controlPlane.output()).not.toContain('Redis can lose data');

    await started.graphql(CREATE, { input: SLOW_TEMPLATE });
    const first = await started.json<{ id: string }>('/workflows', { method: 'POST', body: WORKFLOW });
    await started.waitForWorkflow(first.id, 'COMPLETED');

    const second = await started.json<{ id: string }>('/workflows', { method: 'POST', body: WORKFLOW });
    await started.waitForWorkflow(second.id, 'RUNNING', 10_000);
    // A crash (SIGKILL) of Redis while the job sleeps; it comes back from its AOF in the same data dir.
    await server.restart('SIGKILL');

    await eventually(() => started.waitForWorkflow(second.id, 'COMPLETED', 5_000), 'the second workflow to complete', { attempts: 12, everyMs: 100 });
    expect((await started.json(`/workflows/${first.id}`))['state']).toBe('COMPLETED');
    const metrics = await (await fetch(`${started.metricsUrl}/metrics`)).text();
    expect(sampleValue(metrics, 'base_shift_redis_data_loss_total') ?? 0).toBe(0);
    expect(started.controlPlane.output()).not.toContain('Redis lost its data');
    // Client errors during the outage are JSON lines of the log port, not ioredis's own stderr output.
    for (const app of [started.controlPlane, started.executor]) expect(app.output()).not.toContain('[ioredis]');
  }, 120_000);
});
