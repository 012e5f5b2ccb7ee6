/**
 * Workflow engine benchmark (issue 5), against the BUILT apps:
 *
 * 1. Inter-job overhead: 10-job sequential workflows of no-op jobs, run one at
 *    a time on an idle system; time from job k completed to job k+1 started.
 *    a) precise: an in-bench executor (JobLeases, blocking lease) on a pool of
 *       its own; "completed" = just before complete(), "started" = when lease()
 *       returns the next job (process.hrtime). Covers result stream → engine →
 *       apply + enqueue scripts → queue wake-up → lease.
 *    b) with the real executor processes: from the pool's result stream on the
 *       Redis clock ('succeeded' of k → 'started' of k+1; 1 ms resolution).
 * 2. Throughput: workflows/s created (HTTP) and completed end to end, 1 control
 *    plane + 2 job-executor processes (CONCURRENCY 50 each), 3-job sequential
 *    no-op workflows; warm-up first, median of 3 repetitions.
 *
 * Each throughput run also reports the control plane's CPU time per workflow
 * and, when MongoDB is the test environment's FerretDB, that process's CPU
 * time per workflow: what template reads cost the template store.
 *
 * Redis: REDIS_URL, else .testenv/env, else 127.0.0.1:6379; MongoDB: MONGO_URL
 * or .testenv/env (FerretDB). Everything lives under a private key prefix and
 * database, deleted afterwards. Writes tools/bench/results/workflow-bench-<time>.json.
 *
 * Run: npm run bench:workflow -- [--workflows 300] [--chains 30] [--quick]
 */
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { JobLeases, type LeasedJob } from '@base-shift/queue';
import type { RedisConnection } from '@base-shift/redis';
import type { AppProcess } from '@base-shift/testing';
import { createAdminKey } from '../lib/admin-key';
import { openBenchStore } from '../lib/bench-store';
import { appsBuilt, buildApps, startControlPlane, startExecutor } from '../lib/built-apps';
import { createJobTemplate, noopTemplate } from '../lib/job-templates';
import { median, percentile, round } from '../lib/percentiles';
import { testenvFerretPid } from '../lib/testenv-file';

import { writeResultFile } from '../lib/result-file';

const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const option = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const WORKFLOWS = option('--workflows', QUICK ? 60 : 300);
const CHAINS = option('--chains', QUICK ? 8 : 30);
const CHAIN_JOBS = 10;
const FLOW_JOBS = 3;
const IN_FLIGHT_CREATES = 32;
const REPS = QUICK ? 1 : 3;

// The control plane's bootstrap admin key (AUTH_BOOTSTRAP_KEY_FILE), in a private temp file removed at the end.
const ADMIN_KEY = createAdminKey();

