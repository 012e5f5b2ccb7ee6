import type { Response } from 'supertest';
import request from 'supertest';
import { eventually, isolatedMongoUrl, requireTestEnv } from '@base-shift/testing';
import { TcpProxy } from '../support/tcp-proxy';
import { TemplateService } from '@base-shift/templates';
import { ORDER_VALIDATION_TEMPLATE, PAYMENT_PROCESSING_TEMPLATE, INVENTORY_UPDATE_TEMPLATE } from '../../src/app/templates/samples';
import { startInProcessApp, type InProcessApp } from '../support/in-process-app';
import { sampleValue } from '../support/metrics-text';
import { orderWorkflow, WorkflowTestApp } from './workflow-test-app';

function expectRetryLater(response: Response, status: number): void {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(Number(response.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  expect(response.body).toMatchObject({ status, type: 'about:blank', instance: '/workflows' });
}

async function listedIds(app: WorkflowTestApp): Promise<string[]> {
  const response = await app.http().get('/workflows?limit=100').expect(200);
  return (response.body as { items: Array<{ id: string }> }).items.map((item) => item.id).sort();
}

describe('POST /workflows back-pressure', () => {
  describe('creates in flight per replica (WORKFLOW_MAX_CREATES_IN_FLIGHT)', () => {
    let app: WorkflowTestApp;
    beforeAll(async () => {
      app = await WorkflowTestApp.start('bp_in_flight', { config: { workflowMaxCreatesInFlight: 2 } });
    });
    afterAll(() => app.stop());

    it('answers 429 with Retry-After past the bound, at once, and creates nothing for it', async () => {
      const first = await app.http().post('/workflows').set('Idempotency-Key', 'bp-replayed').send(orderWorkflow('o-first')).expect(201);
      const firstId = (first.body as { id: string }).id;
      const responses = await Promise.all(
        Array.from({ length: 16 }, (_, i) =>
          app
            .http()
            .post('/workflows')
            .send(orderWorkflow(`o-${i}`)),
        ),
      );
      const refused = responses.filter((response) => response.status === 429);
      const created = responses.filter((response) => response.status === 201);
      expect(refused.length).toBeGreaterThan(0);
      expect(created.length + refused.length).toBe(responses.length);
      for (const response of refused) {
        expectRetryLater(response, 429);
        expect(response.headers['retry-after']).toBe('1');
        expect((response.body as { detail: string }).detail).toMatch(/already handling 2 workflow creations/);
      }
      expect(await listedIds(app)).toEqual([firstId, ...created.map((response) => (response.body as { id: string }).id)].sort());
      expect(sampleValue(await app.scrape(), 'base_shift_http_refusals_total', { route: '/workflows', status: '429', reason: 'creates_in_flight' })).toBe(
        refused.length,
      );
      // Slots are given back: one at a time always passes.
      await app.create(orderWorkflow('o-after'));
    });

    it('answers a repeated Idempotency-Key with the first workflow even while every slot is taken', async () => {
      const first = await app.http().post('/workflows').set('Idempotency-Key', 'bp-repeat').send(orderWorkflow('o-repeat')).expect(201);
      const burst = await Promise.all([
        ...Array.from({ length: 12 }, (_, i) =>
          app
            .http()
            .post('/workflows')
            .send(orderWorkflow(`o-burst-${i}`)),
        ),
        ...Array.from({ length: 6 }, () => app.http().post('/workflows').set('Idempotency-Key', 'bp-repeat').send(orderWorkflow('o-repeat'))),
      ]);
      const repeats = burst.slice(12);
      expect(burst.slice(0, 12).some((response) => response.status === 429)).toBe(true);
      for (const response of repeats) {
        expect(response.status).toBe(200);
        expect(response.headers['idempotent-replayed']).toBe('true');
        expect((response.body as { id: string }).id).toBe((first.body as { id: string }).id);
      }
    });
  });

  describe('queued jobs per pool (WORKFLOW_MAX_QUEUED_PER_POOL)', () => {
    let app: WorkflowTestApp;
    beforeAll(async () => {
      app = await WorkflowTestApp.start('bp_queued', { config: { workflowMaxQueuedPerPool: 2 } });
    });
    afterAll(() => app.stop());

    it('answers 429 naming the full pool, with Retry-After, and creates nothing', async () => {
      // No executor runs: each workflow leaves its first job queued in pool "default".
      await app.create(orderWorkflow('o-1'));
      await app.create(orderWorkflow('o-2'));
      const before = await listedIds(app);
      expect(before).toHaveLength(2);
      // The count is cached for up to 250 ms.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const response = await app.http().post('/workflows').send(orderWorkflow('o-3'));
      expectRetryLater(response, 429);
      expect(response.headers['retry-after']).toBe('5');
      expect((response.body as { detail: string }).detail).toMatch(/Pool "default" already has 2 queued jobs \(limit 2\)/);
      expect(await listedIds(app)).toEqual(before);
      const idempotent = await app.http().post('/workflows').set('Idempotency-Key', 'bp-full').send(orderWorkflow('o-4'));
      expect(idempotent.status).toBe(429);
      expect(await listedIds(app)).toEqual(before);
      expect(sampleValue(await app.scrape(), 'base_shift_http_refusals_total', { route: '/workflows', status: '429', reason: 'pool_queue_full' })).toBe(2);
    });
  });

  describe('a repeated Idempotency-Key while the pool is full', () => {
    let app: WorkflowTestApp;
    beforeAll(async () => {
      app = await WorkflowTestApp.start('bp_repeat', { config: { workflowMaxQueuedPerPool: 1 } });
    });
    afterAll(() => app.stop());

    it('answers the first workflow (200), not 429: a repeat adds no work', async () => {
      const created = await app.http().post('/workflows').set('Idempotency-Key', 'bp-early').send(orderWorkflow('o-early')).expect(201);
      // The count is cached for up to 250 ms; then the pool is full (1 queued job, limit 1).
      await new Promise((resolve) => setTimeout(resolve, 300));
      await app.http().post('/workflows').send(orderWorkflow('o-refused')).expect(429);
      const repeat = await app.http().post('/workflows').set('Idempotency-Key', 'bp-early').send(orderWorkflow('o-early'));
      expect(repeat.status).toBe(200);
      expect(repeat.headers['idempotent-replayed']).toBe('true');
      expect((repeat.body as { id: string }).id).toBe((created.body as { id: string }).id);
      // The same key with another body is still a conflict, full pool or not.
      const other = await app.http().post('/workflows').set('Idempotency-Key', 'bp-early').send(orderWorkflow('o-other'));
      expect(other.status).toBe(409);
      expect(await listedIds(app)).toEqual([(created.body as { id: string }).id]);
    });
  });

  describe('while Redis is unreachable', () => {
    let started: InProcessApp;
    beforeAll(async () => {
      // AUTH_MODE=none only here: API keys live in Redis, so with Redis down no
      // caller could authenticate and the request would never reach the route.
      started = await startInProcessApp('bp_no_redis', { REDIS_URL: 'redis://127.0.0.1:1', LOG_LEVEL: 'fatal', AUTH_MODE: 'none' }, { bootstrapKey: false });
      // Templates live in MongoDB, which is up: the create gets as far as Redis.
      const templates = started.app.get(TemplateService);
      for (const draft of [ORDER_VALIDATION_TEMPLATE, PAYMENT_PROCESSING_TEMPLATE, INVENTORY_UPDATE_TEMPLATE]) await templates.createTemplate(draft);
    });
    afterAll(() => started.stop());

    it('answers 503 with Retry-After to a create, never 500', async () => {
      const response = await request(started.app.getHttpServer()).post('/workflows').send(orderWorkflow('o-down'));
      expectRetryLater(response, 503);
      expect((response.body as { detail: string }).detail).toMatch(/Redis/);
    });

    it('answers 503 to the other workflow routes too', async () => {
      const list = await request(started.app.getHttpServer()).get('/workflows');
      expect(list.status).toBe(503);
      expect(list.headers['retry-after']).toBe('3');
    });
  });

  describe('while MongoDB is unreachable', () => {
    let started: InProcessApp;
    let proxy: TcpProxy;
    beforeAll(async () => {
      // Redis is up (the admin key works); MONGO_URL names a port nothing listens on yet.
      proxy = await TcpProxy.reserve(new URL(requireTestEnv('MONGO_URL')));
      const mongoUrl = new URL(isolatedMongoUrl('bp_no_mongo'));
      mongoUrl.port = String(proxy.port);
      started = await startInProcessApp('bp_no_mongo', { MONGO_URL: mongoUrl.toString(), LOG_LEVEL: 'fatal' });
    });
    afterAll(async () => {
      await started.stop();
      await proxy.close();
    });
    const http = () => request(started.app.getHttpServer());

    it('answers 503 with Retry-After to a create (its templates cannot be resolved) and to the template routes, never 500', async () => {
      // Both wait for Mongoose to give up on its queued command (bufferTimeoutMS, 10 s): asked together.
      const [create, template] = await Promise.all([
        http().post('/workflows').set(started.admin.headers).send(orderWorkflow('o-no-mongo')),
        http().get('/templates/order_validation').set(started.admin.headers),
      ]);
      expectRetryLater(create, 503);
      expect(create.headers['retry-after']).toBe('5');
      expect((create.body as { detail: string }).detail).toMatch(/MongoDB/);
      expect(template.status).toBe(503);
      expect(template.headers['retry-after']).toBe('5');
    }, 20_000);

    it('stays up and serves templates once MongoDB answers, without a restart', async () => {
      proxy.open();
      const served = async () => (await http().get('/templates/order_validation').set(started.admin.headers)).status === 404;
      await eventually(served, 'a template request answered from MongoDB', { attempts: 100, everyMs: 200 });
    }, 30_000);
  });
});
