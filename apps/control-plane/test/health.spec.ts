import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { eventually, isolatedMongoUrl, requireTestEnv } from '@base-shift/testing';
import { createControlPlaneApp } from '../src/app/create-app';
import { loadControlPlaneConfig } from '../src/app/config/control-plane-config';
import { TestAdminKey } from './support/test-auth';

describe('health endpoints (real Redis and FerretDB)', () => {
  let app: INestApplication;
  const admin = new TestAdminKey();

  beforeAll(async () => {
    app = await createControlPlaneApp(
      loadControlPlaneConfig({
        REDIS_URL: requireTestEnv('REDIS_URL'),
        MONGO_URL: isolatedMongoUrl('health'),
        LOG_LEVEL: 'warn',
        POD_DRIVER: 'none',
        METRICS_PORT: '0',
        ...admin.env(),
      }),
    );
    await app.init();
  });

  afterAll(async () => {
    await app.close();
    admin.remove();
  });

  it('answers liveness without looking at dependencies', async () => {
    await request(app.getHttpServer()).get('/healthz').expect(200, { status: 'ok' });
  });

  it('is ready when Redis and MongoDB both answer', async () => {
    // The Mongo connection is lazy: readiness may take a moment to turn green.
    const ready = async () => {
      const response = await request(app.getHttpServer()).get('/readyz');
      if (response.status !== 200) throw new Error(`/readyz answered ${response.status}: ${JSON.stringify(response.body)}`);
      return response;
    };
    const response = await eventually(ready, 'readiness', { attempts: 50, everyMs: 100 });
    expect(response.body).toEqual({ status: 'ready', checks: { redis: { status: 'up' }, mongodb: { status: 'up' } } });
  });

  it('answers unknown routes with problem+json', async () => {
    const response = await request(app.getHttpServer()).get('/nope').set(admin.headers).expect(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 404, title: 'Not Found', instance: '/nope' });
  });

  it('tags every response with a request id, reusing a well-formed one from the caller', async () => {
    const generated = await request(app.getHttpServer()).get('/healthz').expect(200);
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const reused = await request(app.getHttpServer()).get('/healthz').set('X-Request-Id', 'trace-42').expect(200);
    expect(reused.headers['x-request-id']).toBe('trace-42');
    const replaced = await request(app.getHttpServer()).get('/healthz').set('X-Request-Id', 'bad id with spaces and /slashes').expect(200);
    expect(replaced.headers['x-request-id']).not.toContain('bad');
  });
});
