import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { eventually, promtoolCheckMetrics, startPrometheus, type PrometheusServer } from '@base-shift/testing';
import { BuiltStack, jsonLines } from '../support/built-stack';
import { documentedMetrics, familyNames } from '../support/metrics-text';
import { alertRules, dashboardQueries } from '../support/monitoring-files';

const TOKEN = `obs-token-${randomBytes(8).toString('hex')}`;

const CREATE = 'mutation Create($input: CreateJobTemplateInput!) { createJobTemplate(input: $input) { id version } }';
const SHAPE_TEMPLATE = {
  id: 'obs_shape',
  steps: [{ name: 'shape', type: 'transform', config: { output: { orderId: { $from: 'input.orderId' }, amount: { $from: 'input.amount' } } } }],
  inputSchema: { type: 'object', required: ['orderId'] },
  outputSchema: { type: 'object', required: ['orderId'] },
};
// Calls a local API with a bearer secret from the executor's SECRETS_DIR (bound to 127.0.0.1); the API echoes the header back.
const notifyTemplate = (apiUrl: string) => ({
  id: 'obs_notify',
  steps: [
    {
      name: 'notify',
      type: 'external_api_call',
      config: {
        api_endpoint: `${apiUrl}/notify`,
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ${OBS_API_TOKEN}' },
        body: { orderId: { $from: 'input.orderId' } },
      },
    },
  ],
  inputSchema: { type: 'object' },
  outputSchema: { type: 'object', required: ['received'] },
});

function orderWorkflow(orderId: string) {
  return {
    name: `observed ${orderId}`,
    jobs: [
      { id: 'shape', templateId: 'obs_shape', input: { orderId, amount: 10 } },
      { id: 'notify', templateId: 'obs_notify', input: { orderId: { $from: 'jobs.shape.output.orderId' } } },
    ],
  };
}

/** Prometheus needs a few 1 s scrapes to see a change: poll for up to a minute. */
const scraped = <T>(what: string, read: () => Promise<T | undefined>): Promise<T> => eventually(read, what, { attempts: 240, everyMs: 250 });

