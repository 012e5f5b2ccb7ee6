import { ExecutorHarness, metricValue, type RunningExecutor } from './support/executor-harness';
import { json, startHttpStub, type HttpStub } from './support/http-stub';
import { apiCallTemplate } from './support/templates';

describe('SSRF guard of external_api_call (real Redis, real HTTP, child process)', () => {
  let harness: ExecutorHarness;
  let target: HttpStub;
  let guarded: RunningExecutor;

  const refusal = async (endpoint: string) => {
    const id = await harness.enqueue({
      template: apiCallTemplate(`ssrf_${Math.random().toString(36).slice(2)}`, { api_endpoint: endpoint, method: 'GET' }),
      input: {},
    });
    const result = await harness.waitForResult(id);
    expect(result.outcome).toBe('failed');
    expect(result.attempt).toBe(1);
    expect(result.error?.retryable).toBe(false);
    expect(result.error?.details?.code).toBe('EXECUTOR.EGRESS_REFUSED');
    return result.error?.message;
  };

  beforeAll(async () => {
    harness = new ExecutorHarness('ssrf');
    target = await startHttpStub([json(200, { reached: true })]);
    // No EGRESS_ALLOW: the defaults apply.
    guarded = await harness.startExecutor();
  });

  afterAll(async () => {
    await harness.cleanup();
    await target.close();
  });

  it.each([
    ['loopback', () => `${target.url}/`, 'egress refused: 127.0.0.1 is a loopback address; add the host or a CIDR to EGRESS_ALLOW to allow it'],
    ['a name resolving to loopback', () => `http://localhost:${target.port}/`, /\(resolved from localhost\) is a loopback address/],
    ['IPv4-mapped IPv6 loopback', () => `http://[::ffff:127.0.0.1]:${target.port}/`, 'egress refused: [0:0:0:0:0:ffff:7f00:1] is a loopback address'],
    ['decimal-encoded loopback', () => `http://2130706433:${target.port}/`, 'egress refused: 127.0.0.1 is a loopback address'],
    ['private (RFC 1918)', () => 'http://10.0.0.1/', 'egress refused: 10.0.0.1 is a private address'],
    ['private 192.168/16', () => 'http://192.168.1.1/', 'egress refused: 192.168.1.1 is a private address'],
    ['link-local cloud metadata', () => 'http://169.254.169.254/latest/meta-data/', 'egress refused: 169.254.169.254 is a link-local address'],
    ['IPv6 unique-local', () => 'http://[fd00:ec2::254]/', 'egress refused: [fd00:ec2:0:0:0:0:0:254] is a unique-local address'],
    ['IPv6 link-local', () => 'http://[fe80::1]/', 'is a link-local address'],
    ['unspecified', () => `http://0.0.0.0:${target.port}/`, 'egress refused: 0.0.0.0 is an unspecified address'],
  ])('refuses %s', async (_, endpoint, message) => {
    const refused = await refusal(endpoint());
    if (typeof message === 'string') expect(refused).toContain(message);
    else expect(refused).toMatch(message);
    expect(target.requests).toHaveLength(0);
  });

  it('counts refusals by address class', async () => {
    const metrics = await guarded.metrics();
    expect(metricValue(metrics, 'base_shift_executor_egress_refusals_total{class="loopback"}')).toBe(4);
    expect(metricValue(metrics, 'base_shift_executor_egress_refusals_total{class="link-local"}')).toBe(2);
  });

  it('never fills a URL from a secret: a snapshot with ${NAME} in its endpoint is refused as an invalid template', async () => {
    const template = apiCallTemplate('url_from_secret', { api_endpoint: '${TARGET_URL}/x', method: 'GET' });
    const result = await harness.waitForResult(await harness.enqueue({ template, input: {} }));
    expect(result.outcome).toBe('failed');
    expect(result.error?.retryable).toBe(false);
    expect(result.error?.details?.code).toBe('EXECUTOR.INVALID_TEMPLATE');
    expect(target.requests).toHaveLength(0);
  });

  it('refuses redirects that lead to a forbidden address, even when the first hop is allowed', async () => {
    await guarded.app.stop('SIGTERM');
    const redirecting = await startHttpStub([
      (_, response) => response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/iam/' }).end(),
      (_, response) => response.writeHead(307, { location: `http://[::1]:${target.port}/` }).end(),
      (_, response) => response.writeHead(301, { location: 'file:///etc/shadow' }).end(),
    ]);
    try {
      await harness.startExecutor({ EGRESS_ALLOW: '127.0.0.1' });
      expect(await refusal(`${redirecting.url}/r1`)).toContain('egress refused: 169.254.169.254 is a link-local address');
      expect(await refusal(`${redirecting.url}/r2`)).toContain('egress refused: [0:0:0:0:0:0:0:1] is a loopback address');
      expect(await refusal(`${redirecting.url}/r3`)).toContain('egress refused: redirect to scheme file');
      expect(redirecting.requests).toHaveLength(3);
      expect(target.requests).toHaveLength(0);
    } finally {
      await redirecting.close();
    }
  });

  it('reaches an allowed private address when EGRESS_ALLOW names it', async () => {
    const id = await harness.enqueue({ template: apiCallTemplate('allowed', { api_endpoint: `${target.url}/ok`, method: 'GET' }), input: {} });
    expect(await harness.waitForResult(id)).toMatchObject({ outcome: 'succeeded', output: { reached: true } });
  });
});
