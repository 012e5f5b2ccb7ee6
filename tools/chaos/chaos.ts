/**
 * Chaos run against the BUILT apps (see README.md here): two control planes,
 * two executors, a redis-server of its own with AOF, a counting external API;
 * open-loop load while executors, a control plane and Redis are killed -9,
 * then Redis restarted empty and a batch that must complete after it.
 *
 * Run: npm run chaos -- [--workflows 400] [--after 100] [--at-loss 20] [--rate 10]
 *      [--call-ms 200] [--lease-seconds 30] [--drain-seconds 180] [--build]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createAdminKey } from '../lib/admin-key';
import { appsBuilt, buildApps } from '../lib/built-apps';
import { createJobTemplate } from '../lib/job-templates';
import { dropMongoDatabase, privateMongoUrl } from '../lib/private-mongo';
import { writeResultFile } from '../lib/result-file';
import { testenvFileValue } from '../lib/testenv-file';
import { ChaosStack, POOL, type ManagedApp } from './chaos-stack';
import { faultRecovery, formatReport, summarizeGroup, type Fault, type GroupSummary } from './chaos-report';
import { startCountingApi, type CountingApi } from './counting-api';
import { LoadGenerator, TEMPLATE_ID, type Group } from './load-generator';
import { WorkflowTracker } from './workflow-tracker';

const ROOT = path.resolve(__dirname, '../..');
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const WORKFLOWS = option('--workflows', 400);
const AFTER = option('--after', 100);
const AT_LOSS = option('--at-loss', 20);
const RATE = option('--rate', 10);
const CALL_MS = option('--call-ms', 200);
const LEASE_SECONDS = option('--lease-seconds', 30);
const DRAIN_MS = option('--drain-seconds', 180) * 1000;
const EXECUTOR_DOWN_MS = 2_000;
const CONTROL_PLANE_DOWN_MS = 10_000;

const say = (line: string) => process.stdout.write(`[chaos ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

/** Cleanup steps, run once in reverse order on success, failure or Ctrl-C. */
const cleanups: Array<() => Promise<unknown> | void> = [];
let cleaning: Promise<void> | undefined;
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    for (const step of cleanups.reverse()) await Promise.resolve(step()).catch((error: Error) => say(`cleanup: ${error.message}`));
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    say(`${signal}: stopping everything this run started…`);
    void cleanUp().then(() => process.exit(130));
  });
}

/** MONGO_URL, else FerretDB of the test environment (started here, and stopped at the end, if it was not up). */
function mongoBaseUrl(): string {
  if (process.env['MONGO_URL']) return process.env['MONGO_URL'];
  if (!testenvFileValue('MONGO_URL')) {
    say('starting the test environment (node tools/testenv/index.mjs up)…');
    if (spawnSync(process.execPath, ['tools/testenv/index.mjs', 'up'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] }).status !== 0) {
      throw new Error('`node tools/testenv/index.mjs up` failed');
    }
    cleanups.push(() => void spawnSync(process.execPath, ['tools/testenv/index.mjs', 'down'], { cwd: ROOT, stdio: 'inherit' }));
  }
  const url = testenvFileValue('MONGO_URL');
  if (!url) throw new Error('no MONGO_URL in .testenv/env');
  return url;
}

function buildIfNeeded(): void {
  if (appsBuilt() && !args.includes('--build')) return;
  say('building the apps (nx run-many -t build -p control-plane job-executor)…');
  buildApps();
}

async function publishTemplate(baseUrl: string, adminKey: string, api: CountingApi): Promise<void> {
  const template = {
    id: TEMPLATE_ID,
    resourceClass: POOL,
    maxAttempts: 5,
    timeoutSeconds: 60,
    steps: [
      {
        name: 'call',
        type: 'external_api_call',
        config: { api_endpoint: api.endpoint, method: 'POST', body: { workflow: { $from: 'input.workflow' }, job: { $from: 'input.job' } }, timeoutMs: 5000 },
      },
    ],
    inputSchema: { type: 'object', properties: { workflow: { type: 'string' }, job: { type: 'string' } }, required: ['workflow', 'job'] },
    outputSchema: { type: 'object' },
  };
  await createJobTemplate(baseUrl, adminKey, template);
}

/** Kills `app` with SIGKILL and records the fault; it starts again after `downMs`, in the background (added to `pending`). */
async function killAndRestart(name: string, app: ManagedApp, downMs: number, faults: Fault[], pending: Array<Promise<void>>): Promise<void> {
  const fault: Fault = { name, at: Date.now() };
  faults.push(fault);
  say(`fault: ${name}`);
  await app.kill9();
  pending.push(
    sleep(downMs)
      .then(() => app.start())
      .then(() => {
        fault.backAt = Date.now();
        say(`${app.name} is back`);
      }),
  );
}

