import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { isolatedMongoUrl, requireTestEnv } from '@base-shift/testing';
import { createControlPlaneApp } from '../src/app/create-app';

describe('health endpoints (real Redis and FerretDB)', () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await createControlPlaneApp({
      port: 0,
      redisUrl: requireTestEnv('REDIS_URL'),
      mongoUrl: isolatedMongoUrl('health'),
      logLevel: 'warn',
    });
    await app.init();
  });

  afterAll(() => app.close());

  it('answers liveness without looking at dependencies', async () => {
    await request(app.getHttpServer()).get('/healthz').expect(200, { status: 'ok' });
  });

  it('is ready when Redis and MongoDB both answer', async () => {
    // The Mongo connection is lazy: readiness may take a moment to turn green.
    let response = await request(app.getHttpServer()).get('/readyz');
    for (let attempt = 0; attempt < 50 && response.status !== 200; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      response = await request(app.getHttpServer()).get('/readyz');
    }
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ready', checks: { redis: { status: 'up' }, mongodb: { status: 'up' } } });
  });

  it('answers unknown routes with problem+json', async () => {
    const response = await request(app.getHttpServer()).get('/nope').expect(404);
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
