// Driver behind tools/start: a whole Base Shift on one machine, with a demo.
//
// Starts the test environment (Redis, FerretDB), builds the apps, starts two fake
// payment APIs and the control plane, whose `local` pod driver runs the executors
// as child processes (configured like a pool in a cluster: the APIs' keys in the
// pool's "Secret" directory, each bound to its API's host by the pool's `secrets`).
// The order workflow's payment_processing template names the first API's URL
// (http://127.0.0.1:<port>/payments); the seed's payment_gateway_template runs as
// written, calling https://payment.gateway.com/process: the executors connect there
// to the second API (EGRESS_CONNECT_TO), which serves a certificate for
// payment.gateway.com that they trust (NODE_EXTRA_CA_CERTS). Then registers the
// seed's templates, runs the seed's three-job order workflow and the seed's payment
// template, printing every transition, and keeps serving until Ctrl-C, which stops
// everything it started.
//
// Environment: PORT (3000), METRICS_PORT (9464), LOG_LEVEL (info), REDIS_KEY_PREFIX
// (none), MONGO_DATABASE (base_shift), SKIP_BUILD=1 (use dist/ as it is). The apps'
// JSON logs go to files in a temp directory (printed), not over the demo's output.
//
// The API listens on 127.0.0.1 only and requires a bearer token: an admin API key
// is generated, written to a private temp file (AUTH_BOOTSTRAP_KEY_FILE) and printed,
// with the operator console's one-time sign-in link (/ui/sign-in#key=<key>).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { down, readEnv, REPO_ROOT, up } from '../testenv/index.mjs';
// Dependency-free TypeScript, loaded with Node's type stripping: the one key format.
import { generateApiKey } from '../../libs/auth/src/lib/api-keys/api-key-format.ts';
// The same way: a certificate for the stand-in of the seed's https://payment.gateway.com.
import { selfSignedCertificate } from '../../libs/testing/src/lib/self-signed-certificate.ts';
import { DemoClient, paymentGatewayWorkflow, sampleTemplates } from './demo/demo-client.mjs';
import { startFakePaymentApi } from './demo/fake-payment-api.mjs';

const PORT = process.env.PORT ?? '3000';
const METRICS_PORT = process.env.METRICS_PORT ?? '9464';
const LOG_LEVEL = process.env.LOG_LEVEL ?? 'info';
const POOL = 'default';
const GATEWAY_HOST = 'payment.gateway.com';
const BASE = `http://127.0.0.1:${PORT}`;
const children = new Map();
const wasUp = readEnv() !== undefined;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'base-shift-demo-'));
const logDir = path.join(work, 'logs');
let paymentApi;
let gatewayApi;
let stopping = false;

process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

