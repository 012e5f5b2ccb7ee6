/**
 * Overload benchmark (back-pressure on POST /workflows), against the BUILT apps.
 *
 * Open-loop load: creates are sent on a fixed schedule whatever the answers,
 * at offered rates stepping up past the knee (default 20, 40, 80, 160, 320
 * creates/s, 20 s each, back to back), 3-job sequential no-op workflows,
 * 1 control plane + 2 job-executor processes (CONCURRENCY 50). The same steps
 * run twice, each on a fresh control plane, drained in between:
 *   a) default bounds: WORKFLOW_MAX_CREATES_IN_FLIGHT / WORKFLOW_MAX_QUEUED_PER_POOL /
 *      WORKFLOW_MAX_UNAPPLIED_RESULTS left at the app's defaults (or `--max-in-flight` /
 *      `--max-queued` / `--max-unapplied`);
 *   b) bounds off: all three set so high they never refuse.
 * A closed-loop client would slow down with the server and hide the overload;
 * open loop is how real clients behave. The client still caps its outstanding
 * requests (`--client-cap`, generous) so the bench itself cannot explode; a
 * create due while the cap is reached is not sent and counted as "unsent".
 *
 * Per step (table column → JSON field):
 *   offered/s   the schedule's rate; unsent: creates not sent (client cap reached)
 *   201/s 429/s 503/s 5xx/s err/s   answers per second by kind (5xx = other than
 *               503; err = no answer, e.g. connection reset), each counted in the
 *               step that sent the request even when it arrived later
 *   goodput/s   workflows COMPLETED per second during the step (the COMPLETED
 *               state index in Redis: measuring adds no load to the control plane)
 *   201 / refused p50/p99 ms   latency of accepted creates and of refusals, from
 *               the scheduled send time (an open-loop client waits from when it
 *               meant to send; clientSendLagMs in the JSON says how much of that
 *               is the bench's own lateness)
 *   RSS MB      the control plane's VmRSS (/proc/<pid>/status) at the step's end
 *   queued      jobs queued in the pool at the step's end (what
 *               WORKFLOW_MAX_QUEUED_PER_POOL bounds)
 *   unapplied   job results written by the executors that the control plane has
 *               not applied yet (lag + pending of the result stream's groups): the
 *               backlog when the control plane itself is the bottleneck
 *   unfinished  workflows accepted (201 received) since the configuration started
 *               and not yet COMPLETED, FAILED or CANCELLED
 *
 * How to read it: below the knee both configurations accept everything,
 * goodput equals the offered rate and the backlogs stay near 0. Past the knee
 * the bounded configuration should refuse the surplus quickly (429 with
 * Retry-After; refusalsWithoutRetryAfter in the JSON must be 0, 5xx/s and err/s 0)
 * and keep goodput near the knee's rate with flat latency, RSS and backlog;
 * without bounds every create is taken in, so latency, RSS and unfinished grow
 * step after step and goodput falls. Compare the two configurations row by row.
 * Absolute numbers depend on the machine (and its other tenants); the shape is
 * the result.
 *
 * Redis: REDIS_URL, else .testenv/env, else 127.0.0.1:6379; MongoDB: MONGO_URL
 * or .testenv/env (FerretDB). Everything lives under a private key prefix and
 * database, deleted afterwards. Writes tools/bench/results/overload-bench-<time>.json.
 *
 * Every step (process starts, warm-up, each rate, the drains) is a phase with
 * a deadline (tools/lib/deadline.ts; a step: its seconds + 60 s, a drain:
 * 300 s; `--deadline <s>` or `--deadline <phase>=<s>`): one past it is reported
 * as failed (its row says so), and the run moves on; a configuration whose
 * control plane did not start is skipped. The exit code is 1 when any phase failed.
 *
 * Run: npm run bench:overload -- [--rates 20,40,80,160,320] [--seconds 20]
 *        [--client-cap 2000] [--max-in-flight N] [--max-queued N] [--max-unapplied N] [--quick] [--deadline …]
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { JobQueue } from '@base-shift/queue';
import type { RedisConnection } from '@base-shift/redis';
import type { AppProcess } from '@base-shift/testing';
import { createAdminKey } from '../lib/admin-key';
import { openBenchStore } from '../lib/bench-store';
import { appsBuilt, buildApps, startControlPlane, startExecutor } from '../lib/built-apps';
import { PhaseRunner, type Phase } from '../lib/deadline';
import { createJobTemplate, noopTemplate } from '../lib/job-templates';
import { percentile, round } from '../lib/percentiles';

import { writeResultFile } from '../lib/result-file';

const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const flag = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const option = (name: string, fallback: number) => Number(flag(name) ?? fallback);
const RATES = (flag('--rates') ?? (QUICK ? '20,80,320' : '20,40,80,160,320')).split(',').map(Number);
const SECONDS = option('--seconds', QUICK ? 5 : 20);
const CLIENT_CAP = option('--client-cap', 2000);
const DRAIN_DEADLINE_MS = 300_000;
const phases = new PhaseRunner(args);
const POOL = 'bench';
const FLOW_JOBS = 3;
const TERMINAL = ['COMPLETED', 'FAILED', 'CANCELLED'];

const CONFIGURATIONS = [
  {
    name: 'default bounds',
    env: {
      ...(flag('--max-in-flight') && { WORKFLOW_MAX_CREATES_IN_FLIGHT: flag('--max-in-flight') as string }),
      ...(flag('--max-queued') && { WORKFLOW_MAX_QUEUED_PER_POOL: flag('--max-queued') as string }),
      ...(flag('--max-unapplied') && { WORKFLOW_MAX_UNAPPLIED_RESULTS: flag('--max-unapplied') as string }),
    },
  },
  {
    name: 'bounds off',
    env: { WORKFLOW_MAX_CREATES_IN_FLIGHT: '100000', WORKFLOW_MAX_QUEUED_PER_POOL: '1000000000', WORKFLOW_MAX_UNAPPLIED_RESULTS: '1000000000' },
  },
];

// The control plane's bootstrap admin key (AUTH_BOOTSTRAP_KEY_FILE), in a private temp file removed at the end.
const ADMIN_KEY = createAdminKey();
const HEADERS = { authorization: `Bearer ${ADMIN_KEY.key}`, 'content-type': 'application/json' };
const CREATE_BODY = JSON.stringify({ jobs: Array.from({ length: FLOW_JOBS }, (_, k) => ({ id: `j${k}`, templateId: 'bench_noop' })) });

/** The control plane's resident memory in MB (VmRSS of /proc/<pid>/status). */
function rssMb(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return line ? Number(line.split(/\s+/)[1]) / 1024 : null;
}

