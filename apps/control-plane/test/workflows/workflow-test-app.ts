import type { INestApplication } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import request from 'supertest';
import { JobLeases, JobWorker, type JobHandler, type LeasedJob } from '@base-shift/queue';
import { createRedisConnection, deleteKeysWithPrefix, type RedisConnection } from '@base-shift/redis';
import { TemplateService, type TemplateDraft } from '@base-shift/templates';
import { eventually, isolatedMongoUrl, requireTestEnv, uniqueName } from '@base-shift/testing';
import type { AuthConfig } from '../../src/app/auth/auth-config';
import type { ControlPlaneConfig } from '../../src/app/config/control-plane-config';
import { createControlPlaneApp } from '../../src/app/create-app';
import { MetricsServer } from '../../src/app/metrics/metrics-server';
import { TestAdminKey } from '../support/test-auth';
import { INVENTORY_UPDATE_TEMPLATE, ORDER_VALIDATION_TEMPLATE, ORDER_WORKFLOW_REQUEST, PAYMENT_PROCESSING_TEMPLATE } from '../../src/app/templates/samples';

export interface WorkflowJson {
  id: string;
  state: string;
  currentJob: string;
  mode: string;
  reason?: string;
  jobs: Array<{
    id: string;
    state: string;
    attempts: number;
    version: string;
    output?: unknown;
    error?: unknown;
    resolvedInput?: unknown;
    startedAt?: string;
    finishedAt?: string;
  }>;
  history: Array<{ seq: number; kind: string; jobId?: string; from: string; to: string; reason?: string; attempt?: number }>;
}

/** Payload the engine puts in each queue job (what the executor reads). */
export interface JobPayload {
  workflowId: string;
  jobId: string;
  templateId: string;
  version: string;
  input: Record<string, unknown>;
  timeoutSeconds?: number;
}

/**
 * The real control plane on a Redis key prefix and a FerretDB database of its
 * own, driven over HTTP, with the seed's three templates stored.
 */
export class WorkflowTestApp {
  readonly redis: RedisConnection;
  private readonly workers: JobWorker[] = [];
  private readonly leaseClients: JobLeases[] = [];

  private constructor(
    readonly app: INestApplication,
    readonly prefix: string,
    readonly pools: string[],
    /** The app's bootstrap admin key: every call of http() sends it. */
    readonly admin: TestAdminKey,
  ) {
    this.redis = createRedisConnection(requireTestEnv('REDIS_URL'), { connectionName: `base-shift:test:${prefix}` });
  }

  static async start(
    label: string,
    options: {
      pools?: string[];
      templates?: TemplateDraft[];
      auth?: Partial<AuthConfig>;
      retentionSeconds?: number;
      /** Any other setting (back-pressure bounds, …), as loadControlPlaneConfig would give it. */
      config?: Partial<ControlPlaneConfig>;
    } = {},
  ): Promise<WorkflowTestApp> {
    const prefix = `bs-test:${uniqueName(label)}:`;
    const pools = options.pools ?? ['default'];
    const admin = new TestAdminKey();
    const app = await createControlPlaneApp({
      port: 0,
      redisUrl: requireTestEnv('REDIS_URL'),
      mongoUrl: isolatedMongoUrl(label),
      logLevel: 'warn',
      keyPrefix: prefix,
      pools,
      workflowRecoveryDelayMs: 1000,
      workflowResultClaimIdleMs: 2000,
      ...(options.retentionSeconds !== undefined && { workflowRetentionSeconds: options.retentionSeconds }),
      auth: { ...admin.authConfig(), ...options.auth },
      metricsPort: 0,
      ...options.config,
    });
    await app.init();
    const templates = app.get(TemplateService);
    for (const draft of [ORDER_VALIDATION_TEMPLATE, PAYMENT_PROCESSING_TEMPLATE, INVENTORY_UPDATE_TEMPLATE, ...(options.templates ?? [])]) {
      await templates.createTemplate(draft);
    }
    return new WorkflowTestApp(app, prefix, pools, admin);
  }

  /** Requests with the admin key; `anonymous()` for requests without credentials. */
  http() {
    return request.agent(this.app.getHttpServer()).set(this.admin.headers);
  }

  anonymous() {
    return request(this.app.getHttpServer());
  }

  /** GET /metrics on the app's metrics port (no credentials: it is scraped inside the cluster). */
  async scrape(): Promise<string> {
    const response = await request(`http://127.0.0.1:${this.app.get(MetricsServer).port()}`).get('/metrics');
    if (response.status !== 200) throw new Error(`GET /metrics answered ${response.status}`);
    return response.text;
  }

  key(suffix: string): string {
    return `${this.prefix}${suffix}`;
  }

  /** Executor-side queue client on the app's prefix ('started' results on, short backoff). */
  leases(): JobLeases {
    const leases = new JobLeases(this.redis, { pools: this.pools, prefix: this.prefix, announceStarts: true, backoff: { baseMs: 20, factor: 2, capMs: 100 } });
    this.leaseClients.push(leases);
    return leases;
  }