async function main(): Promise<number> {
  buildIfNeeded();
  const mongoUrl = privateMongoUrl(mongoBaseUrl(), 'bs_chaos');
  cleanups.push(() => dropMongoDatabase(mongoUrl));

  // The admin key next to the logs, which stay after the run (the key does not).
  const work = mkdtempSync(path.join(tmpdir(), 'bs-chaos-'));
  const { key: adminKey, file: adminKeyFile, remove: removeAdminKey } = createAdminKey(work);
  cleanups.push(removeAdminKey);
  const logDir = path.join(work, 'logs');

  const api = await startCountingApi(CALL_MS);
  cleanups.push(() => api.stop());
  say(`counting API on ${api.endpoint}; app logs go to ${logDir}`);
  const stack = await ChaosStack.start({ mongoUrl, adminKeyFile, logDir, leaseSeconds: LEASE_SECONDS });
  cleanups.push(() => stack.stop());
  await publishTemplate(stack.baseUrls[0], adminKey, api);
  await stack.startExecutors();
  say(`redis-server (AOF, everysec) on ${stack.redis.url}; 2 control planes ${stack.baseUrls.join(' ')}; 2 executors`);

  const load = new LoadGenerator(stack.baseUrls, adminKey);
  cleanups.push(() => load.stop());
  const tracker = new WorkflowTracker(stack.redis.url, load.workflows);
  cleanups.push(() => tracker.stop());
  const faults: Fault[] = [];
  const restarts: Array<Promise<void>> = [];
  const [cp1] = stack.controlPlanes;
  const [executorA, executorB] = stack.executors;

  // Phase 1: the load, and the faults spread over it.
  const loadMs = (WORKFLOWS / RATE) * 1000;
  say(`phase 1: ${WORKFLOWS} workflows × 3 jobs at ${RATE}/s (~${Math.round(loadMs / 1000)} s) with faults`);
  const phase1 = load.run('aof', WORKFLOWS, RATE);
  const faultsDone = (async () => {
    await sleep(loadMs * 0.1);
    await killAndRestart('kill -9 executor A', executorA, EXECUTOR_DOWN_MS, faults, restarts);
    await sleep(loadMs * 0.2);
    await killAndRestart('kill -9 executor B', executorB, EXECUTOR_DOWN_MS, faults, restarts);
    await sleep(loadMs * 0.2);
    await killAndRestart('kill -9 control plane 1', cp1, CONTROL_PLANE_DOWN_MS, faults, restarts);
    await sleep(loadMs * 0.25);
    const fault: Fault = { name: 'AOF Redis restart (kill -9)', at: Date.now() };
    faults.push(fault);
    say(`fault: ${fault.name}`);
    await stack.redis.restart('SIGKILL');
    fault.backAt = Date.now();
    say('redis-server is back (same data dir)');
  })();
  await Promise.all([phase1, faultsDone]);
  await Promise.all(restarts);
  say(`phase 1 created; waiting up to ${DRAIN_MS / 1000} s for its workflows to finish…`);
  await tracker.waitSettled((w) => w.group === 'aof', DRAIN_MS);

  // Phase 2: a small batch, and Redis restarted empty while its last workflows run.
  say(`phase 2: ${AT_LOSS} workflows, then Redis restarted EMPTY while the last are in flight`);
  await load.run('atLoss', AT_LOSS, RATE);
  const loss: Fault = { name: 'EMPTY Redis restart (kill -9)', at: Date.now() };
  faults.push(loss);
  tracker.lossAt = loss.at;
  say(`fault: ${loss.name}`);
  await stack.redis.restartEmpty();
  loss.backAt = Date.now();

  // Phase 3: what is created after the loss must complete.
  say(`phase 3: ${AFTER} workflows after the empty restart`);
  await load.run('after', AFTER, RATE);
  say(`waiting up to ${DRAIN_MS / 1000} s for them to finish…`);
  await tracker.waitSettled((w) => w.group !== 'aof', DRAIN_MS);
  await tracker.stop();

  const groups = Object.fromEntries(
    (['aof', 'atLoss', 'after'] as Group[]).map((group) => [
      group,
      summarizeGroup(
        load.workflows.filter((w) => w.group === group),
        api,
      ),
    ]),
  ) as Record<Group, GroupSummary>;
  const recoveries = faults.map((fault) => faultRecovery(fault, load.workflows, load.tally, tracker.completions));
  process.stdout.write(formatReport(groups, load.tally, recoveries));

  const aofLost = groups.aof.stuck + groups.aof.lostWithRedisData + groups.aof.createFailed;
  const afterStuck = groups.after.stuck + groups.after.createFailed;
  const verdict = aofLost === 0 && afterStuck === 0;
  const report = {
    at: new Date().toISOString(),
    settings: { workflows: WORKFLOWS, atLoss: AT_LOSS, after: AFTER, ratePerSecond: RATE, callMs: CALL_MS, leaseSeconds: LEASE_SECONDS, drainMs: DRAIN_MS },
    groups,
    http: { fiveXx: load.tally.fiveXx, otherStatuses: load.tally.statuses, networkErrors: load.tally.networkErrors },
    externalCallsTotal: api.total(),
    recoveries,
    passed: verdict,
  };
  const file = writeResultFile('tools/chaos/results', `chaos-${new Date().toISOString().replace(/[:.]/g, '-')}.json`, report);
  say(`written to ${file}`);
  say(
    verdict
      ? 'PASS: no workflow of phase 1 lost, every workflow created after the empty restart finished'
      : `FAIL: ${aofLost} workflow(s) of phase 1 lost or stuck, ${afterStuck} created after the empty restart stuck or never created`,
  );
  return verdict ? 0 : 1;
}

main()
  .then(async (code) => {
    await cleanUp();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    process.stderr.write(`chaos: ${(error as Error).stack ?? String(error)}\n`);
    await cleanUp();
    process.exit(1);
  });
