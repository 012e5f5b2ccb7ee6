import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { freePort, startBuiltApp, startThrowawayRedis, type AppProcess, type ThrowawayRedis } from '@base-shift/testing';

export const POOL = 'chaos';

/** One built app that can be killed and started again as the same instance (same ports, same pod name / executor id). */
export class ManagedApp {
  private process?: AppProcess;
  private starts = 0;
  private stopped = false;

  constructor(
    readonly name: string,
    private readonly app: 'control-plane' | 'job-executor',
    private readonly env: Record<string, string>,
    /** The URL that answers 200 once the process is ready. */
    private readonly readyUrl: string,
    private readonly logDir: string,
  ) {}

  async start(): Promise<void> {
    // A restart still pending when the run stops (Ctrl-C) must not leave a process behind.
    if (this.stopped) return;
    this.starts++;
    this.process = startBuiltApp(this.app, this.env);
    await this.process.waitForHttp(this.readyUrl, 200, 60_000);
  }

  /** SIGKILL, as a crash: no shutdown hook runs. */
  async kill9(): Promise<void> {
    await this.process?.stop('SIGKILL');
    this.saveLog();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.process?.stop('SIGTERM', 10_000);
    this.saveLog();
  }

  /** Each incarnation's output to <logDir>/<name>-<n>.log, for looking into a bad run. */
  private saveLog(): void {
    if (this.process) writeFileSync(path.join(this.logDir, `${this.name}-${this.starts}.log`), this.process.output());
  }
}

export interface ChaosStackOptions {
  mongoUrl: string;
  adminKeyFile: string;
  logDir: string;
  leaseSeconds: number;
}

/**
 * What the chaos run starts: a redis-server of its own with AOF (appendfsync
 * everysec), two control planes (POD_DRIVER=none, each with its own pod name,
 * so each has its own result-stream consumer) and two executors of pool
 * `chaos`, allowed to reach 127.0.0.1 (the counting API).
 */
export class ChaosStack {
  private constructor(
    readonly redis: ThrowawayRedis,
    readonly controlPlanes: ManagedApp[],
    readonly executors: ManagedApp[],
    /** http://127.0.0.1:<port> of each control plane. */
    readonly baseUrls: string[],
  ) {}

  static async start(options: ChaosStackOptions): Promise<ChaosStack> {
    mkdirSync(options.logDir, { recursive: true });
    const redis = await startThrowawayRedis({ serverArgs: ['--appendonly', 'yes', '--appendfsync', 'everysec', '--maxmemory-policy', 'noeviction'] });
    const controlPlanes: ManagedApp[] = [];
    const baseUrls: string[] = [];
    for (const n of [1, 2]) {
      const [port, metricsPort] = [await freePort(), await freePort()];
      baseUrls.push(`http://127.0.0.1:${port}`);
      const env = {
        PORT: String(port),
        HOST: '127.0.0.1',
        METRICS_PORT: String(metricsPort),
        AUTH_BOOTSTRAP_KEY_FILE: options.adminKeyFile,
        // The run measures recovery, not the rate limiter.
        AUTH_RATE_PER_SECOND: '1000000',
        AUTH_RATE_BURST: '1000000',
        REDIS_URL: redis.url,
        MONGO_URL: options.mongoUrl,
        POOLS: POOL,
        POD_DRIVER: 'none',
        POD_NAME: `chaos-control-plane-${n}`,
        LOG_LEVEL: 'warn',
      };
      controlPlanes.push(new ManagedApp(`control-plane-${n}`, 'control-plane', env, `http://127.0.0.1:${port}/readyz`, options.logDir));
    }
    const executors: ManagedApp[] = [];
    for (const letter of ['a', 'b']) {
      const metricsPort = await freePort();
      const env = {
        JOB_QUEUE_URL: redis.url,
        POOLS: POOL,
        CONCURRENCY: '50',
        METRICS_PORT: String(metricsPort),
        EXECUTOR_ID: `chaos-executor-${letter}`,
        LEASE_SECONDS: String(options.leaseSeconds),
        // The counting API listens on loopback, which the SSRF guard refuses unless allowed.
        EGRESS_ALLOW: '127.0.0.1',
        LOG_LEVEL: 'warn',
      };
      executors.push(new ManagedApp(`executor-${letter}`, 'job-executor', env, `http://127.0.0.1:${metricsPort}/healthz`, options.logDir));
    }
    const stack = new ChaosStack(redis, controlPlanes, executors, baseUrls);
    try {
      await Promise.all(controlPlanes.map((app) => app.start()));
    } catch (error) {
      await stack.stop();
      throw error;
    }
    return stack;
  }

  async startExecutors(): Promise<void> {
    await Promise.all(this.executors.map((app) => app.start()));
  }

  /** Stops every process it started (each by its own handle) and the redis-server, removing its data dir. */
  async stop(): Promise<void> {
    await Promise.allSettled([...this.executors, ...this.controlPlanes].map((app) => app.stop()));
    await this.redis.stop();
  }
}
