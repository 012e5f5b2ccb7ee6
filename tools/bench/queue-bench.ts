/**
 * Queue benchmark (issue 4): our queue (@base-shift/queue) vs BullMQ 6.7 vs
 * Bee-Queue 2.0, side by side in one run against one throwaway redis-server,
 * no-op jobs with a ~100-byte payload. Repetitions are interleaved (the order
 * of the queues rotates), Redis is flushed before every measurement, and every
 * scenario runs once untimed first (JIT warm-up).
 *
 * 1. enqueue jobs/s: bulk (batches of 1000) and one-by-one (sequential await)
 * 2. end-to-end jobs/s: one worker process at concurrency 50
 * 3. add → completed latency p50/p99, idle worker in another process, observed
 *    the way a producer would (our result stream, BullMQ QueueEvents, Bee-Queue job events)
 * 4. Redis bytes per queued job (used_memory delta over 100k jobs)
 * 5. CPU per job in (2): Redis main thread (INFO cpu) and the worker process
 * 6. pop cost: taking 1000 jobs through a warm worker from a queue of 10^3 vs 10^6
 *    (the 10^6 fill is long: its repetitions are counted separately, --pop-reps)
 *
 * Latency is sampled with a 2 ms untimed pause before each add, so the worker
 * is idle (blocked waiting) when the job arrives, as the issue specifies;
 * back-to-back adds would measure a worker still busy with the previous job.
 * Every measurement (and warm-up) is a phase with a deadline that scales with
 * its work (tools/lib/deadline.ts; `--deadline <s>` or `--deadline <phase>=<s>`,
 * e.g. `--deadline latency:bee-queue=0.5`): a phase past it is reported as
 * failed with its reason, its worker process and producer are closed, and the
 * run moves on; the exit code is 1 when any phase failed.
 * Prints a table, writes tools/bench/results/queue-bench-<time>.json.
 * Run: npm run bench:queue -- [--reps 3] [--pop-reps 3] [--quick] [--only latency,memory,…] [--deadline …]
 */
import os from 'node:os';
import { ADAPTERS, type AdapterName, type QueueAdapter } from './queue-bench/adapters';
import { startBenchRedis, type BenchRedis } from './queue-bench/bench-redis';
import { bytesPerJob, endToEnd, enqueueBulk, enqueueOneByOne, latency, median, PAYLOAD, popCost, type Sizes } from './queue-bench/scenarios';
import { PhaseRunner, type Phase } from '../lib/deadline';
import { writeResultFile } from '../lib/result-file';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const quick = args.includes('--quick');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : undefined;
const reps = flag('reps', quick ? 1 : 3);
const popReps = flag('pop-reps', quick ? 1 : 3);
const deepQueue = quick ? 100_000 : 1_000_000;
const sizes: Sizes = quick
  ? { bulk: 5_000, oneByOne: 500, endToEnd: 5_000, warmup: 1_000, latency: 100, memory: 20_000, popK: 1_000 }
  : { bulk: 20_000, oneByOne: 2_000, endToEnd: 20_000, warmup: 2_000, latency: 300, memory: 100_000, popK: 1_000 };
const warmupSizes: Sizes = { bulk: 1_000, oneByOne: 200, endToEnd: 2_000, warmup: 500, latency: 20, memory: 1_000, popK: 500 };

type Metrics = Record<string, number>;
/** `deadlineMs`: generous default deadline for the scenario at these sizes (a 30 s floor for process start-up plus a per-job allowance far above any queue's cost). */
type Scenario = { name: string; run: (a: QueueAdapter, redis: BenchRedis, s: Sizes, phase: Phase) => Promise<Metrics>; deadlineMs: (s: Sizes) => number };

const SCENARIOS: Scenario[] = [
  { name: 'enqueue-bulk', run: (a, r, s, p) => enqueueBulk(a, r, s.bulk, p), deadlineMs: (s) => 30_000 + s.bulk },
  { name: 'enqueue-one', run: (a, r, s, p) => enqueueOneByOne(a, r, s.oneByOne, p), deadlineMs: (s) => 30_000 + 20 * s.oneByOne },
  { name: 'end-to-end', run: (a, r, s, p) => endToEnd(a, r, s, p), deadlineMs: (s) => 30_000 + 2 * (s.warmup + s.endToEnd) },
  { name: 'latency', run: (a, r, s, p) => latency(a, r, s.latency, p), deadlineMs: (s) => 30_000 + 200 * (50 + s.latency) },
  { name: 'memory', run: (a, r, s, p) => bytesPerJob(a, r, s.memory, p), deadlineMs: (s) => 30_000 + s.memory },
  { name: 'pop-1e3', run: (a, r, s, p) => popCost(a, r, 1_000, s, p), deadlineMs: (s) => 30_000 + 2 * (s.warmup + 1_000 + s.popK) },
];
const DEEP: Scenario = {
  name: 'pop-deep',
  run: (a, r, s, p) => popCost(a, r, deepQueue, s, p),
  deadlineMs: (s) => 60_000 + 2 * (s.warmup + deepQueue + s.popK),
};
const phases = new PhaseRunner(args);