/** Workflows that reached a terminal state so far, and COMPLETED alone (state indexes: Redis only). */
async function finished(redis: RedisConnection, prefix: string): Promise<{ completed: number; terminal: number }> {
  const counts = await Promise.all(TERMINAL.map((state) => redis.zcard(`${prefix}workflow-index:${state}`)));
  return { completed: counts[0], terminal: counts.reduce((a, b) => a + b, 0) };
}

/**
 * Job results the executors wrote that the control plane has not applied yet
 * (lag + pending of every consumer group on the pool's result stream): the
 * backlog that builds up when the control plane itself is the bottleneck,
 * which the queued-jobs count does not see.
 */
async function unappliedResults(redis: RedisConnection, prefix: string): Promise<number> {
  const groups = (await redis.xinfo('GROUPS', `${prefix}queue:{${POOL}}:results`)) as (string | number | null)[][];
  let total = 0;
  for (const group of groups) {
    const fields = new Map<string, string | number | null>();
    for (let i = 0; i < group.length; i += 2) fields.set(String(group[i]), group[i + 1]);
    total += Number(fields.get('lag') ?? 0) + Number(fields.get('pending') ?? 0);
  }
  return total;
}

type Outcome = 'accepted' | 'refused429' | 'refused503' | 'other5xx' | 'other' | 'networkError';

class StepTally {
  readonly counts: Record<Outcome, number> = { accepted: 0, refused429: 0, refused503: 0, other5xx: 0, other: 0, networkError: 0 };
  readonly acceptedMs: number[] = [];
  readonly refusedMs: number[] = [];
  refusalsWithoutRetryAfter = 0;
  unsent = 0;
  /** How late each request left the client (its own event loop on a busy machine): part of every latency above. */
  readonly sendLagMs: number[] = [];
  sent = 0;

  record(status: number, ms: number, retryAfter: string | null): void {
    if (status === 201) {
      this.counts.accepted++;
      this.acceptedMs.push(ms);
      return;
    }
    if (status === 429 || status === 503) {
      this.counts[status === 429 ? 'refused429' : 'refused503']++;
      this.refusedMs.push(ms);
      if (!retryAfter) this.refusalsWithoutRetryAfter++;
      return;
    }
    this.counts[status >= 500 ? 'other5xx' : 'other']++;
  }
}

