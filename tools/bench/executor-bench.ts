/**
 * Job-executor benchmark: executor overhead per no-op job and external_api_call
 * throughput against a local keep-alive HTTP server, at concurrency 1, 10, 100.
 *
 * The built agent (dist/apps/job-executor/main.js) runs as a child process
 * against a real Redis (REDIS_URL, else .testenv/env, else 127.0.0.1:6379) under
 * a private key prefix that is deleted afterwards. Jobs are enqueued in bulk;
 * throughput is measured on the Redis clock from the result stream (first
 * 'started' to last 'succeeded'), and the agent's CPU time per job is read from
 * /proc (steadier than jobs/s on a shared machine). A warm-up batch runs first
 * in every cell; each cell is repeated (--reps, default 3) and the median kept.
 * Every step (agent start, warm-up, each batch) is a phase with a deadline that
 * scales with its jobs (tools/lib/deadline.ts; `--deadline <s>` or
 * `--deadline <phase>=<s>`): one past it is reported as failed, its agent
 * stopped, and the run moves on; the exit code is 1 when any phase failed.
 *
 * Memory: one more agent, at CONCURRENCY=50 with the NODE_OPTIONS its
 * Kubernetes pod gets for the seed's 128Mi limit (executorNodeOptions): its
 * resident set (VmRSS) after 5 s idle, then its peak (VmHWM) once a batch of
 * external_api_call jobs has run, printed against the targets (idle ≤ 64 MiB,
 * peak ≤ 100 MiB, the seed's pod requesting 64Mi and limited to 128Mi); a
 * fresh agent per repetition, medians kept.
 *
 * Run: npm run bench:executor -- [--reps 3] [--quick] [--concurrency 10] [--profile dir] [--deadline …]
 */
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { executorNodeOptions } from '@base-shift/pods';
import { JobQueue, QueueKeys } from '@base-shift/queue';
import { createRedisConnection, deleteKeysWithPrefix, type RedisConnection } from '@base-shift/redis';
import { uniqueName, type AppProcess } from '@base-shift/testing';
import { startExecutor } from '../lib/built-apps';
import { PhaseRunner, type Phase } from '../lib/deadline';
import { writeResultFile } from '../lib/result-file';
import { envOrTestenv } from '../lib/testenv-file';

const ROOT = path.resolve(__dirname, '../..');
const POOL = 'bench';
const CONCURRENCIES = [1, 10, 100];
const args = process.argv.slice(2);
const REPS = Number(args[args.indexOf('--reps') + 1] || 3) || 3;
const QUICK = args.includes('--quick');
/** --profile <dir>: the agents write V8 CPU profiles there (open them in Chrome DevTools). */
const PROFILE_DIR = args.includes('--profile') ? path.resolve(args[args.indexOf('--profile') + 1] ?? 'tmp/profiles') : undefined;
const ONLY = args.includes('--concurrency') ? [Number(args[args.indexOf('--concurrency') + 1])] : undefined;
const phases = new PhaseRunner(args);
/** Default deadline of a batch: far above the slowest cell (external_api_call at concurrency 1). */
const batchDeadlineMs = (jobs: number) => 60_000 + 10 * jobs;
/** The memory cell: the seed pod's limit, the concurrency and the targets of the throughput issue. */
const MEMORY = { limit: '128Mi', concurrency: 50, idleMs: 5000, idleTargetMib: 64, peakTargetMib: 100 };

type Scenario = 'noop' | 'http';

interface Cell {
  scenario: Scenario;
  concurrency: number;
  jobs: number;
  jobsPerSecond: number;
  /** Wall time per job on the Redis clock (1 / throughput). */
  msPerJob: number;
  /** Agent process CPU (user + system) per job. */
  cpuUsPerJob: number;
  httpConnections?: number;
  reps: number[];
}

function jobsFor(concurrency: number): number {
  const base = concurrency === 1 ? 1000 : concurrency === 10 ? 3000 : 5000;
  return QUICK ? Math.floor(base / 5) : base;
}

const TEMPLATES: Record<Scenario, (url: string) => object> = {
  // The cheapest real step: everything measured is the agent's own overhead (lease, template, runner, settle).
  noop: () => ({
    templateId: 'bench_noop',
    version: '1.0.0',
    steps: [{ name: 'noop', type: 'transform', config: { output: { ok: true } } }],
    outputSchema: { type: 'object' },
  }),
  http: (url) => ({
    templateId: 'bench_http',
    version: '1.0.0',
    steps: [{ name: 'call', type: 'external_api_call', config: { api_endpoint: `${url}/ok`, method: 'GET' } }],
    outputSchema: { type: 'object', required: ['ok'] },
  }),
};

