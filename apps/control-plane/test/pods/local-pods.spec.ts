import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import request from 'supertest';
import { parsePoolConfig, type PodManager } from '@base-shift/pods';
import { TemplateService } from '@base-shift/templates';
import { eventually, isolatedMongoUrl, requireTestEnv, uniqueName } from '@base-shift/testing';
import { createRedisConnection, deleteKeysWithPrefix } from '@base-shift/redis';
import { createControlPlaneApp } from '../../src/app/create-app';
import { POD_MANAGER } from '../../src/app/pods/pod-manager.provider';
import { INVENTORY_UPDATE_TEMPLATE, ORDER_VALIDATION_TEMPLATE, paymentProcessingTemplate } from '../../src/app/templates/samples';
import { MetricsServer } from '../../src/app/metrics/metrics-server';
import { TestAdminKey } from '../support/test-auth';
import { orderWorkflow } from '../workflows/workflow-test-app';

const EXECUTOR_MAIN = path.resolve(__dirname, '../../../../dist/apps/job-executor/main.js');
const API_KEY = 'local-demo-key';

type PoolJson = {
  name: string;
  pods: { desired: number; current: number; ready: number } | null;
  queue: { queued: number; inFlight: number };
  templates?: Array<{ templateId: string; runs: number; recommendedPool: string }>;
};

/** The value of the first sample of `name` whose labels include `labels` (the registry adds service="control-plane"). */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? '').matchAll(/([a-z_]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[3]);
  }
  return undefined;
}

// Polls every 100 ms: these waits span process starts and lease expiries.
const until = <T>(probe: () => Promise<T | undefined | false>, what: string, attempts = 300): Promise<T> => eventually(probe, what, { attempts, everyMs: 100 });

/**
 * The README's one-machine setup: the control plane with the local pod driver
 * starts real executor processes for the seed's order workflow (against a fake
 * payment API on loopback), they run it to COMPLETED, and the idle pool drains.
 */
