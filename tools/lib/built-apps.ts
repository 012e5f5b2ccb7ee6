import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { freePort, startBuiltApp, type AppProcess } from '@base-shift/testing';

const ROOT = path.resolve(__dirname, '../..');
const APPS = ['control-plane', 'job-executor'];

/** Whether dist/ has both apps: the benches and the chaos run measure the built apps, as deployed, not the sources. */
export function appsBuilt(): boolean {
  return APPS.every((app) => existsSync(path.join(ROOT, 'dist/apps', app, 'main.js')));
}

/**
 * `nx run-many -t build -p control-plane job-executor`, its output on this
 * terminal; throws when the build fails or outlasts `timeoutMs` (the build is
 * then killed: spawnSync blocks the event loop, so no other deadline could fire).
 */
export function buildApps(timeoutMs = 900_000): void {
  const result = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', ...APPS, '--outputStyle=static'], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
    timeout: timeoutMs,
  });
  if (result.error) throw new Error(`the build did not finish: ${result.error.message}`);
  if (result.status !== 0) throw new Error('the build failed (see above)');
}

/**
 * A built control plane on a free port, ready (/readyz 200): quiet logs, no
 * metrics listener, and the per-key rate limiter out of the way (the runs
 * measure the engine, not the limiter). `env` adds REDIS_URL, MONGO_URL,
 * POOLS, AUTH_BOOTSTRAP_KEY_FILE, … and may override any of these.
 */
export async function startControlPlane(env: Record<string, string>): Promise<{ app: AppProcess; base: string }> {
  const port = await freePort();
  const app = startBuiltApp('control-plane', {
    PORT: String(port),
    LOG_LEVEL: 'warn',
    METRICS_PORT: '0',
    AUTH_RATE_PER_SECOND: '1000000',
    AUTH_RATE_BURST: '1000000',
    ...env,
  });
  const base = `http://127.0.0.1:${port}`;
  await stopUnlessReady(app, `${base}/readyz`, 30_000);
  return { app, base };
}

/** A built job-executor with its metrics (and /healthz) on a free port, ready; `env` adds JOB_QUEUE_URL, POOLS, CONCURRENCY, … */
export async function startExecutor(env: Record<string, string>, readyTimeoutMs = 30_000): Promise<AppProcess> {
  const metricsPort = await freePort();
  const app = startBuiltApp('job-executor', { METRICS_PORT: String(metricsPort), LOG_LEVEL: 'warn', ...env });
  await stopUnlessReady(app, `http://127.0.0.1:${metricsPort}/healthz`, readyTimeoutMs);
  return app;
}

/** Waits for `url` to answer 200; a process that never gets there is stopped, so a failed start leaves nothing running. */
async function stopUnlessReady(app: AppProcess, url: string, timeoutMs: number): Promise<void> {
  try {
    await app.waitForHttp(url, 200, timeoutMs);
  } catch (error) {
    await app.stop('SIGTERM');
    throw error;
  }
}
