import { freePort, isolatedRedis, promtoolCheckMetrics, requireTestEnv, startBuiltApp, type AppProcess, type IsolatedRedis } from '@base-shift/testing';

// Prefixes handed out, their keys (the installation epoch at least) removed after each test.
const handedOut: IsolatedRedis[] = [];
// A prefix of its own, so these agents never lease jobs of a developer instance sharing the Redis.
const isolated = () => {
  const keys = isolatedRedis('executor-process');
  handedOut.push(keys);
  return { REDIS_KEY_PREFIX: keys.prefix };
};

describe('built job executor (node dist/apps/job-executor/main.js)', () => {
  let agent: AppProcess | undefined;

  afterEach(async () => {
    await agent?.stop('SIGKILL');
    agent = undefined;
    for (const keys of handedOut.splice(0)) await keys.cleanup();
  });

  it.each(['SIGTERM', 'SIGINT'] as const)('connects, serves /healthz and exits 0 on %s', async (signal) => {
    const port = await freePort();
    agent = startBuiltApp('job-executor', { ...isolated(), JOB_QUEUE_URL: requireTestEnv('REDIS_URL'), METRICS_PORT: String(port) });
    const health = await agent.waitForHttp(`http://127.0.0.1:${port}/healthz`, 200);
    expect((await health.json()) as unknown).toEqual({ status: 'ok', redis: 'up' });
    expect(await agent.stop(signal)).toBe(0);
    expect(agent.output()).toContain('"msg":"stopped"');
  });

  it('accepts REDIS_URL as an alias of JOB_QUEUE_URL', async () => {
    const port = await freePort();
    agent = startBuiltApp('job-executor', { ...isolated(), REDIS_URL: requireTestEnv('REDIS_URL'), METRICS_PORT: String(port) });
    await agent.waitForHttp(`http://127.0.0.1:${port}/healthz`, 200);
  });

  it('refuses bad configuration at start, naming each variable', async () => {
    agent = startBuiltApp('job-executor', { JOB_QUEUE_URL: 'http://nope', CONCURRENCY: '0', POOLS: 'ok,bad pool' });
    expect(await agent.exited).toBe(1);
    const output = agent.output();
    expect(output).toContain('JOB_QUEUE_URL: must be a redis: or rediss: URL (or a comma-separated list of them for a Redis Cluster), got "http://nope"');
    expect(output).toContain('CONCURRENCY: must be an integer between 1 and 1000, got "0"');
    expect(output).toContain('POOLS: pool name "bad pool" must be 1-63 letters');
  });

  it('refuses a Redis Cluster list with a bad entry, naming the entry and never its password', async () => {
    agent = startBuiltApp('job-executor', { JOB_QUEUE_URL: 'redis://:hunter2@10.0.0.1:6379, http://:hunter2@10.0.0.2:6379' });
    expect(await agent.exited).toBe(1);
    const output = agent.output();
    expect(output).toContain('JOB_QUEUE_URL: entry 2 of the Redis Cluster list ("http://***@10.0.0.2:6379/") must be a redis: or rediss: URL');
    expect(output).not.toContain('hunter2');
  });

  it('refuses bad egress, secrets, prefix and lease settings, naming each variable', async () => {
    agent = startBuiltApp('job-executor', {
      JOB_QUEUE_URL: requireTestEnv('REDIS_URL'),
      EGRESS_ALLOW: '10.0.0.0/8, 10.0.0.0/40, not a host',
      SECRETS_DIR: '/nonexistent/secrets',
      REDIS_KEY_PREFIX: 'test:{x}:',
      LEASE_SECONDS: '0',
      EXECUTOR_ID: 'pod|1',
    });
    expect(await agent.exited).toBe(1);
    const output = agent.output();
    expect(output).toContain('EGRESS_ALLOW: "10.0.0.0/40" is not a valid IP address or CIDR');
    expect(output).toContain('EGRESS_ALLOW: "not a host" is neither a host name');
    expect(output).toContain('SECRETS_DIR: "/nonexistent/secrets" is not a readable directory');
    expect(output).toContain('REDIS_KEY_PREFIX: must not contain { or }');
    expect(output).toContain('LEASE_SECONDS: must be an integer between 1 and 3600, got "0"');
    expect(output).toContain('EXECUTOR_ID: must match [A-Za-z0-9_.:@/-]{1,200}, got "pod|1"');
  });

  it('refuses bad SECRET_BINDINGS, naming the variable and the JSON Pointer of each problem', async () => {
    agent = startBuiltApp('job-executor', {
      JOB_QUEUE_URL: requireTestEnv('REDIS_URL'),
      SECRET_BINDINGS: JSON.stringify([{ name: 'api-key', allowedHosts: ['*.com'] }]),
    });
    expect(await agent.exited).toBe(1);
    const output = agent.output();
    expect(output).toContain('SECRET_BINDINGS: /0/name: must be a secret name matching');
    expect(output).toContain('SECRET_BINDINGS: /0/allowedHosts/0: must be a host name');
    agent = startBuiltApp('job-executor', { JOB_QUEUE_URL: requireTestEnv('REDIS_URL'), SECRET_BINDINGS: '{not json' });
    expect(await agent.exited).toBe(1);
    expect(agent.output()).toContain('SECRET_BINDINGS: is not valid JSON');
  });

  it('serves Prometheus metrics on METRICS_PORT', async () => {
    const port = await freePort();
    agent = startBuiltApp('job-executor', { ...isolated(), JOB_QUEUE_URL: requireTestEnv('REDIS_URL'), METRICS_PORT: String(port), CONCURRENCY: '7' });
    await agent.waitForHttp(`http://127.0.0.1:${port}/healthz`, 200);
    const response = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toContain('base_shift_executor_concurrency_limit 7');
    expect(text).toContain('base_shift_executor_jobs_in_flight 0');
    expect(text).toContain('# TYPE base_shift_executor_step_duration_seconds histogram');
    expect(text).toContain('# TYPE base_shift_queue_stalled_leases_recovered_total counter');
    expect(promtoolCheckMetrics(text)).toBe('');
  });
});
