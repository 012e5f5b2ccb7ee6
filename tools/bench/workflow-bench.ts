/**
 * Workflow engine benchmark, against the BUILT apps. Two setups, one run:
 *
 * A. 1 control plane + 1 job-executor process (CONCURRENCY 50), 3-job
 *    sequential no-op workflows: the throughput issue's targets, measured the
 *    way a client sees them (client-completion.ts: POST /workflows, then the
 *    workflow's Server-Sent Events stream until it ends at COMPLETED):
 *    - latency one at a time, create → COMPLETED p50 / p99;
 *    - throughput with 200 workflows in flight (closed loop), its p99 latency,
 *      and the control plane's CPU per workflow (/proc/<pid>/stat utime +
 *      stime delta over that phase, serving the event streams included);
 *    - Redis bytes per finished workflow (redis-footprint.ts, MEMORY USAGE);
 *    - the executor's RSS idle (after start) and its peak (VmHWM) at the end;
 *    - the queue's own end-to-end jobs/s (queue-bench's end-to-end scenario,
 *      our queue alone, a throwaway redis-server, one worker process at
 *      concurrency 50) as the ceiling: a 3-job workflow cannot go faster than
 *      a third of it.
 *    Inter-job overhead, 10-job sequential workflows one at a time on an idle system:
 *    a) precise: an in-bench executor (JobLeases, blocking lease) on a pool of
 *       its own; "completed" = just before complete(), "started" = when lease()
 *       returns the next job (process.hrtime). Covers result stream → engine →
 *       apply + enqueue scripts → queue wake-up → lease.
 *    b) with the real executor process: from the pool's result stream on the
 *       Redis clock ('succeeded' of k → 'started' of k+1; 1 ms resolution).
 * B. A second executor joins: workflows/s created (HTTP, 32 in flight) and
 *    completed end to end (COMPLETED index in Redis, no load on the control
 *    plane), 1 control plane + 2 executors, median of 3 repetitions.
 *
 * Prints the figures, then a targets table (figure, target, met / missed /
 * not measured) and the phase table. Every phase has a deadline scaled to its
 * work (tools/lib/deadline.ts; `--deadline <s>` or `--deadline <phase>=<s>`):
 * one past it is reported as failed, its resources released, and the run
 * moves on; the exit code is 1 when any phase failed.
 *
 * With --cluster, both apps run on the Redis Cluster of REDIS_CLUSTER_NODES
 * (`node tools/testenv/index.mjs up --cluster`: three masters) and only the
 * throughput phases (B) run; the report adds the keys each master holds, which
 * shows the workflows spread over the cluster.
 *
 * Redis: REDIS_URL, else .testenv/env, else 127.0.0.1:6379; MongoDB: MONGO_URL
 * or .testenv/env (FerretDB). Everything lives under a private key prefix and
 * database, deleted afterwards. Writes tools/bench/results/workflow-bench-<time>.json.
 *
 * Run: npm run bench:workflow -- [--workflows 300] [--chains 30] [--in-flight-workflows 3000]
 *        [--latency-samples 300] [--quick] [--cluster] [--deadline …]
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { JobLeases, type LeasedJob } from '@base-shift/queue';
import type { RedisConnection } from '@base-shift/redis';
import { keysPerMaster, type AppProcess } from '@base-shift/testing';
import { createAdminKey } from '../lib/admin-key';
import { openBenchStore } from '../lib/bench-store';
import { appsBuilt, buildApps, startControlPlane, startExecutor } from '../lib/built-apps';
import { createJobTemplate, noopTemplate } from '../lib/job-templates';
import { PhaseRunner, type Phase } from '../lib/deadline';
import { median, percentile, round } from '../lib/percentiles';
import { writeResultFile } from '../lib/result-file';
import { testenvFerretPid } from '../lib/testenv-file';
import { adapter } from './queue-bench/adapters';
import { startBenchRedis } from './queue-bench/bench-redis';
import { endToEnd } from './queue-bench/scenarios';
import { completeInFlight, createAndAwaitCompleted, type ControlPlaneClient } from './workflow-bench/client-completion';
import { cpuMs, memoryMiB } from './workflow-bench/process-stats';
import { redisFootprint } from './workflow-bench/redis-footprint';
import { atLeast, atMost, notMeasured, targetsTable, type TargetRow } from './workflow-bench/targets';

const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const CLUSTER = args.includes('--cluster');
const option = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const WORKFLOWS = option('--workflows', QUICK ? 60 : 300);
const CHAINS = option('--chains', QUICK ? 8 : 30);
const CHAIN_JOBS = 10;
const FLOW_JOBS = 3;
const IN_FLIGHT_CREATES = 32;
const REPS = QUICK ? 1 : 3;
const IN_FLIGHT = 200;
const IN_FLIGHT_WORKFLOWS = option('--in-flight-workflows', QUICK ? 600 : 3000);
const LATENCY_SAMPLES = option('--latency-samples', QUICK ? 50 : 300);
const QUEUE_JOBS = QUICK ? 5_000 : 20_000;
/** queue-bench's sizes for its end-to-end scenario (only warmup and endToEnd are read there). */
const QUEUE_SIZES = { bulk: 0, oneByOne: 0, endToEnd: QUEUE_JOBS, warmup: 2_000, latency: 0, memory: 0, popK: 0 };
const phases = new PhaseRunner(args);

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
async function waitCompleted(redis: RedisConnection, prefix: string, id: string, phase: Phase): Promise<void> {
  for (;;) {
    phase.signal.throwIfAborted();
    const state = await redis.get(`${prefix}workflow:{${id}}:state`);
    if (state === 'COMPLETED') return;
    if (state === 'FAILED' || state === 'CANCELLED') throw new Error(`workflow ${id} ended ${state}`);
    await sleep(1);
  }
}