async function http(base: string, method: string, url: string, body?: unknown): Promise<{ status: number; json: any }> {
  const auth = { authorization: `Bearer ${ADMIN_KEY.key}` };
  const response = await fetch(`${base}${url}`, {
    method,
    headers: body === undefined ? auth : { 'content-type': 'application/json', ...auth },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

function chain(templateId: string, jobs: number) {
  return { jobs: Array.from({ length: jobs }, (_, k) => ({ id: `j${k}`, templateId })) };
}

/** Polls the seed's `workflow:{<id>}:state` key in Redis: no load on the control plane while it is being measured. */
async function waitCompleted(redis: RedisConnection, prefix: string, id: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await redis.get(`${prefix}workflow:{${id}}:state`);
    if (state === 'COMPLETED') return;
    if (state === 'FAILED' || state === 'CANCELLED') throw new Error(`workflow ${id} ended ${state}`);
    if (Date.now() > deadline) throw new Error(`workflow ${id} still ${state}`);
    await sleep(1);
  }
}

/** 1a: the in-bench executor runs every job of one chain and times each gap. */
async function preciseGaps(base: string, redis: RedisConnection, prefix: string, leases: JobLeases, chains: number): Promise<number[]> {
  const gaps: number[] = [];
  for (let c = 0; c < chains; c++) {
    const created = await http(base, 'POST', '/workflows', chain('bench_latency', CHAIN_JOBS));
    if (created.status !== 201) throw new Error(`create failed: ${JSON.stringify(created.json)}`);
    let completedAt: bigint | undefined;
    for (let k = 0; k < CHAIN_JOBS; k++) {
      let job: LeasedJob | undefined;
      while (!job) [job] = await leases.lease(['bench-latency'], 'bench-latency-executor', { count: 1, leaseMs: 30_000, blockMs: 5000 });
      const startedAt = process.hrtime.bigint();
      if (completedAt !== undefined) gaps.push(Number(startedAt - completedAt) / 1e6);
      completedAt = process.hrtime.bigint();
      await leases.complete(job.pool, job.id, job.attempt, { ok: true });
    }
    await waitCompleted(redis, prefix, created.json.id);
  }
  return gaps;
}

/** 1b: chains through the real executors; gaps read from the result stream (Redis clock, ms). */
async function streamGaps(base: string, redis: RedisConnection, prefix: string, chains: number): Promise<number[]> {
  const stream = `${prefix}queue:{bench}:results`;
  const gaps: number[] = [];
  for (let c = 0; c < chains; c++) {
    const from = (await redis.xrevrange(stream, '+', '-', 'COUNT', 1))[0]?.[0] ?? '0-0';
    const created = await http(base, 'POST', '/workflows', chain('bench_noop', CHAIN_JOBS));
    await waitCompleted(redis, prefix, created.json.id);
    const entries = await redis.xrange(stream, `(${from}`, '+');
    const times = new Map<string, number>();
    for (const [entryId, fields] of entries) {
      const f = new Map<string, string>();
      for (let i = 0; i < fields.length; i += 2) f.set(fields[i], fields[i + 1]);
      if (!f.get('job')?.startsWith(created.json.id)) continue;
      times.set(`${f.get('job')?.split(':')[1]}:${f.get('outcome')}`, Number(entryId.split('-')[0]));
    }
    for (let k = 1; k < CHAIN_JOBS; k++) {
      const done = times.get(`j${k - 1}:succeeded`);
      const started = times.get(`j${k}:started`);
      if (done !== undefined && started !== undefined) gaps.push(started - done);
    }
  }
  return gaps;
}

/** CPU time (user + system) of a process so far, in ms: /proc/<pid>/stat fields 14 and 15, in USER_HZ (100) ticks. */
function cpuMs(pid: number | undefined): number {
  if (pid === undefined) return 0;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** 2: create `count` workflows (IN_FLIGHT_CREATES at a time) and wait until all COMPLETED. */
async function throughput(base: string, redis: RedisConnection, prefix: string, count: number, controlPlanePid?: number, templateStorePid?: number) {
  const completedKey = `${prefix}workflow-index:COMPLETED`;
  const cpuBefore = cpuMs(controlPlanePid);
  const storeCpuBefore = cpuMs(templateStorePid);
  const before = await redis.zcard(completedKey);
  const createLatencies: number[] = [];
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: IN_FLIGHT_CREATES }, async () => {
      while (next < count) {
        next++;
        const t0 = performance.now();
        const created = await http(base, 'POST', '/workflows', chain('bench_noop', FLOW_JOBS));
        createLatencies.push(performance.now() - t0);
        if (created.status !== 201) throw new Error(`create failed: ${JSON.stringify(created.json)}`);
      }
    }),
  );
  const createdIn = performance.now() - started;
  while ((await redis.zcard(completedKey)) - before < count) {
    if (performance.now() - started > 300_000) throw new Error('workflows did not complete within 5 minutes');
    await sleep(5);
  }
  const seconds = (performance.now() - started) / 1000;
  const controlPlaneCpuMsPerWorkflow = (cpuMs(controlPlanePid) - cpuBefore) / count;
  const templateStoreCpuMsPerWorkflow = (cpuMs(templateStorePid) - storeCpuBefore) / count;
  return {
    controlPlaneCpuMsPerWorkflow,
    templateStoreCpuMsPerWorkflow,
    seconds,
    workflowsPerSecond: count / seconds,
    jobsPerSecond: (count * FLOW_JOBS) / seconds,
    createsPerSecond: count / (createdIn / 1000),
    createP50Ms: median(createLatencies),
    createP99Ms: percentile(createLatencies, 99),
  };
}