describe('Prometheus scrapes a built control plane and executor while a workflow runs (real Prometheus, promtool)', () => {
  let stack: BuiltStack;
  let prometheus: PrometheusServer;
  let api: Server;
  let secretsDir: string;
  const workflowIds: string[] = [];

  /** The value of a one-series PromQL result, when Prometheus has it. */
  async function scalar(promql: string): Promise<number | undefined> {
    const [first] = await prometheus.query(promql);
    return first === undefined ? undefined : Number(first.value[1]);
  }

  async function runWorkflow(orderId: string): Promise<string> {
    const created = await stack.json<{ id: string }>('/workflows', { method: 'POST', body: orderWorkflow(orderId) });
    workflowIds.push(created.id);
    await stack.waitForWorkflow(created.id, 'COMPLETED');
    return created.id;
  }

  beforeAll(async () => {
    api = createServer((request, response) => {
      const authorization = request.headers['authorization'] ?? '';
      response.writeHead(authorization === `Bearer ${TOKEN}` ? 200 : 401, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ received: authorization === `Bearer ${TOKEN}`, echo: authorization }));
    });
    await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
    secretsDir = mkdtempSync(path.join(tmpdir(), 'bs-obs-secrets-'));
    writeFileSync(path.join(secretsDir, 'OBS_API_TOKEN'), TOKEN);

    stack = await BuiltStack.start('obs-prom', {
      logLevel: 'debug',
      executorEnv: {
        EGRESS_ALLOW: '127.0.0.1',
        SECRETS_DIR: secretsDir,
        SECRET_BINDINGS: JSON.stringify([{ name: 'OBS_API_TOKEN', allowedHosts: ['127.0.0.1'] }]),
      },
    });
    prometheus = await startPrometheus([
      { job: 'control-plane', address: new URL(stack.metricsUrl).host },
      { job: 'job-executor', address: stack.executorAddress },
    ]);
    await stack.graphql(CREATE, { input: SHAPE_TEMPLATE });
    await stack.graphql(CREATE, { input: notifyTemplate(`http://127.0.0.1:${(api.address() as AddressInfo).port}`) });
  });

  afterAll(async () => {
    await prometheus?.stop();
    await stack?.stop();
    await new Promise<void>((resolve) => (api ? api.close(() => resolve()) : resolve()));
    if (secretsDir) rmSync(secretsDir, { recursive: true, force: true });
  });

  it('reads back through the Prometheus API that jobs succeeded and that job duration has a median', async () => {
    await scraped('both targets up', async () => ((await scalar('sum(up)')) === 2 ? true : undefined));
    await runWorkflow('o-1');
    // The first scrape that sees the counters gives rate() its starting point...
    await scraped('the first successes in Prometheus', async () =>
      (await scalar('sum(base_shift_jobs_succeeded_total{template="obs_shape"})')) === 1 ? true : undefined,
    );
    // ...so the second workflow's jobs make the counters increase within the rate window.
    await runWorkflow('o-2');
    const succeeded = await scraped('the counter to increase', async () => {
      const total = await scalar('sum by (template) (base_shift_jobs_succeeded_total{template="obs_shape"})');
      return total === 2 ? total : undefined;
    });
    expect(succeeded).toBe(2);
    expect(
      await scraped('obs_notify successes', async () => ((await scalar('sum(base_shift_jobs_succeeded_total{template="obs_notify"})')) === 2 ? 2 : undefined)),
    ).toBe(2);

    const median = await scraped('a job-duration median', async () => {
      const value = await scalar('histogram_quantile(0.5, sum by (le) (rate(base_shift_job_duration_seconds_bucket[1m])))');
      return value !== undefined && Number.isFinite(value) ? value : undefined;
    });
    expect(median).toBeGreaterThanOrEqual(0);
    const wait = await scraped('a queue-wait median', async () => {
      const value = await scalar('histogram_quantile(0.5, sum by (le) (rate(base_shift_job_queue_wait_seconds_bucket[1m])))');
      return value !== undefined && Number.isFinite(value) ? value : undefined;
    });
    expect(wait).toBeGreaterThanOrEqual(0);

    // The executor's own view, scraped from its METRICS_PORT.
    const executed = await scraped('executor successes', async () => {
      const value = await scalar('sum(base_shift_executor_jobs_total{job="job-executor",outcome="succeeded"})');
      return value === 4 ? value : undefined;
    });
    expect(executed).toBe(4);
    expect(await scalar('sum(base_shift_workflows{state="COMPLETED"})')).toBe(2);
    expect(await scalar('sum(base_shift_queue_jobs{pool="default"})')).toBe(0);
  });

  it('passes promtool check metrics on both endpoints', async () => {
    const controlPlane = await (await fetch(`${stack.metricsUrl}/metrics`)).text();
    const executor = await (await fetch(`http://${stack.executorAddress}/metrics`)).text();
    expect(controlPlane).toContain('base_shift_jobs_succeeded_total');
    expect(executor).toContain('base_shift_executor_jobs_total');
    expect(promtoolCheckMetrics(controlPlane)).toBe('');
    expect(promtoolCheckMetrics(executor)).toBe('');
  });

  it('runs every query of the Grafana dashboard and every alert expression', async () => {
    for (const { expr } of [...dashboardQueries(), ...alertRules()]) {
      await expect(prometheus.query(expr)).resolves.toEqual(expect.any(Array));
    }
    // The main panels have data after a run.
    const jobDuration = dashboardQueries().find((query) => query.panel === 'Job duration') as { expr: string };
    expect((await prometheus.query(jobDuration.expr)).length).toBeGreaterThan(0);
  });

  it('exposes on each endpoint exactly the metrics the README documents for it', async () => {
    const documented = documentedMetrics();
    const all = new Set([...documented.values()].flat());
    const ours = (text: string) => familyNames(text).filter((name) => name.startsWith('base_shift_'));
    const controlPlane = ours(await (await fetch(`${stack.metricsUrl}/metrics`)).text());
    const executor = ours(await (await fetch(`http://${stack.executorAddress}/metrics`)).text());
    expect(controlPlane.filter((name) => !all.has(name))).toEqual([]);
    expect((documented.get('Control plane') ?? []).filter((name) => !controlPlane.includes(name))).toEqual([]);
    expect([...executor].sort()).toEqual([...(documented.get('Job executor') ?? [])].sort());
  });

  it('writes JSON logs in which every line about a job names its workflow, job, attempt and template', () => {
    for (const [app, output] of [
      ['control-plane', stack.controlPlane.output()],
      ['job-executor', stack.executor.output()],
    ] as const) {
      const lines = jsonLines(output);
      const aboutJobs = lines.filter((line) => 'jobId' in line || 'queueJobId' in line);
      expect({ app, linesAboutJobs: aboutJobs.length > 0 }).toEqual({ app, linesAboutJobs: true });
      for (const line of aboutJobs) {
        expect({ app, line }).toEqual({
          app,
          line: expect.objectContaining({
            workflowId: expect.any(String),
            jobId: expect.any(String),
            attempt: expect.any(Number),
            templateId: expect.any(String),
          }),
        });
      }
      const ids = new Set(aboutJobs.map((line) => line['workflowId']));
      expect(workflowIds.every((id) => ids.has(id))).toBe(true);
    }
    const executorLines = jsonLines(stack.executor.output());
    expect(executorLines.some((line) => line['level'] === 'debug' && line['templateId'] === 'obs_notify' && line['jobId'] === 'notify')).toBe(true);
  });

  it('never lets the secret reach a log line, a metric or the workflow API', async () => {
    const workflow = await stack.json(`/workflows/${workflowIds[0]}`);
    expect(JSON.stringify(workflow)).toContain('Bearer [REDACTED]');
    const everything = [
      stack.controlPlane.output(),
      stack.executor.output(),
      await (await fetch(`${stack.metricsUrl}/metrics`)).text(),
      await (await fetch(`http://${stack.executorAddress}/metrics`)).text(),
      JSON.stringify(workflow),
    ].join('\n');
    expect(everything).not.toContain(TOKEN);
  });
});