try {
  const vars = await up();
  say(`Redis ${vars.REDIS_URL}, MongoDB (FerretDB) ${vars.MONGO_URL}`);
  if (process.env.SKIP_BUILD !== '1') build();

  // What a cluster would hold in a Secret and a ConfigMap, in a private temp directory.
  const apiKey = `demo_${randomBytes(16).toString('hex')}`;
  const secretsDir = path.join(work, 'secrets');
  fs.mkdirSync(secretsDir, { mode: 0o700 });
  fs.mkdirSync(logDir);
  fs.writeFileSync(path.join(secretsDir, 'PAYMENT_API_KEY'), apiKey, { mode: 0o600 });
  const gatewayKey = `demo_${randomBytes(16).toString('hex')}`;
  fs.writeFileSync(path.join(secretsDir, 'API_KEY'), gatewayKey, { mode: 0o600 });
  // The first admin key of this instance, read by the control plane at start.
  const adminKey = generateApiKey();
  const adminKeyFile = path.join(work, 'admin-api-key'); // not in secretsDir: the executors read that one
  fs.writeFileSync(adminKeyFile, `${adminKey}\n`, { mode: 0o600 });
  const auth = { authorization: `Bearer ${adminKey}` };
  paymentApi = await startFakePaymentApi({
    apiKey,
    onCharge: (c) => say(`fake payment API: charged ${c.amount} ${c.currency} for ${c.orderId} (${c.transactionId})`),
  });
  say(`fake payment API on ${paymentApi.url} (key in ${secretsDir})`);
  const certificate = selfSignedCertificate(GATEWAY_HOST);
  const gatewayCa = path.join(work, 'payment-gateway-ca.pem');
  fs.writeFileSync(gatewayCa, certificate.cert);
  gatewayApi = await startFakePaymentApi({
    apiKey: gatewayKey,
    tls: certificate,
    onCharge: (c) => say(`fake ${GATEWAY_HOST}: charged ${c.amount} ${c.currency} (${c.transactionId})`),
  });
  say(`fake https://${GATEWAY_HOST} on ${gatewayApi.url} (certificate in ${gatewayCa})`);
  const executorEnv = {
    EGRESS_ALLOW: '127.0.0.1',
    EGRESS_CONNECT_TO: `${GATEWAY_HOST}:443:127.0.0.1:${gatewayApi.port}`,
    NODE_EXTRA_CA_CERTS: gatewayCa,
  };
  // Each secret goes only to the hosts bound here: the fake payment API's key to 127.0.0.1, and the
  // seed template's API_KEY to the seed's gateway (whose connections go to the second fake API).
  const secrets = [
    { name: 'PAYMENT_API_KEY', allowedHosts: ['127.0.0.1'] },
    { name: 'API_KEY', allowedHosts: ['payment.gateway.com'] },
  ];
  const poolsFile = path.join(work, 'pools.json');
  fs.writeFileSync(
    poolsFile,
    JSON.stringify(
      {
        pools: [
          {
            name: POOL,
            minPods: 1,
            maxPods: 4,
            jobsPerPod: 5,
            drainSeconds: 5,
            scaleDownDelaySeconds: 30,
            secretName: 'payment-api',
            secrets,
            env: executorEnv,
          },
        ],
      },
      null,
      2,
    ),
  );

  start('control-plane', {
    PORT,
    HOST: '127.0.0.1',
    METRICS_PORT,
    AUTH_BOOTSTRAP_KEY_FILE: adminKeyFile,
    REDIS_URL: vars.REDIS_URL,
    MONGO_URL: withDatabase(vars.MONGO_URL, process.env.MONGO_DATABASE ?? 'base_shift'),
    LOG_LEVEL,
    REDIS_KEY_PREFIX: process.env.REDIS_KEY_PREFIX ?? '',
    POD_DRIVER: 'local',
    POOLS_CONFIG: poolsFile,
    LOCAL_SECRETS_DIR: secretsDir,
    LOCAL_EXECUTOR_LOG_DIR: logDir,
    // The executors' "executor started" line (info) tells their metrics port.
    EXECUTOR_LOG_LEVEL: ['trace', 'debug'].includes(LOG_LEVEL) ? LOG_LEVEL : 'info',
  });
  await waitFor(`${BASE}/readyz`, 'the control plane', 60_000);

  const pools = await fetch(`${BASE}/pools`, { headers: auth }).then((response) => (response.ok ? response.json() : undefined));
  if (pools?.driver !== 'local')
    throw new Error(`the control plane did not start its local pod driver (GET /pools: ${JSON.stringify(pools)}; logs: ${logDir})`);
  say('the control plane runs the executors (local pod driver); waiting for one to be ready…');
  await waitForReadyExecutor(auth);

  say('registering the templates…');
  const client = new DemoClient(BASE, (line) => say(line), adminKey);
  await client.registerTemplates(sampleTemplates({ paymentApiUrl: paymentApi.url }));
  say("running the seed's order workflow (order_validation -> payment_processing -> inventory_update):");
  await client.runWorkflow();
  say(`running the seed's payment_gateway_template as written (validation rules, then POST https://${GATEWAY_HOST}/process):`);
  await client.runWorkflow(paymentGatewayWorkflow());

  say('Base Shift is running:');
  // The key goes in the fragment, which the browser never sends: the console reads it, keeps it in the
  // tab's sessionStorage and removes it from the address bar.
  say(`  console             ${BASE}/ui/sign-in#key=${adminKey}`);
  say(`  REST API            ${BASE}/workflows`);
  say(`  GraphQL             ${BASE}/graphql`);
  say(`  API docs (OpenAPI)  ${BASE}/docs`);
  say(`  metrics             http://127.0.0.1:${METRICS_PORT}/metrics`);
  for (const url of executorMetricsUrls()) say(`  executor metrics    ${url}`);
  say(`  pools and pods      ${BASE}/pools`);
  say(`  health              ${BASE}/healthz, ${BASE}/readyz`);
  say(`  logs                ${logDir}`);
  say(`  admin API key       ${adminKey}`);
  say(`                      (in ${adminKeyFile}; send Authorization: Bearer <key>)`);
  say(`  try                 curl -H 'Authorization: Bearer ${adminKey}' ${BASE}/workflows`);
  say(`Run it again against this instance: BASE_SHIFT_API_KEY=${adminKey} npx node tools/demo-remote.mjs ${BASE}`);
  say('Press Ctrl-C to stop everything this started.');
} catch (error) {
  process.stderr.write(`start: ${error.message}\n`);
  await stop(1);
}