// samples[scenario][adapter][metric] = values over repetitions
const samples: Record<string, Record<string, Record<string, number[]>>> = {};
function record(scenario: string, adapter: AdapterName, metrics: Metrics): void {
  for (const [metric, value] of Object.entries(metrics)) {
    ((samples[scenario] ??= {})[adapter] ??= {})[metric] ??= [];
    samples[scenario][adapter][metric].push(value);
  }
}
const value = (scenario: string, adapter: AdapterName, metric: string) => median(samples[scenario]?.[adapter]?.[metric] ?? [NaN]);
const rotate = <T>(list: readonly T[], by: number) => list.map((_, i) => list[(i + by) % list.length]);
const log = (text: string) => process.stderr.write(`${text}\n`);

async function main(): Promise<void> {
  const redis = await phases.run('start redis-server', 30_000, () => startBenchRedis());
  if (!redis) return phases.exit();
  log(`queue-bench: redis ${redis.version} on port ${redis.port}; ${reps} rep(s), payload ${JSON.stringify(PAYLOAD).length} B${quick ? ' (quick)' : ''}`);
  try {
    log('warm-up (untimed)…');
    const scenarios = SCENARIOS.filter((s) => !only || only.includes(s.name));
    for (const scenario of scenarios) {
      for (const a of ADAPTERS) {
        await phases.run(`warm-up ${scenario.name}:${a.name}`, scenario.deadlineMs(warmupSizes), (p) => scenario.run(a, redis, warmupSizes, p));
      }
    }
    for (let rep = 0; rep < reps; rep++) {
      for (const scenario of scenarios) {
        for (const a of rotate(ADAPTERS, rep)) {
          const metrics = await phases.run(`rep ${rep + 1} ${scenario.name}:${a.name}`, scenario.deadlineMs(sizes), (p) => scenario.run(a, redis, sizes, p));
          if (!metrics) continue;
          record(scenario.name, a.name, metrics);
          log(
            `rep ${rep + 1} ${scenario.name.padEnd(13)} ${a.name.padEnd(10)} ${Object.entries(metrics)
              .map(([k, v]) => `${k}=${round(v)}`)
              .join(' ')}`,
          );
        }
      }
    }
    for (let rep = 0; rep < (only && !only.includes('pop-deep') ? 0 : popReps); rep++) {
      for (const a of rotate(ADAPTERS, rep)) {
        const metrics = await phases.run(`rep ${rep + 1} ${DEEP.name}:${a.name}`, DEEP.deadlineMs(sizes), (p) => DEEP.run(a, redis, sizes, p));
        if (!metrics) continue;
        record(DEEP.name, a.name, metrics);
        log(
          `rep ${rep + 1} pop-${deepQueue.toExponential(0)}     ${a.name.padEnd(10)} ${Object.entries(metrics)
            .map(([k, v]) => `${k}=${round(v)}`)
            .join(' ')}`,
        );
      }
    }
  } finally {
    await phases.run('stop redis-server', 30_000, () => redis.stop());
  }
  report(redis.version);
  phases.exit();
}

function round(v: number): number {
  return Math.abs(v) >= 100 ? Math.round(v) : Math.round(v * 100) / 100;
}

interface Row {
  label: string;
  scenario: string;
  metric: string;
  higherIsBetter: boolean;
}

