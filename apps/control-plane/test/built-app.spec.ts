import { freePort, isolatedMongoUrl, startBuiltApp, type AppProcess } from '@base-shift/testing';

// The built bundle, started as its container starts it: configuration only by environment.
describe('built control plane (node dist/apps/control-plane/main.js)', () => {
  let app: AppProcess | undefined;

  afterEach(async () => {
    await app?.stop();
    app = undefined;
  });

  it('stays live but not ready when Redis is unreachable, naming Redis', async () => {
    const port = await freePort();
    app = startBuiltApp('control-plane', {
      PORT: String(port),
      REDIS_URL: 'redis://127.0.0.1:1',
      MONGO_URL: isolatedMongoUrl('built'),
      LOG_LEVEL: 'warn',
      METRICS_PORT: '0',
    });
    await app.waitForHttp(`http://127.0.0.1:${port}/healthz`, 200);
    const readiness = await app.waitForHttp(`http://127.0.0.1:${port}/readyz`, 503);
    expect(readiness.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = (await readiness.json()) as { detail: string; checks: { redis: { status: string } } };
    expect(body.detail).toMatch(/redis/);
    expect(body.checks.redis.status).toBe('down');
  });

  it('refuses to start with PORT=abc, naming the variable', async () => {
    app = startBuiltApp('control-plane', { PORT: 'abc', REDIS_URL: 'redis://127.0.0.1:6379', MONGO_URL: 'mongodb://127.0.0.1:1/x' });
    expect(await app.exited).toBe(1);
    expect(app.output()).toContain('PORT: must be an integer between 1 and 65535, got "abc"');
  });

  it('refuses to start with bad access-control settings, naming each variable', async () => {
    app = startBuiltApp('control-plane', {
      REDIS_URL: 'redis://127.0.0.1:6379',
      MONGO_URL: 'mongodb://127.0.0.1:1/x',
      AUTH_MODE: 'open',
      AUTH_BOOTSTRAP_KEY_FILE: '/nonexistent/admin-key',
      OIDC_ISSUER_URL: 'https://issuer.example',
      AUTH_RATE_PER_SECOND: '-1',
      AUTH_RATE_BURST: 'many',
      METRICS_PORT: '3000',
    });
    expect(await app.exited).toBe(1);
    const output = app.output();
    expect(output).toContain('AUTH_MODE: must be one of api-keys, none, got "open"');
    expect(output).toContain('AUTH_BOOTSTRAP_KEY_FILE: names "/nonexistent/admin-key", which cannot be read');
    expect(output).toContain('OIDC_AUDIENCE: is required');
    expect(output).toContain('AUTH_RATE_PER_SECOND: must be a number above 0');
    expect(output).toContain('AUTH_RATE_BURST: must be an integer');
    expect(output).toContain('METRICS_PORT: must differ from PORT (3000)');
  });

  it('refuses to start without MONGO_URL and REDIS_URL, naming both', async () => {
    app = startBuiltApp('control-plane', {});
    expect(await app.exited).toBe(1);
    expect(app.output()).toContain('REDIS_URL: is required');
    expect(app.output()).toContain('MONGO_URL: is required');
  });
});
