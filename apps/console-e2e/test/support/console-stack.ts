import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createConnection } from 'mongoose';
import { generateApiKey } from '@base-shift/auth';
import { createRedisConnection, deleteKeysWithPrefix } from '@base-shift/redis';
import { freePort, isolatedMongoUrl, requireTestEnv, startBuiltApp, uniqueName, type AppProcess } from '@base-shift/testing';

const REPO_ROOT = path.resolve(__dirname, '../../../..');
const CONSOLE_BUILD = path.join(REPO_ROOT, 'dist/apps/console');
const SAMPLES_DIR = path.join(REPO_ROOT, 'apps/control-plane/src/app/templates/samples');
/** A pool the control plane knows and no executor serves. */
export const PARKED_POOL = 'parked';
/** The order workflow's templates, in the order the demo registers them. */
const ORDER_TEMPLATE_FILES = ['order-validation.json', 'payment-processing.json', 'inventory-update.json'];

/**
 * A built control plane serving the built console (dist/apps/console, found next to its own build, as in
 * the image) and a built executor, sharing a Redis key prefix and a database of their own; the admin key
 * the control plane reads from AUTH_BOOTSTRAP_KEY_FILE, as operators start the first one; and the demo's
 * fake payment API (tools/dev/demo/fake-payment-api.mjs), its key in the executor's secrets directory and
 * bound to 127.0.0.1, so the seed's order workflow runs as `tools/start` runs it.
 */
export class ConsoleStack {
  private constructor(
    readonly prefix: string,
    readonly mongoUrl: string,
    readonly controlPlane: AppProcess,
    readonly executor: AppProcess,
    readonly paymentApi: ChildProcess,
    readonly paymentApiUrl: string,
    /** http://127.0.0.1:<port>: the API and, under /ui, the console. */
    readonly origin: string,
    readonly adminKey: string,
    readonly dir: string,
  ) {}

  /** `controlPlaneEnv` adds to (or overrides) the control plane's environment, e.g. OIDC settings. */
  static async start(label: string, controlPlaneEnv: Record<string, string> = {}): Promise<ConsoleStack> {
    if (!existsSync(path.join(CONSOLE_BUILD, 'index.html'))) {
      throw new Error(`the console is not built (${CONSOLE_BUILD} has no index.html): run \`npx nx build console\` (\`nx test console-e2e\` does)`);
    }
    const prefix = `bs-test:${uniqueName(label)}:`;
    const mongoUrl = isolatedMongoUrl(label.replace(/-/g, '_'));
    const redisUrl = requireTestEnv('REDIS_URL');
    const dir = mkdtempSync(path.join(tmpdir(), 'console-e2e-'));
    const adminKey = generateApiKey();
    const keyFile = path.join(dir, 'admin-key');
    writeFileSync(keyFile, `${adminKey}\n`, { mode: 0o600 });
    const paymentKey = `e2e_${uniqueName('payment').replace(/[^A-Za-z0-9]/g, '')}`;
    const secretsDir = path.join(dir, 'secrets');
    mkdirSync(secretsDir, { mode: 0o700 });
    writeFileSync(path.join(secretsDir, 'PAYMENT_API_KEY'), paymentKey, { mode: 0o600 });
    const { child: paymentApi, url: paymentApiUrl } = await startFakePaymentApi(paymentKey);

    const [port, metricsPort, executorMetricsPort] = [await freePort(), await freePort(), await freePort()];
    const controlPlane = startBuiltApp('control-plane', {
      PORT: String(port),
      HOST: '127.0.0.1',
      METRICS_PORT: String(metricsPort),
      AUTH_BOOTSTRAP_KEY_FILE: keyFile,
      AUTH_RATE_PER_SECOND: '100000',
      AUTH_RATE_BURST: '100000',
      REDIS_URL: redisUrl,
      MONGO_URL: mongoUrl,
      REDIS_KEY_PREFIX: prefix,
      POD_DRIVER: 'none',
      // No executor serves PARKED_POOL: a job sent there stays queued, its effective priority rising as it waits.
      POOLS: `default,${PARKED_POOL}`,
      LOG_LEVEL: 'warn',
      ...controlPlaneEnv,
    });
    const executor = startBuiltApp('job-executor', {
      JOB_QUEUE_URL: redisUrl,
      REDIS_KEY_PREFIX: prefix,
      METRICS_PORT: String(executorMetricsPort),
      EXECUTOR_ID: uniqueName(`${label}-executor`),
      LOG_LEVEL: 'warn',
      EGRESS_ALLOW: '127.0.0.1',
      SECRETS_DIR: secretsDir,
      SECRET_BINDINGS: JSON.stringify([{ name: 'PAYMENT_API_KEY', allowedHosts: ['127.0.0.1'] }]),
    });
    const stack = new ConsoleStack(prefix, mongoUrl, controlPlane, executor, paymentApi, paymentApiUrl, `http://127.0.0.1:${port}`, adminKey, dir);
    try {
      await Promise.all([
        controlPlane.waitForHttp(`${stack.origin}/readyz`, 200, 30_000),
        executor.waitForHttp(`http://127.0.0.1:${executorMetricsPort}/healthz`, 200, 30_000),
      ]);
    } catch (error) {
      await stack.stop();
      throw error;
    }
    return stack;
  }

