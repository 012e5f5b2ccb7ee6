import { createConnection } from 'mongoose';
import { JobLeases, JobWorker } from '@base-shift/queue';
import { createRedisConnection, deleteKeysWithPrefix, type RedisConnection } from '@base-shift/redis';
import { TestAdminKey } from '../support/test-auth';
import { eventually, freePort, isolatedMongoUrl, requireTestEnv, startBuiltApp, uniqueName, type AppProcess } from '@base-shift/testing';

const WORKFLOWS = 30;
const STEPS = 6;

interface WorkflowView {
  id: string;
  state: string;
  jobs: Array<{ id: string; state: string; attempts: number; output?: { value: number } }>;
  history: Array<{ seq: number; jobId?: string; from: string; to: string }>;
}

function chain(index: number) {
  return {
    name: `crash-${index}`,
    input: { start: index * 100 },
    jobs: Array.from({ length: STEPS }, (_, k) => ({
      id: `s${k}`,
      templateId: 'crash_step',
      input: { value: { $from: k === 0 ? 'input.start' : `jobs.s${k - 1}.output.value` } },
    })),
  };
}

/**
 * The BUILT control plane, as its container runs: two replicas (cp-a, cp-b)
 * share one Redis prefix; cp-a is killed with SIGKILL in the middle of the
 * run and started again (a restarted pod keeps its name).
 */
