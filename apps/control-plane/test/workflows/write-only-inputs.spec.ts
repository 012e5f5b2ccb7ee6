import { createRedisConnection, type RedisConnection } from '@base-shift/redis';
import { dumpKeys, eventually } from '@base-shift/testing';
import { BuiltStack } from '../support/built-stack';

const CARD = '4111111111111111';
const CREATE_TEMPLATE = 'mutation Create($input: CreateJobTemplateInput!) { createJobTemplate(input: $input) { id } }';

/** Checks the card (the validation runner reads the value), waits, then answers without echoing it. */
const CHARGE_TEMPLATE = {
  id: 'wo_charge',
  steps: [
    { name: 'check', type: 'validation', config: { rules: [{ rule: 'check_card_number', field: 'cardNumber' }] } },
    { name: 'wait', type: 'delay', config: { ms: 1500 } },
    { name: 'answer', type: 'transform', config: { output: { charged: { $from: 'input.amount' } } } },
  ],
  inputSchema: {
    type: 'object',
    properties: { cardNumber: { type: 'string', writeOnly: true }, amount: { type: 'number' } },
    required: ['cardNumber', 'amount'],
  },
  outputSchema: { type: 'object' },
};

/** Two jobs read the card through $from; `note` is an ordinary field. */
const PAYMENT = {
  input: { cardNumber: CARD, amount: 12.5, note: 'gift' },
  jobs: [
    { id: 'authorize', templateId: 'wo_charge', input: { cardNumber: { $from: 'input.cardNumber' }, amount: { $from: 'input.amount' } } },
    { id: 'capture', templateId: 'wo_charge', input: { cardNumber: { $from: 'input.cardNumber' }, amount: { $from: 'input.amount' } } },
  ],
};

interface Workflow {
  id: string;
  state: string;
  input: Record<string, unknown>;
  jobs: Array<{ id: string; state: string; input: unknown; resolvedInput?: unknown }>;
}

describe('writeOnly input fields (built control plane and executor)', () => {
  let stack: BuiltStack;
  let redis: RedisConnection;

  beforeAll(async () => {
    // debug: every line either app can write is captured and searched.
    stack = await BuiltStack.start('write-only', { logLevel: 'debug' });
    redis = createRedisConnection(stack.redisUrl);
    await stack.graphql(CREATE_TEMPLATE, { input: CHARGE_TEMPLATE });
  });
  afterAll(async () => {
    await redis?.quit();
    await stack?.stop();
  });

  const workflowKey = (id: string, suffix: string): string => `${stack.prefix}workflow:{${id}}:${suffix}`;
  const waitFor = (id: string, what: string, predicate: (workflow: Workflow) => boolean): Promise<Workflow> =>
    eventually(
      async () => {
        const workflow = await stack.json<Workflow>(`/workflows/${id}`);
        if (!predicate(workflow)) throw new Error(`last seen: ${JSON.stringify(workflow)}`);
        return workflow;
      },
      `workflow ${id} reaching ${what}`,
      { attempts: 300, everyMs: 100 },
    );
  /** The whole SSE stream up to COMPLETED: a stream ends at FAILED too, so it is resumed with Last-Event-ID after a retry. */
  const events = async (id: string): Promise<string> => {
    let text = '';
    for (let round = 0; round < 3 && !text.includes('"to":"COMPLETED"'); round++) {
      const last = [...text.matchAll(/^id: (\d+)$/gm)].pop()?.[1];
      const headers = { accept: 'text/event-stream', ...stack.adminHeaders, ...(last !== undefined && { 'last-event-id': last }) };
      text += await (await fetch(`${stack.baseUrl}/workflows/${id}/events`, { headers })).text();
    }
    // The whole history was replayed, so the search below means something.
    expect(text).toContain('"to":"COMPLETED"');
    return text;
  };

  it('is never shown, leaves Redis once no job needs it, and is in no log line', async () => {
    const created = await stack.json<Workflow>('/workflows', { method: 'POST', body: PAYMENT });
    expect(JSON.stringify(created)).not.toContain(CARD);
    expect(created.input).toEqual({ amount: 12.5, note: 'gift' });

    // authorize done, capture still running: the card is kept for capture, gone from authorize's hash.
    const half = await waitFor(created.id, 'authorize SUCCEEDED', (w) => w.jobs[0].state === 'SUCCEEDED' && w.jobs[1].state === 'RUNNING');
    expect(JSON.stringify(half)).not.toContain(CARD);
    expect(half.jobs[1].resolvedInput).toEqual({ amount: 12.5 });
    expect(await redis.hget(workflowKey(created.id, 'meta'), 'input')).toContain(CARD);
    await eventually(
      async () => !JSON.stringify(await redis.hgetall(workflowKey(created.id, 'job:authorize'))).includes(CARD),
      'authorize forgetting the card',
    );

    const done = await waitFor(created.id, 'COMPLETED', (w) => w.state === 'COMPLETED');
    expect(JSON.stringify(done)).not.toContain(CARD);
    expect(done.input).toEqual({ amount: 12.5, note: 'gift' });
    expect(await events(created.id)).not.toContain(CARD);
    expect(await dumpKeys(redis, stack.prefix)).not.toContain(CARD);
    // Both apps did log this workflow's jobs (debug), just never the value.
    expect(stack.executor.output()).toContain(created.id);
    expect(stack.controlPlane.output()).not.toContain(CARD);
    expect(stack.executor.output()).not.toContain(CARD);
  });

  it('a FAILED workflow keeps it for its failed job, and a retry still succeeds', async () => {
    const created = await stack.json<Workflow>('/workflows', { method: 'POST', body: PAYMENT });
    await waitFor(created.id, 'capture RUNNING', (w) => w.jobs[1].state === 'RUNNING');
    const failed = await stack.json<Workflow>(`/workflows/${created.id}/jobs/capture`, {
      method: 'PUT',
      body: { status: 'FAILED', error: 'declined by the bank' },
    });
    expect(failed.state).toBe('FAILED');
    expect(JSON.stringify(failed)).not.toContain(CARD);
    expect(await redis.hget(workflowKey(created.id, 'meta'), 'input')).toContain(CARD);

    const retried = await stack.json<Workflow>(`/workflows/${created.id}/retry`, { method: 'POST' });
    expect(JSON.stringify(retried)).not.toContain(CARD);
    const done = await waitFor(created.id, 'COMPLETED', (w) => w.state === 'COMPLETED');
    expect(done.jobs.map((job) => job.state)).toEqual(['SUCCEEDED', 'SUCCEEDED']);
    expect(await events(created.id)).not.toContain(CARD);
    expect(await dumpKeys(redis, stack.prefix)).not.toContain(CARD);
    expect(stack.controlPlane.output()).not.toContain(CARD);
    expect(stack.executor.output()).not.toContain(CARD);
  });
});