/** 1a: the in-bench executor runs every job of one chain and times each gap. */
async function preciseGaps(base: string, redis: RedisConnection, prefix: string, leases: JobLeases, chains: number, phase: Phase): Promise<number[]> {
  const gaps: number[] = [];
  for (let c = 0; c < chains; c++) {
    phase.signal.throwIfAborted();
    const created = await http(base, 'POST', '/workflows', chain('bench_latency', CHAIN_JOBS));
    if (created.status !== 201) throw new Error(`create failed: ${JSON.stringify(created.json)}`);
    let completedAt: bigint | undefined;
    for (let k = 0; k < CHAIN_JOBS; k++) {
      let job: LeasedJob | undefined;
      while (!job) {
        phase.signal.throwIfAborted();
        [job] = await leases.lease(['bench-latency'], 'bench-latency-executor', { count: 1, leaseMs: 30_000, blockMs: 5000 });
      }
      const startedAt = process.hrtime.bigint();
      if (completedAt !== undefined) gaps.push(Number(startedAt - completedAt) / 1e6);
      completedAt = process.hrtime.bigint();
      await leases.complete(job.pool, job.id, job.attempt, { ok: true });
    }
    await waitCompleted(redis, prefix, created.json.id, phase);
  }
  return gaps;
}

/** 1b: chains through the real executors; gaps read from the result stream (Redis clock, ms). */
async function streamGaps(base: string, redis: RedisConnection, prefix: string, chains: number, phase: Phase): Promise<number[]> {
  const stream = `${prefix}queue:{bench}:results`;
  const gaps: number[] = [];
  for (let c = 0; c < chains; c++) {
    phase.signal.throwIfAborted();
    const from = (await redis.xrevrange(stream, '+', '-', 'COUNT', 1))[0]?.[0] ?? '0-0';
    const created = await http(base, 'POST', '/workflows', chain('bench_noop', CHAIN_JOBS));
    await waitCompleted(redis, prefix, created.json.id, phase);
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

/** 2: create `count` workflows (IN_FLIGHT_CREATES at a time) and wait until all COMPLETED. */
async function throughput(base: string, redis: RedisConnection, prefix: string, count: number, phase: Phase, controlPlanePid?: number) {
  const completedKey = `${prefix}workflow-index:COMPLETED`;
  const cpuBefore = cpuMs(controlPlanePid);
  const before = await redis.zcard(completedKey);
  const createLatencies: number[] = [];
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: IN_FLIGHT_CREATES }, async () => {
      while (next < count) {
        phase.signal.throwIfAborted();
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
    phase.signal.throwIfAborted();
    await sleep(5);
  }
  const seconds = (performance.now() - started) / 1000;
  const controlPlaneCpuMsPerWorkflow = (cpuMs(controlPlanePid) - cpuBefore) / count;
  return {
    controlPlaneCpuMsPerWorkflow,
    seconds,
    workflowsPerSecond: count / seconds,
    jobsPerSecond: (count * FLOW_JOBS) / seconds,
    createsPerSecond: count / (createdIn / 1000),
    createP50Ms: median(createLatencies),
    createP99Ms: percentile(createLatencies, 99),
  };
}

async function main(): Promise<void> {
  const store = openBenchStore('workflow', { cluster: CLUSTER });
  const { redisUrl, mongoUrl, prefix, redis } = store;
  const processes: AppProcess[] = [];
  const leases = new JobLeases(redis, { pools: ['bench-latency'], prefix, announceStarts: true });
  const flowBody = JSON.stringify(chain('bench_noop', FLOW_JOBS));
  const startExecutorNo = (i: number) =>
    startExecutor({ JOB_QUEUE_URL: redisUrl, REDIS_KEY_PREFIX: prefix, POOLS: 'bench', CONCURRENCY: '50', EXECUTOR_ID: `bench-executor-${i}` });

  try {
    const built = await phases.run('build apps', 900_000, async () => {
      if (!appsBuilt()) buildApps(phases.deadlineOf('build apps', 900_000));
      return true;
    });
    const started =
      built &&
      (await phases.run('start control plane', 60_000, async (phase) => {
        const cp = await startControlPlane({
          REDIS_URL: redisUrl,
          MONGO_URL: mongoUrl,
          REDIS_KEY_PREFIX: prefix,
          POOLS: 'bench,bench-latency',
          AUTH_BOOTSTRAP_KEY_FILE: ADMIN_KEY.file,
          // Admission bounds out of the way, like the rate limiter: 200 workflows in flight would otherwise meet 429s
          // (bench:overload measures the bounds). The figures are the engine's.
          WORKFLOW_MAX_CREATES_IN_FLIGHT: '100000',
          WORKFLOW_MAX_QUEUED_PER_POOL: '1000000000',
          WORKFLOW_MAX_UNAPPLIED_RESULTS: '1000000000',
          ...(process.env['BENCH_PROFILE_DIR'] && { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${process.env['BENCH_PROFILE_DIR']}` }),
        });
        processes.push(cp.app);
        phase.signal.throwIfAborted();
        await createJobTemplate(cp.base, ADMIN_KEY.key, noopTemplate('bench_noop', 'bench'));
        await createJobTemplate(cp.base, ADMIN_KEY.key, noopTemplate('bench_latency', 'bench-latency'));
        return cp;
      }));
    const executor = started && (await phases.run('start executor 0', 60_000, () => startExecutorNo(0)));
    if (!started || !executor) return;
    processes.push(executor);
    const { app: controlPlane, base } = started;
    const client: ControlPlaneClient = { base, adminKey: ADMIN_KEY.key };
    // Idle: started and ready, no job run yet.
    const executorIdleRssMiB = memoryMiB(executor.child.pid, 'VmRSS');

    // Warm-up: JIT, script caches, connection pools; not reported.
    // On a cluster only throughput (B) is measured: a workflow's keys share one slot, so its gaps and latency are one node's.
    const singleNodeOnly = <T>(run: () => Promise<T | undefined>) => (CLUSTER ? Promise.resolve(undefined) : run());
    await singleNodeOnly(() =>
      phases.run('warm-up', 120_000, async (phase) => {
        await preciseGaps(base, redis, prefix, leases, 3, phase);
        await streamGaps(base, redis, prefix, 3, phase);
        await completeInFlight(client, flowBody, 2 * IN_FLIGHT, IN_FLIGHT, phase);
      }),
    );

    const latency = await singleNodeOnly(() =>
      phases.run('latency one at a time', 30_000 + 200 * LATENCY_SAMPLES, async (phase) => {
        const samples = [];
        for (let i = 0; i < LATENCY_SAMPLES; i++) samples.push(await createAndAwaitCompleted(client, flowBody, phase));
        return { ms: samples.map((s) => s.ms), createMs: samples.map((s) => s.createMs) };
      }),
    );
    const inFlight = await singleNodeOnly(() =>
      phases.run(`throughput ${IN_FLIGHT} in flight`, 60_000 + 50 * IN_FLIGHT_WORKFLOWS, async (phase) => {
        // The template store: the test environment's FerretDB process (undefined when MONGO_URL names another server).
        const storePid = testenvFerretPid();
        const [cpuBefore, storeBefore] = [cpuMs(controlPlane.child.pid), storePid === undefined ? 0 : cpuMs(storePid)];
        const result = await completeInFlight(client, flowBody, IN_FLIGHT_WORKFLOWS, IN_FLIGHT, phase);
        return {
          ...result,
          controlPlaneCpuMsPerWorkflow: (cpuMs(controlPlane.child.pid) - cpuBefore) / IN_FLIGHT_WORKFLOWS,
          templateStoreCpuMsPerWorkflow: storePid === undefined ? null : (cpuMs(storePid) - storeBefore) / IN_FLIGHT_WORKFLOWS,
        };
      }),
    );
    const footprint = await singleNodeOnly(() =>
      phases.run('redis bytes per workflow', 60_000, async () => {
        const completedKey = `${prefix}workflow-index:COMPLETED`;
        const finished = await redis.zcard(completedKey);
        return redisFootprint(redis, prefix, finished, await redis.zrange(completedKey, -5, -1));
      }),
    );
    const precise = await singleNodeOnly(() =>
      phases.run('inter-job overhead, in-bench executor', 30_000 + 2_000 * CHAINS, (phase) => preciseGaps(base, redis, prefix, leases, CHAINS, phase)),
    );
    const viaExecutor = await singleNodeOnly(() =>
      phases.run('inter-job overhead, executor process', 30_000 + 2_000 * CHAINS, (phase) => streamGaps(base, redis, prefix, CHAINS, phase)),
    );
    const executorPeakRssMiB = memoryMiB(executor.child.pid, 'VmHWM');
    const queueCeiling = await singleNodeOnly(() =>
      phases.run('queue-only end-to-end (ceiling)', 60_000 + 2 * QUEUE_JOBS, async (phase) => {
        const benchRedis = await startBenchRedis();
        phase.defer(() => benchRedis.stop());
        return endToEnd(adapter('ours'), benchRedis, { ...QUEUE_SIZES, endToEnd: QUEUE_JOBS }, phase);
      }),
    );

    // B: a second executor joins; the earlier throughput figure (creates 32 in flight, completions from the Redis index).
    const second = await phases.run('start executor 1', 60_000, () => startExecutorNo(1));
    if (second) processes.push(second);
    await phases.run('throughput warm-up, 2 executors', 120_000, (phase) => throughput(base, redis, prefix, Math.min(50, WORKFLOWS), phase));
    const runs: Awaited<ReturnType<typeof throughput>>[] = [];
    for (let rep = 0; rep < REPS && second; rep++) {
      const run = await phases.run(`throughput rep ${rep + 1}, 2 executors`, 60_000 + 100 * WORKFLOWS, (phase) =>
        throughput(base, redis, prefix, WORKFLOWS, phase, controlPlane.child.pid),
      );
      if (run) runs.push(run);
    }
    const best = runs.length > 0 ? runs.sort((a, b) => a.workflowsPerSecond - b.workflowsPerSecond)[Math.floor(runs.length / 2)] : undefined;
    // Workflow keys carry the workflow id as hash tag, so they spread; each pool's queue is one slot, on one master.
    const cluster = CLUSTER
      ? { workflowKeysPerMaster: await keysPerMaster(redis, `${prefix}workflow:`), keysPerMaster: await keysPerMaster(redis, prefix) }
      : undefined;

    const targets: TargetRow[] = [
      atLeast(`throughput, ${IN_FLIGHT} in flight`, inFlight?.workflowsPerSecond, 'workflows/s', 1000, 'client observes COMPLETED on the SSE stream'),
      atMost('control-plane CPU per workflow', inFlight?.controlPlaneCpuMsPerWorkflow, 'ms', 1, `/proc utime+stime over the ${IN_FLIGHT}-in-flight phase`),
      atMost(
        'template store CPU per workflow',
        inFlight?.templateStoreCpuMsPerWorkflow,
        'ms',
        0.1,
        "FerretDB's /proc utime+stime over the same phase (≈ 0: templates are cached)",
      ),
      atMost('latency one at a time, p50', latency ? percentile(latency.ms, 50) : null, 'ms', 5, 'create → COMPLETED seen on SSE'),
      atMost('latency one at a time, p99', latency ? percentile(latency.ms, 99) : null, 'ms', 15),
      atMost(`latency at ${IN_FLIGHT} in flight, p99`, inFlight ? percentile(inFlight.latencies, 99) : null, 'ms', 250),
      notMeasured('2 control planes + 2 executors vs 1 + 1', '>= 1.6x', 'not measured here (this bench runs one control plane)'),
      atMost('Redis bytes per finished workflow, own keys', footprint?.perWorkflowKeys, 'B', 2048, 'MEMORY USAGE of workflow:{id}:*, median of 5'),
      atMost(
        'Redis bytes per finished workflow, all keys',
        footprint?.perWorkflowUnderPrefix,
        'B',
        2048,
        'MEMORY USAGE of every key of the run / workflows finished so far',
      ),
      atMost('executor RSS idle', executorIdleRssMiB, 'MiB', 64, 'VmRSS after start, before any job'),
      atMost('executor RSS peak, CONCURRENCY=50', executorPeakRssMiB, 'MiB', 100, 'VmHWM after the phases above (no-op jobs)'),
      {
        figure: 'queue alone end to end (ceiling)',
        value: queueCeiling ? queueCeiling.jobsPerSecond : null,
        unit: 'jobs/s',
        target: `>= ${FLOW_JOBS}x the workflows/s`,
        status: queueCeiling ? 'ceiling' : 'not measured',
        note: queueCeiling ? `at most ${Math.round(queueCeiling.jobsPerSecond / FLOW_JOBS)} ${FLOW_JOBS}-job workflows/s` : 'its phase failed',
      },
    ];

    const report = {
      at: new Date().toISOString(),
      redis: cluster ? `Redis Cluster, ${Object.keys(cluster.keysPerMaster).length} masters` : 'single node',
      ...(cluster && { cluster }),
      machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
      targets,
      clientObserved: {
        setup: `1 control plane, 1 job-executor process (CONCURRENCY 50), ${FLOW_JOBS}-job sequential no-op workflows; completion = the workflow's SSE stream ending at COMPLETED`,
        oneAtATime: latency && {
          samples: latency.ms.length,
          p50Ms: round(percentile(latency.ms, 50), 2),
          p99Ms: round(percentile(latency.ms, 99), 2),
          createP50Ms: round(percentile(latency.createMs, 50), 2),
        },
        inFlight: inFlight && {
          inFlight: IN_FLIGHT,
          workflows: IN_FLIGHT_WORKFLOWS,
          workflowsPerSecond: round(inFlight.workflowsPerSecond, 1),
          p50Ms: round(percentile(inFlight.latencies, 50), 2),
          p99Ms: round(percentile(inFlight.latencies, 99), 2),
          createP50Ms: round(percentile(inFlight.createLatencies, 50), 2),
          createP99Ms: round(percentile(inFlight.createLatencies, 99), 2),
          controlPlaneCpuMsPerWorkflow: round(inFlight.controlPlaneCpuMsPerWorkflow, 3),
        },
        redisBytesPerWorkflow: footprint && {
          ownKeysMedian: footprint.perWorkflowKeys,
          ownKeysSamples: footprint.samples,
          underPrefixPerFinished: round(footprint.perWorkflowUnderPrefix, 0),
          bytesUnderPrefix: footprint.bytesUnderPrefix,
          finishedWorkflows: footprint.finishedWorkflows,
        },
        executorRssMiB: { idle: round(executorIdleRssMiB, 1), peak: round(executorPeakRssMiB, 1) },
        queueCeiling: queueCeiling && {
          setup: 'our queue alone: throwaway redis-server, one worker process at concurrency 50, no-op jobs added in bulk',
          jobs: QUEUE_JOBS,
          jobsPerSecond: round(queueCeiling.jobsPerSecond, 0),
        },
      },
      interJobOverheadMs: {
        inBenchExecutor: precise && { samples: precise.length, p50: round(median(precise), 2), p99: round(percentile(precise, 99), 2), target: 'p50 <= 5 ms' },
        realExecutorRedisClock: viaExecutor && { samples: viaExecutor.length, p50: median(viaExecutor), p99: percentile(viaExecutor, 99), resolutionMs: 1 },
      },
      throughput: best && {
        setup: `1 control plane, 2 job-executor processes (CONCURRENCY 50), ${FLOW_JOBS}-job sequential no-op workflows, ${IN_FLIGHT_CREATES} creates in flight`,
        workflows: WORKFLOWS,
        medianOf: runs.length,
        workflowsPerSecond: round(best.workflowsPerSecond, 1),
        jobsPerSecond: round(best.jobsPerSecond, 1),
        createsPerSecond: round(best.createsPerSecond, 1),
        createLatencyMs: { p50: round(best.createP50Ms, 2), p99: round(best.createP99Ms, 2) },
        controlPlaneCpuMsPerWorkflow: round(best.controlPlaneCpuMsPerWorkflow, 2),
        runs: runs.map((r) => round(r.workflowsPerSecond, 1)),
      },
      phases: phases.results,
    };
    const { inBenchExecutor: a, realExecutorRedisClock: b } = report.interJobOverheadMs;
    const t = report.throughput;
    const { oneAtATime: o, inFlight: f } = report.clientObserved;
    const failed = '(phase failed)';
    const perMaster = (counts: Record<string, number>) =>
      Object.entries(counts)
        .map(([node, keys]) => `${node} ${keys}`)
        .join(', ');
    process.stdout.write(
      [
        '',
        `Workflow engine benchmark (${report.redis})`,
        ...(cluster
          ? [
              `  workflow keys per master: ${perMaster(cluster.workflowKeysPerMaster)}`,
              `  all keys per master (queues too): ${perMaster(cluster.keysPerMaster)}`,
            ]
          : []),
        o
          ? `  1 CP + 1 executor, one at a time: create → COMPLETED (SSE) p50 ${o.p50Ms} ms p99 ${o.p99Ms} ms (the POST alone p50 ${o.createP50Ms} ms; ${o.samples} workflows)`
          : `  1 CP + 1 executor, one at a time ${failed}`,
        f
          ? `  1 CP + 1 executor, ${f.inFlight} in flight: ${f.workflowsPerSecond} workflows/s, create → COMPLETED p50 ${f.p50Ms} ms p99 ${f.p99Ms} ms (POST alone p50 ${f.createP50Ms} ms p99 ${f.createP99Ms} ms), CP CPU ${f.controlPlaneCpuMsPerWorkflow} ms/workflow`
          : `  1 CP + 1 executor, ${IN_FLIGHT} in flight ${failed}`,
        a
          ? `  inter-job overhead, in-bench executor (hrtime)   p50 ${a.p50} ms   p99 ${a.p99} ms   (${a.samples} gaps; target p50 <= 5 ms)`
          : `  inter-job overhead, in-bench executor ${failed}`,
        b
          ? `  inter-job overhead, executor process (Redis)     p50 ${b.p50} ms   p99 ${b.p99} ms   (${b.samples} gaps; 1 ms resolution)`
          : `  inter-job overhead, executor process ${failed}`,
        t
          ? `  1 CP + 2 executors: ${t.workflowsPerSecond} workflows/s (${t.jobsPerSecond} jobs/s), creates ${t.createsPerSecond}/s, POST p50 ${t.createLatencyMs.p50} ms p99 ${t.createLatencyMs.p99} ms, CP CPU ${t.controlPlaneCpuMsPerWorkflow} ms/workflow\n` +
            `  (${t.setup}; ${WORKFLOWS} workflows, median of ${t.medianOf}: ${t.runs.join(', ')})`
          : `  1 CP + 2 executors throughput ${failed}`,
        '',
        `Targets (1 control plane + 1 executor, ${FLOW_JOBS}-job sequential no-op workflows)`,
        targetsTable(targets),
        '',
        phases.table(),
      ].join('\n'),
    );
    // A failed phase may be the control plane's doing (an answer 5xx, an event stream ending in an error): its log says why.
    if (phases.failed.length > 0) process.stderr.write(`control plane log, last lines:\n${controlPlane.output().slice(-4000)}\n`);
    const file = writeResultFile('tools/bench/results', `workflow-bench-${Date.now()}.json`, report);
    process.stdout.write(`  written to ${file}\n`);
  } finally {
    ADMIN_KEY.remove();
    await phases.run('stop processes, remove data', 60_000, async () => {
      await leases.close();
      for (const app of processes.reverse()) await app.stop('SIGTERM', 15_000);
      await store.remove();
    });
  }
}

main()
  .catch((error: unknown) => {
    process.stderr.write(`workflow-bench: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  })
  .finally(() => {
    if (process.exitCode) process.exit(process.exitCode);
    phases.exit();
  });
