import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { JobQueue, ResultFollower } from '@base-shift/queue';
import { isolatedRedis, requireTestEnv, type IsolatedRedis } from '@base-shift/testing';
import { PodKeys } from '../lib/keys/pod-keys';
import { RedisLockElector } from '../lib/leadership/redis-lock-elector';
import { QueueLoadReader } from '../lib/load/queue-load-reader';
import { LocalPodDriver } from '../lib/local/local-pod-driver';
import { PodManager } from '../lib/manager/pod-manager';
import { PoolStatusStore } from '../lib/manager/pool-status';
import { parsePoolConfig } from '../lib/pools/parse-pool-config';
import { JobDurationTracker } from '../lib/templates/job-duration-tracker';
import { TemplateStatsStore } from '../lib/templates/template-stats-store';
import { freePort } from '../lib/local/free-port';
import { eventually } from './kube-test-namespace';

const EXECUTOR_MAIN = path.resolve(__dirname, '../../../../dist/apps/job-executor/main.js');

/**
 * The local driver with real executor processes (dist/apps/job-executor/main.js,
 * built by the test target's dependency) on the real Redis: they run the jobs
 * the autoscaler started them for, a crashed one is replaced and its jobs
 * re-queued, and idle ones are drained.
 */
describe('the local pod driver runs real executors', () => {
  let redis: IsolatedRedis;
  let logDir: string;
  let driver: LocalPodDriver;
  let manager: PodManager;
  let queue: JobQueue;
  let templates: TemplateStatsStore;
  let results: ResultFollower;
  let succeeded = 0;

  beforeAll(async () => {
    redis = isolatedRedis('local-driver');
    logDir = mkdtempSync(path.join(tmpdir(), 'local-executors-'));
    const pools = parsePoolConfig({
      pools: [{ name: 'default', maxPods: 2, jobsPerPod: 2, scaleDownDelaySeconds: 0, drainSeconds: 2, readyDeadlineSeconds: 60 }],
    });
    const keys = new PodKeys('local-cp', redis.prefix);
    driver = new LocalPodDriver({
      settings: {
        controlPlaneId: 'local-cp',
        queueUrl: requireTestEnv('REDIS_URL'),
        keyPrefix: redis.prefix,
        logLevel: 'warn',
        metricsPort: 0,
        secretsDir: '',
      },
      executorMain: EXECUTOR_MAIN,
      logDir,
      stateDir: path.join(logDir, 'state'),
      probeIntervalMs: 100,
    });
    const view = new QueueLoadReader(redis.redis, { pools: ['default'], prefix: redis.prefix });
    templates = new TemplateStatsStore(redis.redis, keys);
    manager = new PodManager(
      {
        driver,
        queue: view,
        elector: new RedisLockElector(redis.redis, { key: keys.leader, identity: 'local-test', leaseDurationMs: 10_000 }),
        statuses: new PoolStatusStore(redis.redis, keys),
        templates,
        durations: new JobDurationTracker(redis.redis, { pools: ['default'], prefix: redis.prefix }, view, templates),
      },
      { controlPlaneId: 'local-cp', pools },
    );
    queue = new JobQueue(redis.redis, { pools: ['default'], prefix: redis.prefix });
    results = new ResultFollower(redis.redis, {
      pool: 'default',
      prefix: redis.prefix,
      onResult: (result) => void (succeeded += result.outcome === 'succeeded' ? 1 : 0),
    });
    await results.start();
    await driver.start();
    expect(await manager.leadership.tick()).toBe(true);
  });

  afterAll(async () => {
    await manager?.stop();
    await results?.stop();
    await driver?.stop();
    await redis?.cleanup();
    rmSync(logDir, { recursive: true, force: true });
  });

  /** Pins a delay template the way the workflow engine pins snapshots, and enqueues `count` jobs of it. */
  async function enqueue(templateId: string, ms: number, count: number): Promise<string[]> {
    const workflowId = `wf-${templateId}`;
    const template = { templateId, version: '1.0.0', steps: [{ name: 'wait', type: 'delay', config: { ms } }], inputSchema: {}, outputSchema: {} };
    await redis.redis.hset(`${redis.prefix}workflow:{${workflowId}}:templates`, `${templateId}@1.0.0`, JSON.stringify(template));
    return queue.enqueueMany(
      'default',
      // As the workflow engine enqueues: the template id also rides in meta, so every result names it.
      Array.from({ length: count }, (_, i) => ({
        payload: { workflowId, jobId: `job-${i}`, templateId, version: '1.0.0', input: { i } },
        meta: { templateId },
      })),
    );
  }

  it('scales up for queued jobs, the executors run them, and the idle pool drains to zero', async () => {
    await enqueue('short_delay', 200, 6);
    const up = await manager.evaluate();
    expect(up?.pools[0]).toMatchObject({ desired: 2, pods: 2, queued: 6, action: 'up' });
    const names = driver.list().map((pod) => pod.name);
    expect(names).toHaveLength(2);

    await eventually(() => driver.list().every((pod) => pod.ready), 'both executors answering /healthz', { attempts: 200, everyMs: 100 });
    await eventually(async () => succeeded === 6 || undefined, 'the six jobs succeeding', { attempts: 300, everyMs: 100 });
    expect(await queue.stats('default')).toMatchObject({ queued: 0, leased: 0 });

    const down = await manager.evaluate();
    expect(down?.pools[0]).toMatchObject({ desired: 0, pods: 0, action: 'down' });
    await eventually(() => driver.list().length === 0, 'both executors exiting after their drain', { attempts: 200, everyMs: 100 });
    const usage = await templates.read();
    expect(usage).toEqual([expect.objectContaining({ pool: 'default', templateId: 'short_delay', runs: 6 })]);
    expect(usage[0].totalMs).toBeGreaterThanOrEqual(6 * 200);
  });

  it('replaces an executor that crashed and re-queues the job it was running at once', async () => {
    const [jobId] = await enqueue('long_delay', 60_000, 1);
    await manager.evaluate();
    const [pod] = driver.list();
    await eventually(async () => (await queue.getJob('default', jobId))?.state === 'leased' || undefined, 'the executor leasing the job', {
      attempts: 200,
      everyMs: 100,
    });
    expect((await queue.getJob('default', jobId))?.lease?.executorId).toBe(pod.name);

    process.kill(pidOf(pod.name), 'SIGKILL');
    await eventually(() => driver.list().find((candidate) => candidate.name === pod.name)?.phase === 'Failed', 'the driver seeing the crash', {
      attempts: 200,
      everyMs: 50,
    });

    const evaluation = await manager.evaluate();
    expect(evaluation?.health.replaced).toEqual([{ pod: pod.name, pool: 'default', reason: 'Failed', requeued: 1 }]);
    expect(evaluation?.pools[0]).toMatchObject({ pods: 1, action: 'up' });
    const job = await queue.getJob('default', jobId);
    expect(job?.failures).toBe(1);
    expect(job?.lease?.executorId ?? 'queued').not.toBe(pod.name);
    await queue.cancel('default', jobId);
  });

  it('stops executors left behind by a control-plane process that was killed', async () => {
    const stateDir = path.join(logDir, 'orphans');
    mkdirSync(stateDir);
    const port = await freePort();
    const orphan = spawn(process.execPath, [EXECUTOR_MAIN], {
      env: {
        PATH: process.env['PATH'] ?? '',
        JOB_QUEUE_URL: requireTestEnv('REDIS_URL'),
        REDIS_KEY_PREFIX: redis.prefix,
        EXECUTOR_ID: 'left-behind',
        METRICS_PORT: String(port),
        LOG_LEVEL: 'warn',
        POOLS: 'default',
      },
      stdio: 'ignore',
    });
    await eventually(async () => (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined))?.status === 200, 'the orphan executor serving', {
      attempts: 200,
      everyMs: 50,
    });
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) => orphan.once('exit', (code, signal) => resolve(signal ?? code)));
    // The owner: a process that has ended, as a control plane killed with SIGKILL has.
    const owner = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(path.join(stateDir, 'local-cp.left-behind.json'), JSON.stringify({ name: 'left-behind', pid: orphan.pid, ownerPid: Number(owner.stdout) }));
    // And one of a live control plane (this process): left alone.
    writeFileSync(path.join(stateDir, 'local-cp.still-owned.json'), JSON.stringify({ name: 'still-owned', pid: process.pid, ownerPid: process.pid }));

    const next = new LocalPodDriver({
      settings: {
        controlPlaneId: 'local-cp',
        queueUrl: requireTestEnv('REDIS_URL'),
        keyPrefix: redis.prefix,
        logLevel: 'warn',
        metricsPort: 0,
        secretsDir: '',
      },
      executorMain: EXECUTOR_MAIN,
      stateDir,
    });
    await next.start();
    await next.stop();
    expect(await exited).toBe(0); // SIGTERM: the executor drained and exited cleanly
  });

  function pidOf(name: string): number {
    const pid = driver.pidOf(name);
    if (!pid) throw new Error(`no pid for ${name}`);
    return pid;
  }
});
