// Driver behind tools/start: a whole Base Shift on one machine.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { down, readEnv, REPO_ROOT, up } from '../testenv/index.mjs';

const PORT = process.env.PORT ?? '3000';
const METRICS_PORT = process.env.METRICS_PORT ?? '9464';
const LOG_LEVEL = process.env.LOG_LEVEL ?? 'info';
const children = [];
const wasUp = readEnv() !== undefined;
let stopping = false;

process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

try {
  const vars = await up();
  say(`Redis ${vars.REDIS_URL}, MongoDB (FerretDB) ${vars.MONGO_URL}`);
  say('building the apps…');
  const build = spawnSync('nx', ['run-many', '-t', 'build', '-p', 'control-plane', 'job-executor', '--outputStyle=static'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    cwd: REPO_ROOT,
  });
  if (build.status !== 0) throw new Error('the build failed (see above)');

  const common = { REDIS_URL: vars.REDIS_URL, MONGO_URL: vars.MONGO_URL, LOG_LEVEL };
  start('control-plane', { ...common, PORT });
  start('job-executor', { JOB_QUEUE_URL: vars.REDIS_URL, LOG_LEVEL, METRICS_PORT, EXECUTOR_ID: 'local-executor-1' });
  await waitFor(`http://127.0.0.1:${PORT}/readyz`, 'control plane');
  await waitFor(`http://127.0.0.1:${METRICS_PORT}/healthz`, 'job executor');

  say('Base Shift is running:');
  say(`  REST API        http://127.0.0.1:${PORT}/`);
  say(`  liveness        http://127.0.0.1:${PORT}/healthz`);
  say(`  readiness       http://127.0.0.1:${PORT}/readyz`);
  say(`  executor health http://127.0.0.1:${METRICS_PORT}/healthz`);
  say('Press Ctrl-C to stop everything this started.');
} catch (error) {
  process.stderr.write(`start: ${error.message}\n`);
  await stop(1);
}

function start(app, env) {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'dist/apps', app, 'main.js')], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.on('exit', (code, signal) => {
    if (stopping) return;
    process.stderr.write(`start: ${app} exited (${code ?? signal}); stopping the rest\n`);
    void stop(1);
  });
  children.push(child);
}

async function waitFor(url, what) {
  for (let attempt = 0; attempt < 300; attempt++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what} did not become healthy at ${url} within 30 s`);
}

async function stop(code) {
  if (stopping) return;
  stopping = true;
  say('stopping…');
  await Promise.all(
    children.filter((child) => child.exitCode === null).map(
      (child) =>
        new Promise((resolve) => {
          child.once('exit', resolve);
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
        }),
    ),
  );
  if (!wasUp) await down();
  process.exit(code);
}

function say(line) {
  process.stdout.write(`[base-shift] ${line}\n`);
}