function build() {
  say('building the apps…');
  const result = spawnSync('nx', ['run-many', '-t', 'build', '-p', 'console', 'control-plane', 'job-executor', '--outputStyle=static'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    cwd: REPO_ROOT,
  });
  if (result.status !== 0) throw new Error('the build failed (see above)');
}

/** Runs a built app; its JSON log lines go to <logDir>/<app>.log, not over the demo's output. */
function start(app, env) {
  const log = fs.openSync(path.join(logDir, `${app}.log`), 'a');
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'dist/apps', app, 'main.js')], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  child.on('exit', (code, signal) => {
    children.delete(app);
    if (stopping) return;
    process.stderr.write(`start: ${app} exited (${code ?? signal}); its last lines:\n${tail(path.join(logDir, `${app}.log`))}\nstopping the rest\n`);
    void stop(1);
  });
  children.set(app, child);
}

async function waitFor(url, what, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (stopping) throw new Error('stopped');
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${what} did not become healthy at ${url} within ${timeoutMs / 1000} s (logs: ${logDir})`);
}

async function waitForReadyExecutor(auth) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const pools = await fetch(`${BASE}/pools`, { headers: auth }).then((response) => response.json());
    const pool = pools.pools.find((candidate) => candidate.name === POOL);
    if ((pool?.pods?.ready ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no executor of pool ${POOL} became ready within 60 s (see ${BASE}/pools and ${logDir})`);
}

/** The executors' /metrics, from their "executor started" log lines (the local driver picks free ports). */
function executorMetricsUrls() {
  const urls = [];
  for (const file of fs.readdirSync(logDir)) {
    if (file === 'control-plane.log') continue;
    for (const line of fs.readFileSync(path.join(logDir, file), 'utf8').split('\n')) {
      if (!line.includes('"executor started"')) continue;
      try {
        const { metricsPort } = JSON.parse(line);
        if (metricsPort) urls.push(`http://127.0.0.1:${metricsPort}/metrics`);
      } catch {
        // not a JSON line
      }
    }
  }
  return urls;
}

function withDatabase(mongoUrl, database) {
  const url = new URL(mongoUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

function tail(file, lines = 20) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

async function stop(code) {
  if (stopping) return;
  stopping = true;
  say('stopping…');
  // The control plane stops the executors its local pod driver started before it exits.
  await Promise.all(
    [...children.values()].map(
      (child) =>
        new Promise((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', resolve);
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 20_000).unref();
        }),
    ),
  );
  await paymentApi?.stop();
  await gatewayApi?.stop();
  fs.rmSync(path.join(work, 'secrets'), { recursive: true, force: true });
  fs.rmSync(path.join(work, 'admin-api-key'), { force: true });
  if (!wasUp) await down();
  say(`stopped (logs kept in ${logDir})`);
  process.exit(code);
}

function say(line) {
  process.stdout.write(`[base-shift] ${line}\n`);
}
