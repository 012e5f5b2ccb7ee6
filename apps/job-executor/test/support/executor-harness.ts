import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { JobQueue, QueueKeys, type JobInfo } from '@base-shift/queue';
import { type RedisConnection } from '@base-shift/redis';
import { eventually, freePort, isolatedRedis, requireTestEnv, startBuiltApp, uniqueName, type AppProcess } from '@base-shift/testing';

export const POOL = 'default';

/** One entry of the pool's result stream, as the workflow engine would read it. */
export interface ResultEntry {
  job: string;
  attempt: number;
  outcome: string;
  executor?: string;
  output?: unknown;
  error?: { message: string; retryable: boolean; details?: { code?: string; step?: string; details?: unknown } };
}

export interface RunningExecutor {
  app: AppProcess;
  metricsUrl: string;
  metrics(): Promise<string>;
}

export interface JobSpec {
  template: Record<string, unknown>;
  input: unknown;
  timeoutSeconds?: number;
  maxAttempts?: number;
}

/**
 * A test's private corner of the shared Redis (its own key prefix) plus what
 * the workflow engine would do for the executor: pin template snapshots where
 * the engine keeps them and enqueue jobs with the engine's payload.
 */
export class ExecutorHarness {
  readonly redis: RedisConnection;
  readonly prefix: string;
  readonly queue: JobQueue;
  private readonly cleanupRedis: () => Promise<void>;
  private readonly executors: RunningExecutor[] = [];
  private readonly dirs: string[] = [];
  private jobs = 0;

  constructor(label: string) {
    const isolated = isolatedRedis(label);
    this.redis = isolated.redis;
    this.prefix = isolated.prefix;
    this.cleanupRedis = isolated.cleanup;
    this.queue = new JobQueue(this.redis, { pools: [POOL], prefix: this.prefix });
  }

  /** A directory laid out like a mounted Kubernetes Secret. */
  secretsDir(secrets: Record<string, string>): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'bs-secrets-'));
    this.dirs.push(dir);
    for (const [name, value] of Object.entries(secrets)) writeFileSync(path.join(dir, name), value);
    return dir;
  }

  async startExecutor(env: Record<string, string> = {}): Promise<RunningExecutor> {
    const port = await freePort();
    const app = startBuiltApp('job-executor', {
      JOB_QUEUE_URL: requireTestEnv('REDIS_URL'),
      REDIS_KEY_PREFIX: this.prefix,
      METRICS_PORT: String(port),
      EXECUTOR_ID: uniqueName('executor'),
      LOG_LEVEL: 'debug',
      ...env,
    });
    const metricsUrl = `http://127.0.0.1:${port}/metrics`;
    await app.waitForHttp(`http://127.0.0.1:${port}/healthz`, 200);
    const executor = { app, metricsUrl, metrics: async () => (await fetch(metricsUrl)).text() };
    this.executors.push(executor);
    return executor;
  }

  /** Pins the template like the engine does (workflow:{id}:templates) and enqueues the job; resolves to its queue id. */
  async enqueue(spec: JobSpec): Promise<string> {
    this.jobs += 1;
    const workflowId = uniqueName('wf');
    const jobId = `job${this.jobs}`;
    const templateId = String(spec.template['templateId']);
    const version = String(spec.template['version']);
    await this.redis.hset(`${this.prefix}workflow:{${workflowId}}:templates`, `${templateId}@${version}`, JSON.stringify(spec.template));
    const id = `${workflowId}:${jobId}:1`;
    await this.queue.enqueue(POOL, {
      id,
      payload: {
        workflowId,
        jobId,
        templateId,
        version,
        input: spec.input as never,
        ...(spec.timeoutSeconds !== undefined && { timeoutSeconds: spec.timeoutSeconds }),
      },
      maxAttempts: spec.maxAttempts ?? 3,
    });
    return id;
  }

  /** Every result of a job so far, oldest first. */
  async results(id: string): Promise<ResultEntry[]> {
    const stream = new QueueKeys(this.prefix).pool(POOL).results;
    const entries = (await this.redis.xrange(stream, '-', '+')) as [string, string[]][];
    return entries
      .map(([, fields]) => {
        const values = new Map<string, string>();
        for (let i = 0; i < fields.length; i += 2) values.set(fields[i], fields[i + 1]);
        const parse = (name: string) => (values.has(name) ? JSON.parse(values.get(name) as string) : undefined);
        return {
          job: values.get('job') ?? '',
          attempt: Number(values.get('attempt')),
          outcome: values.get('outcome') ?? '',
          executor: values.get('executor'),
          output: parse('output'),
          error: parse('error'),
        };
      })
      .filter((entry) => entry.job === id);
  }

  /** Waits for the job's first result with one of `outcomes`. */
  async waitForResult(id: string, outcomes: string[] = ['succeeded', 'failed', 'cancelled'], timeoutMs = 20_000): Promise<ResultEntry> {
    const found = async () => (await this.results(id)).find((entry) => outcomes.includes(entry.outcome));
    try {
      return await eventually(found, `a ${outcomes.join('/')} result of job ${id}`, { attempts: Math.ceil(timeoutMs / 50) });
    } catch (error) {
      const logs = this.executors.map((e) => e.app.output()).join('\n---\n');
      throw new Error(`${(error as Error).message}; results: ${JSON.stringify(await this.results(id))}\n${logs}`);
    }
  }

  job(id: string): Promise<JobInfo | undefined> {
    return this.queue.getJob(POOL, id);
  }

  /** Everything stored under this test's prefix, as text (to search it for secrets). */
  async dumpRedis(): Promise<string> {
    const parts: string[] = [];
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', `${this.prefix}*`, 'COUNT', 1000);
      cursor = next;
      for (const key of keys) {
        const type = await this.redis.type(key);
        parts.push(key);
        if (type === 'string') parts.push(String(await this.redis.get(key)));
        else if (type === 'hash') parts.push(JSON.stringify(await this.redis.hgetall(key)));
        else if (type === 'list') parts.push(JSON.stringify(await this.redis.lrange(key, 0, -1)));
        else if (type === 'set') parts.push(JSON.stringify(await this.redis.smembers(key)));
        else if (type === 'zset') parts.push(JSON.stringify(await this.redis.zrange(key, 0, -1, 'WITHSCORES')));
        else if (type === 'stream') parts.push(JSON.stringify(await this.redis.xrange(key, '-', '+')));
        else parts.push(`<${type}>`);
      }
    } while (cursor !== '0');
    return parts.join('\n');
  }

  async cleanup(): Promise<void> {
    await Promise.all(this.executors.map((executor) => executor.app.stop('SIGKILL')));
    for (const dir of this.dirs) rmSync(dir, { recursive: true, force: true });
    await this.cleanupRedis();
  }
}

/** The value of one sample of a metric in Prometheus text, or undefined. */
export function metricValue(text: string, sample: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${sample} `));
  return line === undefined ? undefined : Number(line.slice(sample.length + 1));
}
