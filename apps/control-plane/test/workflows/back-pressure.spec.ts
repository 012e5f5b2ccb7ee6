import type { Response } from 'supertest';
import request from 'supertest';
import { TemplateService } from '@base-shift/templates';
import { ORDER_VALIDATION_TEMPLATE, PAYMENT_PROCESSING_TEMPLATE, INVENTORY_UPDATE_TEMPLATE } from '../../src/app/templates/samples';
import { startInProcessApp, type InProcessApp } from '../support/in-process-app';
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
      expect(await listedIds(app)).toEqual(created.map((response) => (response.body as { id: string }).id).sort());
      // Slots are given back: one at a time always passes.
      await app.create(orderWorkflow('o-after'));
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
});
