import { createConnection } from 'mongoose';
import { createRedisConnection, deleteKeysWithPrefix } from '@base-shift/redis';
import { TestAdminKey } from './test-auth';
import { freePort, isolatedMongoUrl, requireTestEnv, startBuiltApp, uniqueName, type AppProcess } from '@base-shift/testing';

export interface BuiltStackOptions {
  logLevel?: string;
  /** The Redis both apps use (default: the shared test Redis, REDIS_URL). */
  redisUrl?: string;
  controlPlaneEnv?: Record<string, string>;
  executorEnv?: Record<string, string>;
}

/**
 * A built control plane and a built executor (node dist/apps/<app>/main.js),
 * as their containers run, sharing a Redis key prefix and a FerretDB
 * database of their own. Pod management is off: the test runs the executor.
 */
export class BuiltStack {
  private constructor(
    readonly prefix: string,
    readonly redisUrl: string,
    readonly mongoUrl: string,
    readonly controlPlane: AppProcess,
    readonly executor: AppProcess,
    /** http://127.0.0.1:<port> of the control plane. */
    readonly baseUrl: string,
    /** host:port of the executor's /metrics and /healthz. */
    readonly executorAddress: string,
    /** http://127.0.0.1:<METRICS_PORT> of the control plane: /metrics, no auth. */
    readonly metricsUrl: string,
    /** The control plane's bootstrap admin key (AUTH_BOOTSTRAP_KEY_FILE); json() and graphql() send it. */
    readonly admin: TestAdminKey,
  ) {}

  static async start(label: string, options: BuiltStackOptions = {}): Promise<BuiltStack> {
    const prefix = `bs-test:${uniqueName(label)}:`;
    const mongoUrl = isolatedMongoUrl(label.replace(/-/g, '_'));
    const [port, metricsPort, controlPlaneMetricsPort] = [await freePort(), await freePort(), await freePort()];
    const admin = new TestAdminKey();
    const logLevel = options.logLevel ?? 'warn';
    const redisUrl = options.redisUrl ?? requireTestEnv('REDIS_URL');
    const controlPlane = startBuiltApp('control-plane', {
      PORT: String(port),
      METRICS_PORT: String(controlPlaneMetricsPort),
      ...admin.env(),
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
      METRICS_PORT: String(metricsPort),
      EXECUTOR_ID: uniqueName(`${label}-executor`),
      LOG_LEVEL: logLevel,
      ...options.executorEnv,
    });
    const stack = new BuiltStack(
      prefix,
      redisUrl,
      mongoUrl,
      controlPlane,
      executor,
      `http://127.0.0.1:${port}`,
      `127.0.0.1:${metricsPort}`,
      `http://127.0.0.1:${controlPlaneMetricsPort}`,
      admin,
    );
    try {
      await Promise.all([
        controlPlane.waitForHttp(`${stack.baseUrl}/readyz`, 200, 30_000),
        executor.waitForHttp(`http://${stack.executorAddress}/healthz`, 200, 30_000),
      ]);
    } catch (error) {
      await stack.stop();
      throw error;
    }
    return stack;
  }

  async graphql<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...this.admin.headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: unknown[] };
    if (!body.data || body.errors) throw new Error(`GraphQL failed (${response.status}): ${JSON.stringify(body)}`);
    return body.data;
  }

  async json<T = Record<string, unknown>>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method: init.method ?? 'GET',
      headers: { 'content-type': 'application/json', ...this.admin.headers },
      ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
    });
    if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
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

  /** Stops both processes and removes the Redis keys and the database they wrote. */
  async stop(): Promise<void> {
    await Promise.all([this.controlPlane.stop(), this.executor.stop()]);
    const redis = createRedisConnection(this.redisUrl);
    await deleteKeysWithPrefix(redis, this.prefix);
    await redis.quit();
    const mongo = await createConnection(this.mongoUrl).asPromise();
    await mongo.dropDatabase();
    await mongo.close();
    this.admin.remove();
  }
}

/** The JSON lines a process wrote (anything else, e.g. a Node warning, is left out). */
export function jsonLines(output: string): Array<Record<string, unknown>> {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