  /** An in-test executor: runs every job with `handler` until the app stops. */
  startWorker(
    handler: (payload: JobPayload, job: LeasedJob) => unknown,
    options: { concurrency?: number; leaseMs?: number; pools?: string[] } = {},
  ): JobWorker {
    const wrapped: JobHandler = async (job) => (await handler(job.payload as unknown as JobPayload, job)) as never;
    const worker = new JobWorker(this.leases(), {
      pools: options.pools ?? ['default'],
      executorId: uniqueName('test-executor'),
      concurrency: options.concurrency ?? 4,
      leaseMs: options.leaseMs ?? 10_000,
      blockMs: 200,
      handler: wrapped,
    });
    worker.start();
    this.workers.push(worker);
    return worker;
  }

  async create(body: unknown, headers: Record<string, string> = {}): Promise<WorkflowJson> {
    const response = await this.http()
      .post('/workflows')
      .set(headers)
      .send(body as object);
    if (response.status !== 201) throw new Error(`POST /workflows answered ${response.status}: ${JSON.stringify(response.body)}`);
    return response.body as WorkflowJson;
  }

  async get(id: string): Promise<WorkflowJson> {
    const response = await this.http().get(`/workflows/${id}`);
    if (response.status !== 200) throw new Error(`GET /workflows/${id} answered ${response.status}`);
    return response.body as WorkflowJson;
  }

  /** Polls GET until `predicate` holds (results are applied asynchronously). */
  async waitFor(id: string, predicate: (workflow: WorkflowJson) => boolean, what = 'the expected state', timeoutMs = 20_000): Promise<WorkflowJson> {
    const reached = async () => {
      const last = await this.get(id);
      if (!predicate(last)) throw new Error(`last seen: ${JSON.stringify(last, null, 1)}`);
      return last;
    };
    return eventually(reached, `workflow ${id} reaching ${what}`, { attempts: Math.ceil(timeoutMs / 25), everyMs: 25 });
  }

  waitForState(id: string, state: string, timeoutMs?: number): Promise<WorkflowJson> {
    return this.waitFor(id, (w) => w.state === state, `state ${state}`, timeoutMs);
  }

  /** Every key the app wrote under its prefix, but access control's own (API keys, rate buckets, audit trail: `auth:…`). */
  async keys(): Promise<string[]> {
    const found: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await this.redis.scan(cursor, 'MATCH', `${this.prefix.replace(/[*?[\]\\]/g, '\\$&')}*`, 'COUNT', 1000);
      cursor = next;
      found.push(...batch);
    } while (cursor !== '0');
    return found.filter((key) => !key.startsWith(`${this.prefix}auth:`)).sort();
  }

  async stop(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.stop()));
    await Promise.all(this.leaseClients.map((leases) => leases.close()));
    await this.app.get<Connection>(getConnectionToken()).dropDatabase();
    await this.app.close();
    await deleteKeysWithPrefix(this.redis, this.prefix);
    await this.redis.quit();
    this.admin.remove();
  }
}

/**
 * The seed's order workflow over the sample templates (ORDER_WORKFLOW_REQUEST), inputs wired with $from;
 * payment_processing asks for the range ^1.0, so the tests see a range resolved (requestedVersion → version).
 */
export function orderWorkflow(orderId = 'o-1001'): Record<string, unknown> {
  // A copy: tests change the body they get (a wrong amount, a wrong reference).
  const { jobs, ...request } = structuredClone(ORDER_WORKFLOW_REQUEST);
  const [validation, payment, inventory] = jobs;
  return { ...request, name: `order ${orderId}`, input: { ...request.input, orderId }, jobs: [validation, { ...payment, version: '^1.0' }, inventory] };
}

/** Outputs that satisfy the sample templates' outputSchemas (what their steps would produce). */
export function sampleOutput(payload: JobPayload): Record<string, unknown> {
  const input = payload.input;
  switch (payload.templateId) {
    case 'order_validation':
      return { ...input, validated: true };
    case 'payment_processing':
      return { orderId: input['orderId'], transactionId: `tx-${String(input['orderId'])}`, status: 'CAPTURED' };
    case 'inventory_update':
      return { orderId: input['orderId'], reserved: input['items'], status: 'RESERVED' };
    default:
      return { ...input };
  }
}

/** A template whose single transform step echoes its input; schemas accept any object. */
export function echoTemplate(templateId: string, extra: Partial<TemplateDraft> = {}): TemplateDraft {
  return {
    templateId,
    steps: [{ name: 'echo', type: 'transform', config: { output: { value: { $from: 'input.value' } } } }],
    inputSchema: { type: 'object' },
    outputSchema: { type: 'object' },
    ...extra,
  } as TemplateDraft;
}