describe('the control plane with the local pod driver', () => {
  const prefix = `bs-test:${uniqueName('local-pods')}:`;
  let app: INestApplication;
  let work: string;
  const admin = new TestAdminKey();
  let paymentApi: Server;
  const charges: unknown[] = [];

  beforeAll(async () => {
    paymentApi = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        if (req.headers.authorization !== `Bearer ${API_KEY}`) {
          res.writeHead(401).end();
          return;
        }
        charges.push(JSON.parse(body));
        res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ transactionId: `tx-${charges.length}`, status: 'CAPTURED' }));
      });
    });
    await new Promise<void>((resolve) => paymentApi.listen(0, '127.0.0.1', () => resolve()));
    const address = paymentApi.address();
    const port = typeof address === 'object' && address ? address.port : 0;

    work = mkdtempSync(path.join(tmpdir(), 'local-pods-'));
    const secretsDir = path.join(work, 'secrets');
    mkdirSync(secretsDir);
    writeFileSync(path.join(secretsDir, 'PAYMENT_API_KEY'), API_KEY);

    const pools = parsePoolConfig({
      pools: [
        {
          name: 'default',
          maxPods: 2,
          jobsPerPod: 2,
          scaleDownDelaySeconds: 0,
          drainSeconds: 2,
          secretName: 'payment-api',
          secrets: [{ name: 'PAYMENT_API_KEY', allowedHosts: ['127.0.0.1'] }],
          env: { EGRESS_ALLOW: '127.0.0.1' },
        },
      ],
    });
    app = await createControlPlaneApp({
      port: 0,
      redisUrl: requireTestEnv('REDIS_URL'),
      mongoUrl: isolatedMongoUrl('local-pods'),
      logLevel: 'warn',
      keyPrefix: prefix,
      pools: ['default'],
      workflowRecoveryDelayMs: 1000,
      workflowResultClaimIdleMs: 2000,
      metricsPort: 0,
      auth: admin.authConfig(),
      pods: {
        driver: 'local',
        controlPlaneId: 'local-e2e',
        identity: 'local-e2e-0',
        pools,
        executorQueueUrl: requireTestEnv('REDIS_URL'),
        executorLogLevel: 'warn',
        leaseDurationSeconds: 5,
        evaluationIntervalMs: 200,
        createBurst: 20,
        createPerSecond: 5,
        local: { executorMain: EXECUTOR_MAIN, logDir: path.join(work, 'logs'), secretsDir },
      },
    });
    await app.init();
    const templates = app.get(TemplateService);
    for (const draft of [ORDER_VALIDATION_TEMPLATE, paymentProcessingTemplate(`http://127.0.0.1:${port}`), INVENTORY_UPDATE_TEMPLATE])
      await templates.createTemplate(draft);
  });

  afterAll(async () => {
    await app?.get<Connection>(getConnectionToken()).dropDatabase();
    await app?.close();
    const redis = createRedisConnection(requireTestEnv('REDIS_URL'));
    await deleteKeysWithPrefix(redis, prefix);
    await redis.quit();
    await new Promise((resolve) => paymentApi?.close(resolve));
    rmSync(work, { recursive: true, force: true });
    admin.remove();
  });

  async function pool(name = 'default'): Promise<PoolJson> {
    const response = await request(app.getHttpServer()).get(`/pools/${name}`).set(admin.headers).expect(200);
    return response.body as PoolJson;
  }

  it("starts executors for the seed's workflow, they run it to COMPLETED, then the pool drains to zero", async () => {
    const manager = app.get<PodManager>(POD_MANAGER);
    await until(async () => manager.isLeader, 'the control plane leading');
    expect((await pool()).pods).toMatchObject({ desired: 0, current: 0 });

    const created = await request(app.getHttpServer()).post('/workflows').set(admin.headers).send(orderWorkflow('o-local-1')).expect(201);
    const id = (created.body as { id: string }).id;
    await until(async () => (await pool()).pods?.current === 1 || undefined, 'an executor starting for the first job');

    const done = await until(async () => {
      const workflow = (await request(app.getHttpServer()).get(`/workflows/${id}`).set(admin.headers)).body as {
        state: string;
        jobs: Array<{ output?: unknown }>;
      };
      if (workflow.state === 'FAILED') throw new Error(`the workflow failed: ${JSON.stringify(workflow)}`);
      return workflow.state === 'COMPLETED' ? workflow : undefined;
    }, 'the workflow completing');
    expect(done.jobs[1].output).toEqual({ orderId: 'o-local-1', transactionId: 'tx-1', status: 'CAPTURED' });
    expect(charges).toEqual([{ orderId: 'o-local-1', amount: 42.5, currency: 'EUR', card: { number: '4111111111111111', expiryDate: '12/30', cvv: '123' } }]);

    await until(async () => (await pool()).pods?.current === 0 && manager.driver.list().length === 0, 'the idle executors draining away');
    const drained = await pool();
    expect(drained.queue).toMatchObject({ queued: 0, inFlight: 0 });
    expect(drained.templates?.map((usage) => [usage.templateId, usage.runs, usage.recommendedPool]).sort()).toEqual([
      ['inventory_update', 1, 'default'],
      ['order_validation', 1, 'default'],
      ['payment_processing', 1, 'default'],
    ]);

    const metrics = (
      await request(`http://127.0.0.1:${app.get(MetricsServer).port()}`)
        .get('/metrics')
        .expect(200)
    ).text;
    expect(sample(metrics, 'base_shift_executor_pods_desired', { pool: 'default' })).toBe(0);
    expect(sample(metrics, 'base_shift_autoscaler_decisions_total', { pool: 'default', direction: 'up' })).toBeGreaterThanOrEqual(1);
    expect(sample(metrics, 'base_shift_autoscaler_decisions_total', { pool: 'default', direction: 'down' })).toBeGreaterThanOrEqual(1);
    expect(sample(metrics, 'base_shift_control_plane_leader', {})).toBe(1);
    expect(sample(metrics, 'base_shift_template_job_duration_seconds_count', { pool: 'default', template: 'payment_processing' })).toBe(1);
  });

  it('lists the pools and answers an unknown one with 404 problem+json', async () => {
    const list = await request(app.getHttpServer()).get('/pools').set(admin.headers).expect(200);
    expect(list.body).toMatchObject({ driver: 'local', pools: [{ name: 'default', maxPods: 2, jobsPerPod: 2, image: 'base-shift/job-executor:v1.0.0' }] });
    expect(JSON.stringify(list.body)).not.toContain('EGRESS_ALLOW');
    const missing = await request(app.getHttpServer()).get('/pools/gpu').set(admin.headers).expect(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(missing.body).toMatchObject({ status: 404, title: 'Pool not found' });
  });
});