  /** A REST call with the admin key; throws with the problem on anything but 2xx. */
  async api<T = Record<string, unknown>>(route: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
    const response = await fetch(`${this.origin}${route}`, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${this.adminKey}`, ...(init.body !== undefined && { 'content-type': 'application/json' }) },
      ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
    });
    if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${route} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  }

  /** A GraphQL operation with the admin key; throws on any error. */
  async graphql<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await fetch(`${this.origin}/graphql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.adminKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: unknown[] };
    if (!body.data || body.errors) throw new Error(`GraphQL answered ${response.status}: ${JSON.stringify(body)}`);
    return body.data;
  }

  /** The seed's order workflow templates, payment_processing charging through the fake payment API (as tools/start does). */
  async registerOrderTemplates(): Promise<void> {
    for (const file of ORDER_TEMPLATE_FILES) {
      const template = JSON.parse(readFileSync(path.join(SAMPLES_DIR, file), 'utf8')) as { steps: Array<{ type: string; config: Record<string, unknown> }> };
      for (const step of template.steps) {
        if (step.type === 'external_api_call') step.config['api_endpoint'] = `${this.paymentApiUrl}/payments`;
      }
      await this.api('/templates', { method: 'POST', body: template });
    }
  }

  /** Polls GET /workflows/{id} until it reaches `state`. */
  async waitForWorkflow(id: string, state: string, timeoutMs = 30_000): Promise<Record<string, unknown>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const workflow = await this.api(`/workflows/${id}`);
      if (workflow['state'] === state) return workflow;
      if (Date.now() > deadline) throw new Error(`workflow ${id} did not reach ${state}: ${JSON.stringify(workflow)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /**
   * Freezes the payment API (SIGSTOP): the kernel still accepts the executor's connection, so the charge
   * waits, and the workflow stays RUNNING, until `resumePaymentApi`.
   */
  pausePaymentApi(): void {
    this.paymentApi.kill('SIGSTOP');
  }

  resumePaymentApi(): void {
    this.paymentApi.kill('SIGCONT');
  }

  async stop(): Promise<void> {
    this.resumePaymentApi();
    this.paymentApi.kill('SIGTERM');
    await Promise.all([this.controlPlane.stop(), this.executor.stop()]);
    const redis = createRedisConnection(requireTestEnv('REDIS_URL'));
    await deleteKeysWithPrefix(redis, this.prefix);
    await redis.quit();
    const mongo = await createConnection(this.mongoUrl).asPromise();
    await mongo.dropDatabase();
    await mongo.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The demo's fake payment API as its own process (it prints {"url": ...} once listening). */
async function startFakePaymentApi(key: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'tools/dev/demo/fake-payment-api.mjs'), '--key', key], {
    env: { PATH: process.env['PATH'] ?? '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the fake payment API did not start within 10 s')), 10_000);
    child.once('exit', (code) => reject(new Error(`the fake payment API exited (${code}) before listening`)));
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve((JSON.parse(line) as { url: string }).url);
    });
  });
  // Keep reading its charge lines so its stdout never fills up.
  lines.on('line', () => undefined);
  return { child, url };
}