/** Requests sent and not answered yet, across steps (a step's answers may arrive during the next). */
const outstanding = new Set<Promise<void>>();

function send(base: string, tally: StepTally, scheduledAt: number): void {
  tally.sent++;
  const request = (async () => {
    try {
      const response = await fetch(`${base}/workflows`, { method: 'POST', headers: HEADERS, body: CREATE_BODY });
      await response.arrayBuffer();
      tally.record(response.status, performance.now() - scheduledAt, response.headers.get('retry-after'));
    } catch {
      tally.counts.networkError++;
    }
  })();
  outstanding.add(request);
  void request.finally(() => outstanding.delete(request));
}

interface StepContext {
  base: string;
  redis: RedisConnection;
  prefix: string;
  queue: JobQueue;
  pid: number | undefined;
  /** 201s received so far in this configuration, and the terminal workflows when it started: unfinished = accepted − finished since. */
  acceptedSoFar: () => number;
  terminalAtStart: number;
}

/** One open-loop step: `rate` creates/s for SECONDS, on schedule; then the step's measurements. */
async function step(context: StepContext, rate: number, tally: StepTally, phase: Phase) {
  const before = await finished(context.redis, context.prefix);
  const total = Math.round(rate * SECONDS);
  const start = performance.now();
  let due = 0;
  while (due < total) {
    phase.signal.throwIfAborted();
    const now = performance.now();
    const dueNow = Math.min(total, Math.floor(((now - start) * rate) / 1000) + 1);
    for (; due < dueNow; due++) {
      if (outstanding.size >= CLIENT_CAP) tally.unsent++;
      else {
        const scheduledAt = start + (due * 1000) / rate;
        tally.sendLagMs.push(now - scheduledAt);
        send(context.base, tally, scheduledAt);
      }
    }
    await sleep(Math.max(1, start + (due * 1000) / rate - performance.now()));
  }
  await sleep(Math.max(0, start + SECONDS * 1000 - performance.now()));
  const elapsed = (performance.now() - start) / 1000;
  const after = await finished(context.redis, context.prefix);
  return {
    goodputPerSecond: (after.completed - before.completed) / elapsed,
    rssMb: rssMb(context.pid),
    queuedJobs: (await context.queue.stats(POOL)).queued,
    unappliedResults: await unappliedResults(context.redis, context.prefix),
    unfinishedWorkflows: context.acceptedSoFar() - (after.terminal - context.terminalAtStart),
    outstandingRequests: outstanding.size,
  };
}

function summarize(rate: number, tally: StepTally, measured: Awaited<ReturnType<typeof step>>) {
  const perSecond = (n: number) => round(n / SECONDS, 1);
  return {
    offeredPerSecond: rate,
    sent: tally.sent,
    unsent: tally.unsent,
    acceptedPerSecond: perSecond(tally.counts.accepted),
    refused429PerSecond: perSecond(tally.counts.refused429),
    refused503PerSecond: perSecond(tally.counts.refused503),
    other5xxPerSecond: perSecond(tally.counts.other5xx),
    otherStatusPerSecond: perSecond(tally.counts.other),
    networkErrorsPerSecond: perSecond(tally.counts.networkError),
    refusalsWithoutRetryAfter: tally.refusalsWithoutRetryAfter,
    clientSendLagMs: { p50: round(percentile(tally.sendLagMs, 50), 1), p99: round(percentile(tally.sendLagMs, 99), 1) },
    goodputPerSecond: round(measured.goodputPerSecond, 1),
    acceptedLatencyMs: { p50: round(percentile(tally.acceptedMs, 50), 1), p99: round(percentile(tally.acceptedMs, 99), 1) },
    refusalLatencyMs: { p50: round(percentile(tally.refusedMs, 50), 1), p99: round(percentile(tally.refusedMs, 99), 1) },
    controlPlaneRssMb: round(measured.rssMb, 0),
    queuedJobsAtEnd: measured.queuedJobs,
    unappliedResultsAtEnd: measured.unappliedResults,
    unfinishedWorkflowsAtEnd: measured.unfinishedWorkflows,
    outstandingRequestsAtEnd: measured.outstandingRequests,
  };
}