describe('control plane crash (node dist/apps/control-plane/main.js, kill -9 mid-run)', () => {
  const prefix = `bs-test:${uniqueName('wf-crash')}:`;
  const mongoUrl = isolatedMongoUrl('wf_crash');
  const processes: AppProcess[] = [];
  // Both replicas read the same bootstrap key file: one admin key for the test.
  const admin = new TestAdminKey();
  let redis: RedisConnection;
  let leases: JobLeases;
  let worker: JobWorker;

  async function start(pod: string): Promise<string> {
    const port = await freePort();
    const app = startBuiltApp('control-plane', {
      PORT: String(port),
      REDIS_URL: requireTestEnv('REDIS_URL'),
      MONGO_URL: mongoUrl,
      REDIS_KEY_PREFIX: prefix,
      POOLS: 'default',
      POD_DRIVER: 'none', // the test's own worker runs the jobs
      POD_NAME: pod,
      LOG_LEVEL: 'error',
      WORKFLOW_RESULT_CLAIM_IDLE_MS: '1000',
      WORKFLOW_RECOVERY_DELAY_MS: '1000',
      METRICS_PORT: '0',
      ...admin.env(),
    });
    processes.push(app);
    const base = `http://127.0.0.1:${port}`;
    await app.waitForHttp(`${base}/readyz`, 200, 30_000);
    return base;
  }

  async function post(base: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
    const response = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...admin.headers, ...headers },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  }

  beforeAll(() => {
    redis = createRedisConnection(requireTestEnv('REDIS_URL'), { connectionName: 'base-shift:test:wf-crash' });
  });

  afterAll(async () => {
    await worker?.stop();
    await leases?.close();
    await Promise.all(processes.map((app) => app.stop('SIGTERM')));
    const mongo = await createConnection(mongoUrl).asPromise();
    await mongo.dropDatabase();
    await mongo.close();
    await deleteKeysWithPrefix(redis, prefix);
    await redis.quit();
    admin.remove();
  });

  it('brings every workflow to a terminal state after a kill -9, applying nothing twice', async () => {
    const a = await start('cp-a');
    const b = await start('cp-b');
    const template = await post(a, '/graphql', {
      query: 'mutation($input: CreateJobTemplateInput!) { createJobTemplate(input: $input) { id version } }',
      variables: {
        input: {
          id: 'crash_step',
          steps: [{ name: 'add', type: 'transform', config: { output: { value: { $from: 'input.value' } } } }],
          inputSchema: { type: 'object', properties: { value: { type: 'number' } }, required: ['value'] },
          outputSchema: { type: 'object', properties: { value: { type: 'number' } }, required: ['value'] },
        },
      },
    });
    expect(template.body).toMatchObject({ data: { createJobTemplate: { id: 'crash_step', version: '1.0.0' } } });

    const executions = new Map<string, number>();
    leases = new JobLeases(redis, { pools: ['default'], prefix, announceStarts: true });
    worker = new JobWorker(leases, {
      pools: ['default'],
      executorId: 'crash-executor',
      concurrency: 8,
      blockMs: 200,
      handler: async (job) => {
        executions.set(job.id, (executions.get(job.id) ?? 0) + 1);
        await new Promise((resolve) => setTimeout(resolve, 2 + Math.floor(Math.random() * 15)));
        return { value: (job.payload['input'] as { value: number }).value + 1 };
      },
    });
    worker.start();

    // Creates go to both replicas; the ones cp-a was serving when it died are repeated (same Idempotency-Key).
    const created = new Map<number, string>();
    const create = async (index: number, base: string) => {
      try {
        const response = await post(base, '/workflows', chain(index), { 'Idempotency-Key': `crash-${prefix}-${index}` });
        if (response.status === 201 || response.status === 200) created.set(index, (response.body as { id: string }).id);
      } catch {
        // Connection reset by the kill: repeated below.
      }
    };
    const total = WORKFLOWS * STEPS;
    const firstWave = Array.from({ length: WORKFLOWS / 2 }, (_, i) => create(i, i % 2 === 0 ? a : b));
    await Promise.all(firstWave);
    // The second wave runs one by one while cp-a is killed: some of its creates die with it.
    const secondWave = (async () => {
      for (let i = 0; i < WORKFLOWS / 2; i++) await create(WORKFLOWS / 2 + i, i % 2 === 0 ? a : b);
    })();

    await eventually(() => [...executions.values()].reduce((n, c) => n + c, 0) >= total * 0.3, 'a third of the jobs to run', { attempts: 6000, everyMs: 5 });
    processes[0].child.kill('SIGKILL');
    expect(await processes[0].exited).toBe('SIGKILL');
    await secondWave;

    const restarted = await start('cp-a');
    for (let index = 0; index < WORKFLOWS; index++) if (!created.has(index)) await create(index, restarted);
    expect(created.size).toBe(WORKFLOWS);

    const views = new Map<string, WorkflowView>();
    for (const id of created.values()) {
      const finished = async () => {
        const view = (await (await fetch(`${b}/workflows/${id}`, { headers: admin.headers })).json()) as WorkflowView;
        if (!['COMPLETED', 'FAILED', 'CANCELLED'].includes(view.state)) throw new Error(`workflow ${id} is still ${view.state}: ${JSON.stringify(view.jobs)}`);
        return view;
      };
      views.set(id, await eventually(finished, `workflow ${id} to finish`, { attempts: 1200 }));
    }

    for (const [index, id] of created) {
      const view = views.get(id) as WorkflowView;
      expect([id, view.state]).toEqual([id, 'COMPLETED']);
      expect(view.jobs.map((job) => [job.state, job.attempts])).toEqual(Array.from({ length: STEPS }, () => ['SUCCEEDED', 1]));
      // Each job's output was applied once and fed the next job: the chain adds exactly one per step.
      expect(view.jobs[STEPS - 1].output).toEqual({ value: index * 100 + STEPS });
      expect(view.history.map((h) => h.seq)).toEqual(view.history.map((_, i) => i + 1));
      const moves = view.history.map((h) => `${h.jobId ?? 'workflow'}:${h.from}->${h.to}`);
      expect(new Set(moves).size).toBe(moves.length);
      expect(moves.filter((m) => m.endsWith('->SUCCEEDED'))).toHaveLength(STEPS);
      expect(moves.filter((m) => m === 'workflow:RUNNING->COMPLETED')).toHaveLength(1);
    }
    // Delivery to executors is at-least-once: a job whose enqueue was being acknowledged at the kill may run again (its result is then a duplicate).
    expect(Math.max(...executions.values())).toBeLessThanOrEqual(2);
    expect(executions.size).toBe(total);
  }, 120_000);
});
