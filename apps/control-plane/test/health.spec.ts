import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { eventually } from '@base-shift/testing';
import type { TestAdminKey } from './support/test-auth';
import { startInProcessApp, type InProcessApp } from './support/in-process-app';

describe('health endpoints (real Redis and FerretDB)', () => {
  let app: INestApplication;
  let started: InProcessApp;
  let admin: TestAdminKey;

  beforeAll(async () => {
    started = await startInProcessApp('health');
    app = started.app;
    admin = started.admin;
  });

  afterAll(() => started.stop());

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