/** Waits until every request is answered and every accepted workflow has finished; returns the seconds it took. */
async function drain(redis: RedisConnection, prefix: string, accepted: () => number, terminalAtStart: number, phase: Phase): Promise<number> {
  const started = performance.now();
  for (;;) {
    phase.signal.throwIfAborted();
    const { terminal } = await finished(redis, prefix);
    if (outstanding.size === 0 && terminal - terminalAtStart >= accepted()) return (performance.now() - started) / 1000;
    await sleep(100);
  }
}

/** One configuration on a fresh control plane; undefined when its control plane did not start (the phase table says why). */
async function runConfiguration(
  configuration: (typeof CONFIGURATIONS)[number],
  shared: { redisUrl: string; mongoUrl: string; prefix: string; redis: RedisConnection; queue: JobQueue },
  /** No configuration has published the template yet (the first one, or every earlier one failed to start). */
  first: boolean,
) {
  const name = configuration.name;
  const started = await phases.run(`start control plane (${name})`, 60_000, async () => {
    const cp = await startControlPlane({
      REDIS_URL: shared.redisUrl,
      MONGO_URL: shared.mongoUrl,
      REDIS_KEY_PREFIX: shared.prefix,
      POOLS: POOL,
      AUTH_BOOTSTRAP_KEY_FILE: ADMIN_KEY.file,
      ...configuration.env,
    });
    if (first) {
      try {
        await createJobTemplate(cp.base, ADMIN_KEY.key, noopTemplate('bench_noop', POOL));
      } catch (error) {
        await cp.app.stop('SIGTERM', 10_000);
        throw error;
      }
    }
    return cp;
  });
  if (!started) return undefined;
  const { app, base } = started;
  try {
    const tallies: StepTally[] = [];
    const accepted = () => tallies.reduce((sum, t) => sum + t.counts.accepted, 0);
    const { terminal: terminalAtStart } = await finished(shared.redis, shared.prefix);
    // Warm-up (JIT, script caches, connections): a short step below any knee, not reported.
    const warmUp = new StepTally();
    tallies.push(warmUp);
    await phases.run(`warm-up (${name})`, DRAIN_DEADLINE_MS, async (phase) => {
      for (let i = 0; i < 50; i++) {
        phase.signal.throwIfAborted();
        send(base, warmUp, performance.now());
        await sleep(20);
      }
      await drain(shared.redis, shared.prefix, accepted, terminalAtStart, phase);
    });
    const context: StepContext = { ...shared, base, pid: app.child.pid, acceptedSoFar: accepted, terminalAtStart };
    const measured: (Awaited<ReturnType<typeof step>> | undefined)[] = [];
    for (const rate of RATES) {
      const tally = new StepTally();
      tallies.push(tally);
      measured.push(await phases.run(`step ${rate}/s (${name})`, SECONDS * 1000 + 60_000, (phase) => step(context, rate, tally, phase)));
    }
    const drainSeconds = await phases.run(`drain (${name})`, DRAIN_DEADLINE_MS, (phase) =>
      drain(shared.redis, shared.prefix, accepted, terminalAtStart, phase),
    );
    // Summarized only now: answers that arrive after their step ended still count for it. A failed step has no row of figures.
    const steps = RATES.map((rate, i) => (measured[i] ? summarize(rate, tallies[i + 1], measured[i]) : { offeredPerSecond: rate, failed: true as const }));
    return { name, bounds: boundsOf(configuration.env), steps, drainSeconds: drainSeconds === undefined ? null : round(drainSeconds, 1) };
  } finally {
    await phases.run(`stop control plane (${name})`, 30_000, () => app.stop('SIGTERM', 15_000));
  }
}

function boundsOf(env: Record<string, string>) {
  return {
    maxCreatesInFlight: env['WORKFLOW_MAX_CREATES_IN_FLIGHT'] ?? 'default',
    maxQueuedPerPool: env['WORKFLOW_MAX_QUEUED_PER_POOL'] ?? 'default',
    maxUnappliedResults: env['WORKFLOW_MAX_UNAPPLIED_RESULTS'] ?? 'default',
  };
}

type ConfigurationResult = NonNullable<Awaited<ReturnType<typeof runConfiguration>>>;

