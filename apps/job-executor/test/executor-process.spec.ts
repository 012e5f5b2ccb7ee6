import { freePort, requireTestEnv, startBuiltApp, type AppProcess } from '@base-shift/testing';

describe('built job executor (node dist/apps/job-executor/main.js)', () => {
  let agent: AppProcess | undefined;

  afterEach(async () => {
    await agent?.stop('SIGKILL');
    agent = undefined;
  });

  it.each(['SIGTERM', 'SIGINT'] as const)('connects, serves /healthz and exits 0 on %s', async (signal) => {
    const port = await freePort();
    agent = startBuiltApp('job-executor', { JOB_QUEUE_URL: requireTestEnv('REDIS_URL'), METRICS_PORT: String(port) });
    const health = await agent.waitForHttp(`http://127.0.0.1:${port}/healthz`, 200);
    expect((await health.json()) as unknown).toEqual({ status: 'ok', redis: 'up' });
    expect(await agent.stop(signal)).toBe(0);
    expect(agent.output()).toContain('"msg":"stopped"');
  });

  it('accepts REDIS_URL as an alias of JOB_QUEUE_URL', async () => {
    const port = await freePort();
    agent = startBuiltApp('job-executor', { REDIS_URL: requireTestEnv('REDIS_URL'), METRICS_PORT: String(port) });
    await agent.waitForHttp(`http://127.0.0.1:${port}/healthz`, 200);
  });

  it('refuses bad configuration at start, naming each variable', async () => {
    agent = startBuiltApp('job-executor', { JOB_QUEUE_URL: 'http://nope', CONCURRENCY: '0', POOLS: 'ok,bad pool' });
    expect(await agent.exited).toBe(1);
    const output = agent.output();
    expect(output).toContain('JOB_QUEUE_URL: must be a redis: or rediss: URL, got "http://nope"');
    expect(output).toContain('CONCURRENCY: must be an integer between 1 and 1000, got "0"');
    expect(output).toContain('POOLS: pool name "bad pool" must match');
  });
});