const ROWS: Row[] = [
  { label: 'enqueue bulk (jobs/s)', scenario: 'enqueue-bulk', metric: 'jobsPerSecond', higherIsBetter: true },
  { label: 'enqueue one-by-one (jobs/s)', scenario: 'enqueue-one', metric: 'jobsPerSecond', higherIsBetter: true },
  { label: 'end-to-end, c=50 (jobs/s)', scenario: 'end-to-end', metric: 'jobsPerSecond', higherIsBetter: true },
  { label: 'Redis CPU / job, e2e (µs)', scenario: 'end-to-end', metric: 'redisMicrosPerJob', higherIsBetter: false },
  { label: 'worker CPU / job, e2e (µs)', scenario: 'end-to-end', metric: 'workerMicrosPerJob', higherIsBetter: false },
  { label: 'latency p50 (ms)', scenario: 'latency', metric: 'p50Ms', higherIsBetter: false },
  { label: 'latency p99 (ms)', scenario: 'latency', metric: 'p99Ms', higherIsBetter: false },
  { label: 'bytes / queued job', scenario: 'memory', metric: 'bytesPerJob', higherIsBetter: false },
  { label: 'pop: Redis CPU/job @1e3 (µs)', scenario: 'pop-1e3', metric: 'redisMicrosPerJob', higherIsBetter: false },
  { label: `pop: Redis CPU/job @${deepQueue.toExponential(0)} (µs)`, scenario: 'pop-deep', metric: 'redisMicrosPerJob', higherIsBetter: false },
  { label: 'pop: jobs/s @1e3', scenario: 'pop-1e3', metric: 'jobsPerSecond', higherIsBetter: true },
  { label: `pop: jobs/s @${deepQueue.toExponential(0)}`, scenario: 'pop-deep', metric: 'jobsPerSecond', higherIsBetter: true },
];

function report(redisVersion: string): void {
  const names = ADAPTERS.map((a) => a.name);
  const table = ROWS.map((row) => {
    const values = Object.fromEntries(names.map((n) => [n, value(row.scenario, n, row.metric)]));
    const peers = names.filter((n) => n !== 'ours').map((n) => values[n]);
    const bestPeer = row.higherIsBetter ? Math.max(...peers) : Math.min(...peers);
    return {
      ...row,
      values,
      ratioToBestPeer: values['ours'] / bestPeer,
      ratioToBullmq: values['ours'] / values['bullmq'],
      ratioToBee: values['ours'] / values['bee-queue'],
    };
  });
  const popRatio = (metric: string, inverse = false) => {
    const r = value('pop-deep', 'ours', metric) / value('pop-1e3', 'ours', metric);
    return inverse ? 1 / r : r;
  };
  const targets = [
    { target: 'end-to-end jobs/s >= 2x the better peer', value: table[2].ratioToBestPeer, met: table[2].ratioToBestPeer >= 2 },
    { target: 'Redis CPU per job <= 0.5x BullMQ', value: table[3].ratioToBullmq, met: table[3].ratioToBullmq <= 0.5 },
    { target: 'bytes per queued job <= Bee-Queue', value: table[7].ratioToBee, met: table[7].ratioToBee <= 1 },
    { target: 'latency p50 <= Bee-Queue', value: table[5].ratioToBee, met: table[5].ratioToBee <= 1 },
    {
      target: `pop cost at ${deepQueue.toExponential(0)} within 1.5x of 1e3 (Redis CPU/job)`,
      value: popRatio('redisMicrosPerJob'),
      met: popRatio('redisMicrosPerJob') <= 1.5,
    },
    {
      target: `pop cost at ${deepQueue.toExponential(0)} within 1.5x of 1e3 (wall time/job)`,
      value: popRatio('jobsPerSecond', true),
      met: popRatio('jobsPerSecond', true) <= 1.5,
    },
  ];

  const cell = (v: number) => String(round(v)).padStart(10);
  const lines = [
    '',
    `${'metric'.padEnd(32)}${names.map((n) => n.padStart(10)).join('')}${'ours/best'.padStart(11)}`,
    ...table.map((row) => `${row.label.padEnd(32)}${names.map((n) => cell(row.values[n])).join('')}${cell(row.ratioToBestPeer)} `),
    '',
    // NaN: a phase the figure needs failed (the phase table below says which).
    ...targets.map((t) => `${Number.isNaN(t.value) ? 'NOT MEASURED' : t.met ? 'MET    ' : 'NOT MET'}  ${t.target}: ${round(t.value)}`),
    '',
    // A failed phase leaves its cells NaN (or a median of fewer repetitions): the phase table says which and why.
    phases.table(),
  ];
  process.stdout.write(lines.join('\n'));

  const json = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version, redis: redisVersion },
    settings: { reps, popReps, deepQueue, sizes, concurrency: 50, payloadBytes: JSON.stringify(PAYLOAD).length },
    table: table.map(({ label, scenario, metric, values, ratioToBestPeer, ratioToBullmq, ratioToBee }) => ({
      label,
      scenario,
      metric,
      values,
      ratioToBestPeer,
      ratioToBullmq,
      ratioToBee,
    })),
    targets,
    samples,
    phases: phases.results,
  };
  process.stdout.write(`results: ${writeResultFile('tools/bench/results', `queue-bench-${Date.now()}.json`, json)}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`queue-bench failed: ${error.stack}\n`);
  process.exit(1);
});