async function startApi(): Promise<{ url: string; server: Server; connections: () => number }> {
  let connections = 0;
  const body = JSON.stringify({ ok: true, service: 'bench' });
  const server = createServer((_, response) => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    response.end(body);
  });
  server.keepAliveTimeout = 60_000;
  server.on('connection', () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, connections: () => connections };
}

function cpuMicros(pid: number): number {
  // /proc/<pid>/stat fields 14 and 15: utime and stime in clock ticks (USER_HZ, 100 on Linux).
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

async function runBatch(
  redis: RedisConnection,
  queue: JobQueue,
  prefix: string,
  scenario: Scenario,
  count: number,
  agent: AppProcess,
  phase: Phase,
): Promise<{ seconds: number; cpuUs: number }> {
  const stream = new QueueKeys(prefix).pool(POOL).results;
  await redis.del(stream);
  const payload = { workflowId: 'bench', jobId: 'j', templateId: `bench_${scenario}`, version: '1.0.0', input: { n: 1 } };
  const cpuBefore = cpuMicros(agent.child.pid as number);
  for (let i = 0; i < count; i += 1000) {
    await queue.enqueueMany(
      POOL,
      Array.from({ length: Math.min(1000, count - i) }, () => ({ payload })),
    );
  }
  for (;;) {
    // Each job writes 'started' then a final entry. A batch given up at its deadline stops polling here.
    phase.signal.throwIfAborted();
    if ((await redis.xlen(stream)) >= count * 2) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const cpuUs = cpuMicros(agent.child.pid as number) - cpuBefore;
  const entries = (await redis.xrange(stream, '-', '+')) as [string, string[]][];
  const failed = entries.filter(
    ([, fields]) => fields.includes('outcome') && fields[fields.indexOf('outcome') + 1] !== 'started' && fields[fields.indexOf('outcome') + 1] !== 'succeeded',
  );
  if (failed.length > 0) throw new Error(`${failed.length} ${scenario} job(s) did not succeed: ${JSON.stringify(failed[0])}`);
  const ms = (id: string) => Number(id.split('-')[0]);
  const seconds = Math.max(0.001, (ms(entries[entries.length - 1][0]) - ms(entries[0][0])) / 1000);
  return { seconds, cpuUs };
}

/** VmRSS and VmHWM (peak resident set) of `pid`, MiB. */
function residentMib(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: Number((kib('VmRSS') / 1024).toFixed(1)), peak: Number((kib('VmHWM') / 1024).toFixed(1)) };
}

interface MemoryCell {
  concurrency: number;
  nodeOptions: string;
  jobs: number;
  /** Medians over the repetitions (a fresh agent each: VmHWM is per process); one shared machine's noise is several MiB. */
  idleRssMib: number;
  peakRssMib: number;
  idleTargetMib: number;
  peakTargetMib: number;
  reps: { idleRssMib: number; peakRssMib: number }[];
}

async function measureMemory(redis: RedisConnection, apiUrl: string, url: string): Promise<MemoryCell | undefined> {
  const nodeOptions = executorNodeOptions(MEMORY.limit);
  const jobs = QUICK ? 2000 : 10_000;
  const reps: { idleRssMib: number; peakRssMib: number }[] = [];
  for (let rep = 1; rep <= REPS; rep += 1) {
    const reading = await measureMemoryOnce(redis, apiUrl, url, nodeOptions, jobs, `rep ${rep}`);
    if (reading) reps.push(reading);
  }
  if (reps.length === 0) return undefined;
  return {
    concurrency: MEMORY.concurrency,
    nodeOptions,
    jobs,
    idleRssMib: median(reps.map((r) => r.idleRssMib)),
    peakRssMib: median(reps.map((r) => r.peakRssMib)),
    idleTargetMib: MEMORY.idleTargetMib,
    peakTargetMib: MEMORY.peakTargetMib,
    reps,
  };
}

/** One fresh agent: VmRSS after MEMORY.idleMs idle, then VmHWM once `jobs` external_api_call jobs have run. */
async function measureMemoryOnce(
  redis: RedisConnection,
  apiUrl: string,
  url: string,
  nodeOptions: string,
  jobs: number,
  rep: string,
): Promise<{ idleRssMib: number; peakRssMib: number } | undefined> {
  const prefix = `bs-bench:${uniqueName('executor-memory')}:`;
  const queue = new JobQueue(redis, { pools: [POOL], prefix });
  let agent: AppProcess | undefined;
  try {
    agent = await phases.run(`start agent memory ${rep} c=${MEMORY.concurrency}`, 60_000, async () => {
      await redis.hset(`${prefix}workflow:{bench}:templates`, 'bench_http@1.0.0', JSON.stringify(TEMPLATES.http(apiUrl)));
      return startExecutor(
        {
          JOB_QUEUE_URL: url,
          REDIS_KEY_PREFIX: prefix,
          POOLS: POOL,
          CONCURRENCY: String(MEMORY.concurrency),
          EGRESS_ALLOW: '127.0.0.1',
          EXECUTOR_ID: 'bench-memory',
          NODE_OPTIONS: nodeOptions,
        },
        20_000,
      );
    });
    if (!agent) return undefined;
    const pid = agent.child.pid as number;
    const running = agent;
    await new Promise((resolve) => setTimeout(resolve, MEMORY.idleMs));
    const idle = residentMib(pid);
    const loaded = await phases.run(`load http memory ${rep} c=${MEMORY.concurrency}`, batchDeadlineMs(jobs), (phase) =>
      runBatch(redis, queue, prefix, 'http', jobs, running, phase),
    );
    return loaded ? { idleRssMib: idle.rss, peakRssMib: residentMib(pid).peak } : undefined;
  } finally {
    await phases.run(`stop agent memory ${rep} c=${MEMORY.concurrency}`, 30_000, async () => {
      await agent?.stop('SIGTERM', 10_000);
      await deleteKeysWithPrefix(redis, prefix);
    });
  }
}

function printMemory(memory: MemoryCell | undefined): void {
  if (!memory) {
    process.stdout.write('\nmemory: not measured (see the phase table)\n');
    return;
  }
  const verdict = (value: number, target: number) => `${value} MiB (target ≤ ${target} MiB: ${value <= target ? 'met' : 'MISSED'})`;
  process.stdout.write(
    `\nmemory at CONCURRENCY=${memory.concurrency}, NODE_OPTIONS="${memory.nodeOptions}"\n` +
      `  idle RSS after ${MEMORY.idleMs / 1000} s (median)  ${verdict(memory.idleRssMib, memory.idleTargetMib)}  per rep: ${memory.reps.map((r) => r.idleRssMib).join(' ')}\n` +
      `  peak RSS (VmHWM) after ${memory.jobs} external_api_call jobs (median)  ${verdict(memory.peakRssMib, memory.peakTargetMib)}  per rep: ${memory.reps.map((r) => r.peakRssMib).join(' ')}\n`,
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main(): Promise<void> {
  // execSync blocks the event loop, so the deadline is its own `timeout` (the child is killed past it).
  const built = await phases.run('build job-executor', 900_000, async () => {
    execSync('npx nx build job-executor', {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false' },
      timeout: phases.deadlineOf('build job-executor', 900_000),
    });
    return true;
  });
  if (!built) return phases.exit();
  const url = envOrTestenv('REDIS_URL') ?? 'redis://127.0.0.1:6379';
  process.env['REDIS_URL'] = url;
  const redis = createRedisConnection(url, { connectionName: 'base-shift:bench:executor' });
  const api = await startApi();
  const cells: Cell[] = [];
  let memory: MemoryCell | undefined;
  try {
    for (const concurrency of ONLY ?? CONCURRENCIES) {
      const prefix = `bs-bench:${uniqueName('executor')}:`;
      const queue = new JobQueue(redis, { pools: [POOL], prefix });
      let agent: AppProcess | undefined;
      try {
        agent = await phases.run(`start agent c=${concurrency}`, 60_000, async () => {
          for (const scenario of Object.keys(TEMPLATES) as Scenario[]) {
            await redis.hset(`${prefix}workflow:{bench}:templates`, `bench_${scenario}@1.0.0`, JSON.stringify(TEMPLATES[scenario](api.url)));
          }
          return startExecutor(
            {
              JOB_QUEUE_URL: url,
              REDIS_KEY_PREFIX: prefix,
              POOLS: POOL,
              CONCURRENCY: String(concurrency),
              EGRESS_ALLOW: '127.0.0.1',
              EXECUTOR_ID: `bench-c${concurrency}`,
              ...(PROFILE_DIR && { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${PROFILE_DIR}` }),
            },
            20_000,
          );
        });
        if (!agent) continue;
        const running = agent;
        const count = jobsFor(concurrency);
        const reps: Record<Scenario, { seconds: number; cpuUs: number }[]> = { noop: [], http: [] };
        const batch = async (name: string, scenario: Scenario, jobs: number) =>
          phases.run(`${name} ${scenario} c=${concurrency}`, batchDeadlineMs(jobs), (phase) => runBatch(redis, queue, prefix, scenario, jobs, running, phase));
        // Warm-up (JIT, connection pools), then interleaved repetitions of both scenarios. A batch given up at its
        // deadline leaves jobs running in this agent that would count toward the next batch: the cell ends there
        // (the next concurrency starts a fresh agent under a fresh prefix).
        let healthy = true;
        for (const scenario of ['noop', 'http'] as Scenario[]) healthy &&= (await batch('warm-up', scenario, Math.min(500, count))) !== undefined;
        const connectionsBefore = api.connections();
        for (let rep = 0; rep < REPS && healthy; rep += 1) {
          for (const scenario of ['noop', 'http'] as Scenario[]) {
            const result = healthy ? await batch(`rep ${rep + 1}`, scenario, count) : undefined;
            if (result) reps[scenario].push(result);
            else healthy = false;
          }
        }
        for (const scenario of ['noop', 'http'] as Scenario[]) {
          // Every repetition of this cell failed: no row rather than a made-up one (the phase table says why).
          if (reps[scenario].length === 0) continue;
          const seconds = median(reps[scenario].map((r) => r.seconds));
          cells.push({
            scenario,
            concurrency,
            jobs: count,
            jobsPerSecond: Math.round(count / seconds),
            msPerJob: Number(((seconds * 1000) / count).toFixed(3)),
            cpuUsPerJob: Math.round(median(reps[scenario].map((r) => r.cpuUs)) / count),
            ...(scenario === 'http' && { httpConnections: api.connections() - connectionsBefore }),
            reps: reps[scenario].map((r) => Math.round(count / r.seconds)),
          });
        }
      } finally {
        await phases.run(`stop agent c=${concurrency}`, 30_000, async () => {
          await agent?.stop('SIGTERM', 10_000);
          await deleteKeysWithPrefix(redis, prefix);
        });
      }
    }
    memory = await measureMemory(redis, api.url, url);
  } finally {
    await phases.run('close connections', 30_000, async () => {
      await redis.quit();
      api.server.closeAllConnections();
      await new Promise((resolve) => api.server.close(resolve));
    });
  }
  printTable(cells);
  printMemory(memory);
  process.stdout.write(`\n${phases.table()}`);
  const report = {
    benchmark: 'job-executor',
    at: new Date().toISOString(),
    node: process.version,
    redis: url.replace(/\/\/[^@]*@/, '//***@'),
    reps: REPS,
    cells,
    memory,
    phases: phases.results,
  };
  const file = writeResultFile('tools/bench/results', `executor-bench-${Date.now()}.json`, report);
  process.stdout.write(`\n${JSON.stringify(report)}\n\nwritten to ${file}\n`);
  phases.exit();
}

function printTable(cells: Cell[]): void {
  const rows = [
    ['scenario', 'concurrency', 'jobs', 'jobs/s (median)', 'ms/job', 'agent CPU µs/job', 'HTTP connections', 'jobs/s per rep'],
    ...cells.map((c) => [
      c.scenario === 'noop' ? 'no-op (transform)' : 'external_api_call',
      String(c.concurrency),
      String(c.jobs),
      String(c.jobsPerSecond),
      c.msPerJob.toFixed(3),
      String(c.cpuUsPerJob),
      c.httpConnections === undefined ? '-' : String(c.httpConnections),
      c.reps.join(' '),
    ]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  for (const [index, row] of rows.entries()) {
    process.stdout.write(`${row.map((cell, i) => cell.padEnd(widths[i])).join('  ')}\n`);
    if (index === 0) process.stdout.write(`${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`executor-bench: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