function table(configurations: ConfigurationResult[]): string {
  const columns = [
    'offered/s',
    'unsent',
    '201/s',
    '429/s',
    '503/s',
    '5xx/s',
    'err/s',
    'goodput/s',
    '201 p50/p99 ms',
    'refused p50/p99 ms',
    'RSS MB',
    'queued',
    'unapplied',
    'unfinished',
  ];
  const pair = (p: { p50: number | null; p99: number | null }) => (p.p50 === null ? '-' : `${p.p50}/${p.p99}`);
  const lines = ['', `Overload benchmark (${FLOW_JOBS}-job sequential no-op workflows, 1 control plane + 2 executors, ${SECONDS} s per step, open loop)`];
  for (const configuration of configurations) {
    const b = configuration.bounds;
    lines.push(
      `  ${configuration.name} (creates in flight ${b.maxCreatesInFlight}, queued per pool ${b.maxQueuedPerPool}, unapplied results ${b.maxUnappliedResults}); drained in ${configuration.drainSeconds ?? '- (drain failed)'} s`,
    );
    lines.push(`    ${columns.map((c) => c.padStart(c.length > 9 ? c.length + 1 : 10)).join('')}`);
    for (const s of configuration.steps) {
      if ('failed' in s) {
        lines.push(`    ${String(s.offeredPerSecond).padStart(10)}  step FAILED (see the phases below)`);
        continue;
      }
      const cells = [
        s.offeredPerSecond,
        s.unsent,
        s.acceptedPerSecond,
        s.refused429PerSecond,
        s.refused503PerSecond,
        s.other5xxPerSecond,
        s.networkErrorsPerSecond,
        s.goodputPerSecond,
        pair(s.acceptedLatencyMs),
        pair(s.refusalLatencyMs),
        s.controlPlaneRssMb,
        s.queuedJobsAtEnd,
        s.unappliedResultsAtEnd,
        s.unfinishedWorkflowsAtEnd,
      ];
      lines.push(`    ${cells.map((cell, i) => String(cell).padStart(columns[i].length > 9 ? columns[i].length + 1 : 10)).join('')}`);
    }
  }
  lines.push('', phases.table());
  return lines.join('\n');
}

async function main(): Promise<void> {
  if (RATES.some((r) => !(r > 0)) || !(SECONDS > 0) || !(CLIENT_CAP > 0)) throw new Error('--rates, --seconds and --client-cap must be positive');
  const store = openBenchStore('overload');
  const { redisUrl, prefix, redis } = store;
  const queue = new JobQueue(redis, { pools: [POOL], prefix });
  const executors: AppProcess[] = [];

  try {
    const built = await phases.run('build apps', 900_000, async () => {
      if (!appsBuilt()) buildApps(phases.deadlineOf('build apps', 900_000));
      return true;
    });
    // The executors outlive the control planes: only the control plane's bounds differ between configurations.
    for (let i = 0; i < 2 && built; i++) {
      const executor = await phases.run(`start executor ${i}`, 60_000, () =>
        startExecutor({ JOB_QUEUE_URL: redisUrl, REDIS_KEY_PREFIX: prefix, POOLS: POOL, CONCURRENCY: '50', EXECUTOR_ID: `bench-executor-${i}` }),
      );
      if (executor) executors.push(executor);
    }
    const shared = { redisUrl, mongoUrl: store.mongoUrl, prefix, redis, queue };
    const configurations: ConfigurationResult[] = [];
    // Without both executors the figures would describe another setup: skip to the report (the phase table says why).
    for (const configuration of CONFIGURATIONS) {
      if (executors.length < 2) break;
      const result = await runConfiguration(configuration, shared, configurations.length === 0);
      if (result) configurations.push(result);
    }

    const report = {
      at: new Date().toISOString(),
      machine: { cpus: cpus().length, node: process.version },
      setup: `1 control plane, 2 job-executor processes (CONCURRENCY 50), ${FLOW_JOBS}-job sequential no-op workflows, open loop, client cap ${CLIENT_CAP} outstanding`,
      rates: RATES,
      secondsPerStep: SECONDS,
      configurations,
      phases: phases.results,
    };
    process.stdout.write(table(configurations));
    const file = writeResultFile('tools/bench/results', `overload-bench-${Date.now()}.json`, report);
    process.stdout.write(`  written to ${file}\n`);
  } finally {
    ADMIN_KEY.remove();
    await phases.run('stop executors, remove data', 60_000, async () => {
      for (const app of executors.reverse()) await app.stop('SIGTERM', 15_000);
      await store.remove();
    });
  }
  phases.exit();
}

main().catch((error: unknown) => {
  process.stderr.write(`overload-bench: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
