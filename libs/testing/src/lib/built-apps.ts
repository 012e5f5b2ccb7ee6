import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createConnection } from 'mongoose';
import { createRedisConnection, deleteKeysWithPrefix } from '@base-shift/redis';
import { freePort, startBuiltApp, type AppProcess } from './app-process';
import { isolatedMongoUrl } from './isolated-mongo';
import { requireTestEnv, uniqueName } from './test-env';

export interface BuiltAppsOptions {
  /**
   * The control plane's bootstrap admin key (bsk_<12 base32>_<43 base64url>). The caller makes it
   * (libs/auth's generateApiKey, where its scope may import it): this shared lib cannot import libs/auth.
   */
  adminKey: string;
  /** A temp directory of the caller's for the key file (and whatever else the test keeps there); default: a new one. stop() removes it. */
  dir?: string;
  logLevel?: string;
  /** The Redis both apps use (default: the shared test Redis, REDIS_URL). */
  redisUrl?: string;
  /** Added to (or overriding) the control plane's environment. */
  controlPlaneEnv?: Record<string, string>;
  /** Added to (or overriding) the executor's environment. */
  executorEnv?: Record<string, string>;
}

/** What a started pair of built apps is made of (BuiltApps's constructor takes it, so a subclass can pass an instance on). */
export type BuiltAppsParts = Pick<
  BuiltApps,
  'prefix' | 'redisUrl' | 'mongoUrl' | 'controlPlane' | 'executor' | 'baseUrl' | 'metricsUrl' | 'executorAddress' | 'adminKey' | 'dir'
>;

/**
 * A built control plane and a built executor (node dist/apps/<app>/main.js), as their containers run,
 * sharing a Redis key prefix and a database of their own, pod management off (the test runs the
 * executor), and an admin key the control plane reads from AUTH_BOOTSTRAP_KEY_FILE, as operators start
 * the first one. Test stacks (the control plane's, the CLI's, the console's) extend it with what is theirs.
 */
export class BuiltApps {
  // Declared, not initialised: the constructor copies them from `parts`.
  declare readonly prefix: string;
  declare readonly redisUrl: string;
  declare readonly mongoUrl: string;
  declare readonly controlPlane: AppProcess;
  declare readonly executor: AppProcess;
  /** http://127.0.0.1:<PORT> of the control plane: the API (and, under /ui, the console when it is built). */
  declare readonly baseUrl: string;
  /** http://127.0.0.1:<METRICS_PORT> of the control plane: /metrics, no auth. */
  declare readonly metricsUrl: string;
  /** host:port of the executor's /metrics and /healthz. */
  declare readonly executorAddress: string;
  declare readonly adminKey: string;
  /** A private temp directory: the admin key file and whatever the test keeps there. */
  declare readonly dir: string;

  protected constructor(parts: BuiltAppsParts) {
    Object.assign(this, parts);
  }

  /** Starts both apps and waits until the control plane is ready and the executor healthy; cleans up if either fails. */
  static async launch(label: string, options: BuiltAppsOptions): Promise<BuiltApps> {
    const prefix = `bs-test:${uniqueName(label)}:`;
    const mongoUrl = isolatedMongoUrl(label.replace(/-/g, '_'));
    const redisUrl = options.redisUrl ?? requireTestEnv('REDIS_URL');
    const logLevel = options.logLevel ?? 'warn';
    const dir = options.dir ?? mkdtempSync(path.join(tmpdir(), 'bs-built-apps-'));
    const keyFile = path.join(dir, 'admin-key');
    writeFileSync(keyFile, `${options.adminKey}\n`, { mode: 0o600 });
    const [port, metricsPort, executorMetricsPort] = [await freePort(), await freePort(), await freePort()];
    const controlPlane = startBuiltApp('control-plane', {
      PORT: String(port),
      METRICS_PORT: String(metricsPort),
      AUTH_BOOTSTRAP_KEY_FILE: keyFile,
      // Generous limits: tests measure behaviour, not the rate limiter.
      AUTH_RATE_PER_SECOND: '100000',
      AUTH_RATE_BURST: '100000',
      REDIS_URL: redisUrl,
      MONGO_URL: mongoUrl,
      REDIS_KEY_PREFIX: prefix,
      POD_DRIVER: 'none',
      LOG_LEVEL: logLevel,
      ...options.controlPlaneEnv,
    });
    const executor = startBuiltApp('job-executor', {
      JOB_QUEUE_URL: redisUrl,
      REDIS_KEY_PREFIX: prefix,
      METRICS_PORT: String(executorMetricsPort),
      EXECUTOR_ID: uniqueName(`${label}-executor`),
      LOG_LEVEL: logLevel,
      ...options.executorEnv,
    });
    const apps = new BuiltApps({
      prefix,
      redisUrl,
      mongoUrl,
      controlPlane,
      executor,
      baseUrl: `http://127.0.0.1:${port}`,
      metricsUrl: `http://127.0.0.1:${metricsPort}`,
      executorAddress: `127.0.0.1:${executorMetricsPort}`,
      adminKey: options.adminKey,
      dir,
    });
    try {
      await Promise.all([
        controlPlane.waitForHttp(`${apps.baseUrl}/readyz`, 200, 30_000),
        executor.waitForHttp(`http://${apps.executorAddress}/healthz`, 200, 30_000),
      ]);
    } catch (error) {
      await apps.stop();
      throw error;
    }
    return apps;
  }

  /** `Authorization: Bearer <admin key>`, for fetch's `headers`. */
  get adminHeaders(): { authorization: string } {
    return { authorization: `Bearer ${this.adminKey}` };
  }

  /** A REST call with the admin key; throws with the problem on anything but 2xx. */
  async json<T = Record<string, unknown>>(route: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
    const response = await fetch(`${this.baseUrl}${route}`, {
      method: init.method ?? 'GET',
      headers: { ...this.adminHeaders, ...(init.body !== undefined && { 'content-type': 'application/json' }) },
      ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
    });
    if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${route} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  }

  /** A GraphQL operation with the admin key; throws on any error. */
  async graphql<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: { ...this.adminHeaders, 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: unknown[] };
    if (!body.data || body.errors) throw new Error(`GraphQL answered ${response.status}: ${JSON.stringify(body)}`);
    return body.data;
  }

  /** Polls GET /workflows/{id} until it reaches `state`. */
  async waitForWorkflow(id: string, state: string, timeoutMs = 30_000): Promise<Record<string, unknown>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const workflow = await this.json(`/workflows/${id}`);
      if (workflow['state'] === state) return workflow;
      if (Date.now() > deadline) throw new Error(`workflow ${id} did not reach ${state}: ${JSON.stringify(workflow)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Stops both processes and removes the Redis keys, the database and the directory they used. */
  async stop(): Promise<void> {
    await Promise.all([this.controlPlane.stop(), this.executor.stop()]);
    const redis = createRedisConnection(this.redisUrl);
    await deleteKeysWithPrefix(redis, this.prefix);
    await redis.quit();
    const mongo = await createConnection(this.mongoUrl).asPromise();
    await mongo.dropDatabase();
    await mongo.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
