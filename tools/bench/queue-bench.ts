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
 * Prints a table, writes tools/bench/results/queue-bench-<time>.json.
 * Run: npm run bench:queue -- [--reps 3] [--pop-reps 3] [--quick] [--only latency,memory,…]
 */
import os from 'node:os';
import { ADAPTERS, type AdapterName, type QueueAdapter } from './queue-bench/adapters';
import { startBenchRedis, type BenchRedis } from './queue-bench/bench-redis';
import { bytesPerJob, endToEnd, enqueueBulk, enqueueOneByOne, latency, median, PAYLOAD, popCost, type Sizes } from './queue-bench/scenarios';
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
type Scenario = { name: string; run: (a: QueueAdapter, redis: BenchRedis, s: Sizes) => Promise<Metrics> };

const SCENARIOS: Scenario[] = [
  { name: 'enqueue-bulk', run: (a, r, s) => enqueueBulk(a, r, s.bulk) },
  { name: 'enqueue-one', run: (a, r, s) => enqueueOneByOne(a, r, s.oneByOne) },
  { name: 'end-to-end', run: (a, r, s) => endToEnd(a, r, s) },
  { name: 'latency', run: (a, r, s) => latency(a, r, s.latency) },
  { name: 'memory', run: (a, r, s) => bytesPerJob(a, r, s.memory) },
  { name: 'pop-1e3', run: (a, r, s) => popCost(a, r, 1_000, s) },
];
const DEEP: Scenario = { name: 'pop-deep', run: (a, r, s) => popCost(a, r, deepQueue, s) };

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
  const redis = await startBenchRedis();
  log(`queue-bench: redis ${redis.version} on port ${redis.port}; ${reps} rep(s), payload ${JSON.stringify(PAYLOAD).length} B${quick ? ' (quick)' : ''}`);
  try {
    log('warm-up (untimed)…');
    const scenarios = SCENARIOS.filter((s) => !only || only.includes(s.name));
    for (const scenario of scenarios) for (const a of ADAPTERS) await scenario.run(a, redis, warmupSizes);
    for (let rep = 0; rep < reps; rep++) {
      for (const scenario of scenarios) {
        for (const a of rotate(ADAPTERS, rep)) {
          const metrics = await scenario.run(a, redis, sizes);
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
        const metrics = await DEEP.run(a, redis, sizes);
        record(DEEP.name, a.name, metrics);
        log(
          `rep ${rep + 1} pop-${deepQueue.toExponential(0)}     ${a.name.padEnd(10)} ${Object.entries(metrics)
            .map(([k, v]) => `${k}=${round(v)}`)
            .join(' ')}`,
        );
      }
    }
  } finally {
    await redis.stop();
  }
  report(redis.version);
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
    ...targets.map((t) => `${t.met ? 'MET    ' : 'NOT MET'}  ${t.target}: ${round(t.value)}`),
    '',
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
  };
  process.stdout.write(`results: ${writeResultFile('tools/bench/results', `queue-bench-${Date.now()}.json`, json)}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`queue-bench failed: ${error.stack}\n`);
  process.exit(1);
});
