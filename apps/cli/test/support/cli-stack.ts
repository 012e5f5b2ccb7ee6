import { spawn } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createConnection } from 'mongoose';
import { createRedisConnection, deleteKeysWithPrefix } from '@base-shift/redis';
import { freePort, isolatedMongoUrl, requireTestEnv, startBuiltApp, uniqueName, type AppProcess } from '@base-shift/testing';

const REPO_ROOT = path.resolve(__dirname, '../../../..');

export interface BsctlResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * A built control plane and a built executor (node dist/apps/<app>/main.js)
 * sharing a Redis key prefix and a database of their own, with an admin key
 * the control plane reads from AUTH_BOOTSTRAP_KEY_FILE, as operators start
 * the first one; and `bsctl`, run as users run it (tools/bsctl.mjs, the
 * package.json bin, on the built CLI) in a private config directory.
 */
export class CliStack {
  private constructor(
    readonly prefix: string,
    readonly mongoUrl: string,
    readonly controlPlane: AppProcess,
    readonly executor: AppProcess,
    readonly server: string,
    readonly adminKey: string,
    /** A private temp directory: the admin key file, XDG_CONFIG_HOME and the test's documents. */
    readonly dir: string,
  ) {}

  static async start(label: string): Promise<CliStack> {
    const prefix = `bs-test:${uniqueName(label)}:`;
    const mongoUrl = isolatedMongoUrl(label.replace(/-/g, '_'));
    const redisUrl = requireTestEnv('REDIS_URL');
    const dir = mkdtempSync(path.join(tmpdir(), 'bsctl-e2e-'));
    const adminKey = newApiKey();
    const keyFile = path.join(dir, 'admin-key');
    writeFileSync(keyFile, `${adminKey}\n`, { mode: 0o600 });
    const [port, metricsPort, executorMetricsPort] = [await freePort(), await freePort(), await freePort()];
    const controlPlane = startBuiltApp('control-plane', {
      PORT: String(port),
      METRICS_PORT: String(metricsPort),
      AUTH_BOOTSTRAP_KEY_FILE: keyFile,
      AUTH_RATE_PER_SECOND: '100000',
      AUTH_RATE_BURST: '100000',
      REDIS_URL: redisUrl,
      MONGO_URL: mongoUrl,
      REDIS_KEY_PREFIX: prefix,
      POD_DRIVER: 'none',
      LOG_LEVEL: 'warn',
    });
    const executor = startBuiltApp('job-executor', {
      JOB_QUEUE_URL: redisUrl,
      REDIS_KEY_PREFIX: prefix,
      METRICS_PORT: String(executorMetricsPort),
      EXECUTOR_ID: uniqueName(`${label}-executor`),
      LOG_LEVEL: 'warn',
    });
    const stack = new CliStack(prefix, mongoUrl, controlPlane, executor, `http://127.0.0.1:${port}`, adminKey, dir);
    try {
      await Promise.all([
        controlPlane.waitForHttp(`${stack.server}/readyz`, 200, 30_000),
        executor.waitForHttp(`http://127.0.0.1:${executorMetricsPort}/healthz`, 200, 30_000),
      ]);
    } catch (error) {
      await stack.stop();
      throw error;
    }
    return stack;
  }

  /** Writes a document into the test's directory and returns its path. */
  file(name: string, text: string): string {
    const target = path.join(this.dir, name);
    writeFileSync(target, text);
    return target;
  }

  /** The environment of a user who exported BSCTL_SERVER and BSCTL_TOKEN (and has a config directory of their own). */
  get env(): Record<string, string> {
    return { BSCTL_SERVER: this.server, BSCTL_TOKEN: this.adminKey, XDG_CONFIG_HOME: path.join(this.dir, 'config') };
  }

  /** Runs `bsctl <args>` and waits for it to exit. */
  bsctl(args: string[], env: Record<string, string> = this.env, stdin = ''): Promise<BsctlResult> {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'tools/bsctl.mjs'), ...args], {
      cwd: this.dir,
      env: { PATH: process.env['PATH'] ?? '', HOME: this.dir, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.end(stdin);
    return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
  }

  async stop(): Promise<void> {
    await Promise.all([this.controlPlane.stop(), this.executor.stop()]);
    const redis = createRedisConnection(requireTestEnv('REDIS_URL'));
    await deleteKeysWithPrefix(redis, this.prefix);
    await redis.quit();
    const mongo = await createConnection(this.mongoUrl).asPromise();
    await mongo.dropDatabase();
    await mongo.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A key in the control plane's format (bsk_<12 base32>_<43 base64url>), as an operator's bootstrap key file holds one. */
function newApiKey(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  const id = Array.from({ length: 12 }, () => alphabet[randomInt(alphabet.length)]).join('');
  return `bsk_${id}_${randomBytes(32).toString('base64url')}`;
}
