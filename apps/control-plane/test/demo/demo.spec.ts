import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createConnection } from 'mongoose';
import { createRedisConnection, deleteKeysWithPrefix } from '@base-shift/redis';
import { freePort, requireTestEnv, uniqueName } from '@base-shift/testing';

const REPO_ROOT = path.resolve(__dirname, '../../../..');
const SEED_JOBS = ['order_validation', 'payment_processing', 'inventory_update'];

/** The README's run command's driver, as `tools/start` runs it (the build is the test target's dependency). */
class DemoProcess {
  private output = '';
  readonly exited: Promise<number | null>;

  constructor(readonly child: ChildProcess) {
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  text(): string {
    return this.output;
  }

  async waitFor(text: string, timeoutMs = 150_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.output.includes(text)) {
      if (this.child.exitCode !== null) throw new Error(`the demo exited (${this.child.exitCode}) before printing "${text}":\n${this.output}`);
      if (Date.now() > deadline) throw new Error(`the demo did not print "${text}" within ${timeoutMs} ms:\n${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** The value printed after `label` on a `[base-shift]   <label>   <value>` line. */
  printed(label: string): string {
    const match = new RegExp(`\\[base-shift\\]\\s+${label}\\s+(\\S+)`).exec(this.output);
    if (!match) throw new Error(`the demo printed no "${label}" line:\n${this.output}`);
    return match[1];
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(2000) });
    return true;
  } catch {
    return false;
  }
}

describe("the README's run command (tools/dev/start.mjs) and tools/demo-remote.mjs", () => {
  const prefix = `bs-test:${uniqueName('demo')}:`;
  const database = uniqueName('bs_demo').replace(/-/g, '_');
  let demo: DemoProcess;
  let port: number;
  let metricsPort: number;
  const auth = () => ({ authorization: `Bearer ${demo.printed('admin API key')}` });

  beforeAll(async () => {
    port = await freePort();
    metricsPort = await freePort();
    demo = new DemoProcess(
      spawn(process.execPath, [path.join(REPO_ROOT, 'tools/dev/start.mjs')], {
        cwd: REPO_ROOT,
        env: {
          PATH: process.env['PATH'] ?? '',
          HOME: process.env['HOME'] ?? '',
          PORT: String(port),
          METRICS_PORT: String(metricsPort),
          REDIS_KEY_PREFIX: prefix,
          MONGO_DATABASE: database,
          SKIP_BUILD: '1',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    );
    await demo.waitFor('Press Ctrl-C to stop everything this started.');
  });

  afterAll(async () => {
    if (demo && demo.child.exitCode === null) {
      demo.child.kill('SIGINT');
      await demo.exited;
    }
    // The demo keeps its logs after Ctrl-C for the user; a test removes them.
    const work = /logs\s+(\S+)\/logs/.exec(demo?.text() ?? '')?.[1];
    if (work?.includes('base-shift-demo-')) rmSync(work, { recursive: true, force: true });
    const redis = createRedisConnection(requireTestEnv('REDIS_URL'));
    await deleteKeysWithPrefix(redis, prefix);
    await redis.quit();
    const url = new URL(requireTestEnv('MONGO_URL'));
    url.pathname = `/${database}`;
    const mongo = await createConnection(url.toString()).asPromise();
    await mongo.dropDatabase();
    await mongo.close();
  });

  it("registers the seed's templates, runs the order workflow against the fake payment API with executors of the local pod driver, and prints its progress", () => {
    const output = demo.text();
    expect(output).toContain('the control plane runs the executors (local pod driver)');
    for (const template of ['payment_gateway_template', ...SEED_JOBS]) expect(output).toMatch(new RegExp(`template ${template}: registered`));
    for (const job of SEED_JOBS) {
      expect(output).toMatch(new RegExp(`job ${job}\\s+PENDING -> QUEUED`));
      expect(output).toMatch(new RegExp(`job ${job}\\s+RUNNING -> SUCCEEDED`));
    }
    expect(output).toMatch(/workflow\s+RUNNING -> COMPLETED/);
    expect(output).toMatch(/workflow [0-9a-f-]{36}: COMPLETED/);
    expect(output).toMatch(/fake payment API: charged 42\.5 EUR for o-/);
    expect(output).toMatch(/payment_processing\s+SUCCEEDED\s+attempts 1\s+output \{"orderId":"o-[^"]+","transactionId":"tx_[0-9a-f]+","status":"CAPTURED"\}/);
  });

  it("runs the seed's payment_gateway_template as written: its rules pass and it calls https://payment.gateway.com with the bound API_KEY", () => {
    const output = demo.text();
    expect(output).toMatch(/workflow [0-9a-f-]{36} \(payment p-[^)]+\): payment/);
    expect(output).toMatch(/fake payment\.gateway\.com: charged 19\.99 EUR \(tx_[0-9a-f]+\)/);
    expect(output).toMatch(/payment\s+SUCCEEDED\s+attempts 1\s+output \{"transactionId":"tx_[0-9a-f]+","status":"CAPTURED"/);
    expect(output.match(/workflow [0-9a-f-]{36}: COMPLETED/g)).toHaveLength(2);
  });

  it('serves the URLs it prints: the console, REST, GraphQL, /docs, and the metrics of the control plane and an executor', async () => {
    const anonymous = await fetch(demo.printed('REST API'));
    expect(anonymous.status).toBe(401);
    const rest = await fetch(demo.printed('REST API'), { headers: auth() });
    expect(rest.status).toBe(200);
    expect(((await rest.json()) as { items: Array<{ state: string }> }).items.map((item) => item.state)).toEqual(['COMPLETED', 'COMPLETED']);
    const graphql = await fetch(demo.printed('GraphQL'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth() },
      body: JSON.stringify({ query: '{ jobTemplates { id } }' }),
    });
    expect(((await graphql.json()) as { data: { jobTemplates: Array<{ id: string }> } }).data.jobTemplates.map((t) => t.id).sort()).toEqual([
      'inventory_update',
      'order_validation',
      'payment_gateway_template',
      'payment_processing',
    ]);
    // The console's one-time sign-in link: the page (public, the key stays in the fragment the browser keeps).
    const consoleLink = new URL(demo.printed('console'));
    expect(consoleLink.href).toBe(`http://127.0.0.1:${port}/ui/sign-in#key=${demo.printed('admin API key')}`);
    const consolePage = await fetch(consoleLink);
    expect(consolePage.status).toBe(200);
    expect(consolePage.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await consolePage.text()).toMatch(/^<!doctype html>/i);
    const docs = await fetch(demo.printed('API docs \\(OpenAPI\\)'));
    expect(docs.status).toBe(200);
    expect(docs.headers.get('content-type')).toMatch(/text\/html/);
    expect(demo.printed('metrics')).toBe(`http://127.0.0.1:${metricsPort}/metrics`);
    const metrics = await (await fetch(demo.printed('metrics'))).text();
    expect(metrics).toMatch(/base_shift_jobs_succeeded_total\{template="payment_processing",pool="default"[^}]*\} 1/);
    expect(metrics).toMatch(/base_shift_executor_pods_ready\{pool="default"[^}]*\} [1-9]/);
    const executor = await (await fetch(demo.printed('executor metrics'))).text();
    expect(executor).toMatch(/base_shift_executor_jobs_total\{pool="default",outcome="succeeded"\} [1-9]/);
  });

  it('tools/demo-remote.mjs does the same against the running instance, keeping the templates already there', () => {
    const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'tools/demo-remote.mjs'), `http://127.0.0.1:${port}`, '--order-id', 'o-remote-42'], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, BASE_SHIFT_API_KEY: demo.printed('admin API key') },
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    for (const template of ['payment_gateway_template', ...SEED_JOBS])
      expect(run.stdout).toMatch(new RegExp(`template ${template}: already registered \\(\\d+\\.\\d+\\.\\d+\\), kept`));
    expect(run.stdout).toMatch(/workflow [0-9a-f-]{36} \(order o-remote-42\): order_validation -> payment_processing -> inventory_update/);
    expect(run.stdout).toMatch(/job inventory_update\s+RUNNING -> SUCCEEDED/);
    expect(run.stdout).toMatch(/workflow [0-9a-f-]{36}: COMPLETED/);
  });

  it('tools/demo-remote.mjs explains its usage', () => {
    const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'tools/demo-remote.mjs')], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('missing the control plane URL');
    expect(run.stderr).toContain('usage: node tools/demo-remote.mjs <control-plane-url>');
  });

  it('never writes the payment API keys to a log, and Ctrl-C stops everything it started', async () => {
    const secretsDir = /key in (\S+)\)/.exec(demo.text())?.[1] as string;
    const keys = ['PAYMENT_API_KEY', 'API_KEY'].map((name) => readFileSync(path.join(secretsDir, name), 'utf8'));
    const logDir = demo.printed('logs');
    const logs = readdirSync(logDir).map((file) => readFileSync(path.join(logDir, file), 'utf8'));
    expect(logs.length).toBeGreaterThanOrEqual(2);
    for (const key of keys) expect([demo.text(), ...logs].some((text) => text.includes(key))).toBe(false);
    // The admin key is printed for the user, but never logged.
    expect(logs.some((text) => text.includes(demo.printed('admin API key')))).toBe(false);

    const executorMetrics = demo.printed('executor metrics');
    demo.child.kill('SIGINT');
    expect(await demo.exited).toBe(0);
    expect(demo.text()).toContain('stopped');
    expect(await answers(`http://127.0.0.1:${port}/healthz`)).toBe(false);
    expect(await answers(executorMetrics)).toBe(false);
    expect(existsSync(secretsDir)).toBe(false);
  });
});