async function main(): Promise<void> {
  const store = openBenchStore('workflow');
  const { redisUrl, mongoUrl, prefix, redis } = store;
  const processes: AppProcess[] = [];
  const leases = new JobLeases(redis, { pools: ['bench-latency'], prefix, announceStarts: true });

  try {
    if (!appsBuilt()) buildApps();
    const { app: controlPlane, base } = await startControlPlane({
      REDIS_URL: redisUrl,
      MONGO_URL: mongoUrl,
      REDIS_KEY_PREFIX: prefix,
      POOLS: 'bench,bench-latency',
      AUTH_BOOTSTRAP_KEY_FILE: ADMIN_KEY.file,
      ...(process.env['BENCH_PROFILE_DIR'] && { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${process.env['BENCH_PROFILE_DIR']}` }),
    });
    processes.push(controlPlane);
    await createJobTemplate(base, ADMIN_KEY.key, noopTemplate('bench_noop', 'bench'));
    await createJobTemplate(base, ADMIN_KEY.key, noopTemplate('bench_latency', 'bench-latency'));
    for (let i = 0; i < 2; i++) {
      processes.push(
        await startExecutor({ JOB_QUEUE_URL: redisUrl, REDIS_KEY_PREFIX: prefix, POOLS: 'bench', CONCURRENCY: '50', EXECUTOR_ID: `bench-executor-${i}` }),
      );
    }

    // Warm-up: JIT, script caches, connection pools.
    await preciseGaps(base, redis, prefix, leases, 3);
    await streamGaps(base, redis, prefix, 3);
    await throughput(base, redis, prefix, Math.min(50, WORKFLOWS));

    const precise = await preciseGaps(base, redis, prefix, leases, CHAINS);
    const viaExecutors = await streamGaps(base, redis, prefix, CHAINS);
    const runs = [];
    const templateStorePid = testenvFerretPid();
    for (let rep = 0; rep < REPS; rep++) runs.push(await throughput(base, redis, prefix, WORKFLOWS, controlPlane.child.pid, templateStorePid));
    const best = runs.sort((a, b) => a.workflowsPerSecond - b.workflowsPerSecond)[Math.floor(runs.length / 2)];

    const report = {
      at: new Date().toISOString(),
      machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
      interJobOverheadMs: {
        inBenchExecutor: { samples: precise.length, p50: round(median(precise), 2), p99: round(percentile(precise, 99), 2), target: 'p50 <= 5 ms' },
        realExecutorsRedisClock: { samples: viaExecutors.length, p50: median(viaExecutors), p99: percentile(viaExecutors, 99), resolutionMs: 1 },
      },
      throughput: {
        setup: `1 control plane, 2 job-executor processes (CONCURRENCY 50), ${FLOW_JOBS}-job sequential no-op workflows, ${IN_FLIGHT_CREATES} creates in flight`,
        workflows: WORKFLOWS,
        medianOf: REPS,
        workflowsPerSecond: round(best.workflowsPerSecond, 1),
        jobsPerSecond: round(best.jobsPerSecond, 1),
        createsPerSecond: round(best.createsPerSecond, 1),
        createLatencyMs: { p50: round(best.createP50Ms, 2), p99: round(best.createP99Ms, 2) },
        controlPlaneCpuMsPerWorkflow: round(best.controlPlaneCpuMsPerWorkflow, 2),
        // Null when the bench cannot see the store's process (a MONGO_URL of one's own).
        templateStoreCpuMsPerWorkflow: templateStorePid === undefined ? null : round(best.templateStoreCpuMsPerWorkflow, 2),
        runs: runs.map((r) => round(r.workflowsPerSecond, 1)),
      },
    };
    const { inBenchExecutor: a, realExecutorsRedisClock: b } = report.interJobOverheadMs;
    const t = report.throughput;
    process.stdout.write(
      [
        '',
        'Workflow engine benchmark',
        `  inter-job overhead, in-bench executor (hrtime)   p50 ${a.p50} ms   p99 ${a.p99} ms   (${a.samples} gaps; target p50 <= 5 ms)`,
        `  inter-job overhead, 2 executor processes (Redis) p50 ${b.p50} ms   p99 ${b.p99} ms   (${b.samples} gaps; 1 ms resolution)`,
        `  end to end: ${t.workflowsPerSecond} workflows/s (${t.jobsPerSecond} jobs/s), creates ${t.createsPerSecond}/s, POST p50 ${t.createLatencyMs.p50} ms p99 ${t.createLatencyMs.p99} ms`,
        `  control plane CPU per workflow (create + ${FLOW_JOBS} jobs applied): ${t.controlPlaneCpuMsPerWorkflow} ms`,
        `  template store (FerretDB) CPU per workflow: ${t.templateStoreCpuMsPerWorkflow === null ? 'not measured (MONGO_URL is not the test environment)' : `${t.templateStoreCpuMsPerWorkflow} ms`}`,
        `  (${t.setup}; ${WORKFLOWS} workflows, median of ${REPS}: ${t.runs.join(', ')})`,
        '',
      ].join('\n'),
    );
    const file = writeResultFile('tools/bench/results', `workflow-bench-${Date.now()}.json`, report);
    process.stdout.write(`  written to ${file}\n`);
  } finally {
    ADMIN_KEY.remove();
    await leases.close();
    for (const app of processes.reverse()) await app.stop('SIGTERM');
    await store.remove();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`workflow-bench: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
