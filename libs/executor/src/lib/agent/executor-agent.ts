import { JobLeases, JobWorker, QueueMaintenance, type BackoffPolicy } from '@base-shift/queue';
import { InstallationEpoch, pingRedis, type RedisConnection } from '@base-shift/redis';
import { SecretBindings } from '@base-shift/steps';
import type { ConnectTo } from '../egress/connect-to';
import { EgressAllowList } from '../egress/egress-allow-list';
import { EgressGuard } from '../egress/egress-guard';
import { GuardedHttpClient } from '../http/guarded-http-client';
import type { RetryPolicy } from '../http/retry-policy';
import { JobRunner } from '../job/job-runner';
import { ExecutorMetrics } from '../metrics/executor-metrics';
import { Redactor } from '../secrets/redactor';
import { SecretResolver } from '../secrets/secret-resolver';
import { createStepRunners } from '../steps/step-runners';
import { TemplateSnapshotStore } from '../templates/template-snapshot-store';
import { LeaseReaper } from '../worker/lease-reaper';
import { WorkflowJobHandler } from '../worker/workflow-job-handler';

export interface ExecutorAgentOptions {
  executorId: string;
  pools: readonly string[];
  concurrency: number;
  leaseMs: number;
  shutdownGraceMs: number;
  /** Put in front of every Redis key (queue and workflow keys alike). */
  keyPrefix?: string;
  secretsDir?: string;
  egressAllow?: EgressAllowList;
  /** EGRESS_CONNECT_TO: hosts whose connections go elsewhere (demos, tests, a local forwarder). */
  egressConnectTo?: ConnectTo;
  /** The pool's secret bindings (SECRET_BINDINGS): which secrets resolve, and the hosts each may be sent to. Default: none. */
  secretBindings?: SecretBindings;
  /** Retries of external_api_call within one attempt. */
  httpRetry?: RetryPolicy;
  /** Backoff of retryable job failures in the queue. */
  queueBackoff?: BackoffPolicy;
  /** Lease wait when idle (ms). */
  blockMs?: number;
}

/**
 * The whole agent wired together: queue leases, template snapshots, step
 * runners behind the SSRF guard and the secret resolver, metrics. The app
 * adds only the process concerns (environment, signals, HTTP endpoints).
 */
export class ExecutorAgent {
  readonly metrics = new ExecutorMetrics();
  private readonly leases: JobLeases;
  private readonly http: GuardedHttpClient;
  private readonly worker: JobWorker;
  private readonly reaper: LeaseReaper;
  private readonly epoch: InstallationEpoch;

  constructor(
    private readonly redis: RedisConnection,
    private readonly options: ExecutorAgentOptions,
  ) {
    const prefix = options.keyPrefix ?? '';
    this.leases = new JobLeases(redis, { pools: options.pools, prefix, announceStarts: true, ...(options.queueBackoff && { backoff: options.queueBackoff }) });
    const redactor = new Redactor();
    const guard = new EgressGuard(options.egressAllow ?? EgressAllowList.EMPTY, (kind) => this.metrics.egressRefused(kind));
    this.http = new GuardedHttpClient(guard, { connectTo: options.egressConnectTo });
    const secrets = new SecretResolver({ secretsDir: options.secretsDir, bindings: options.secretBindings ?? SecretBindings.NONE, redactor });
    const runners = createStepRunners({ http: this.http, secrets, ...(options.httpRetry && { retry: options.httpRetry }) });
    const jobs = new WorkflowJobHandler({
      templates: new TemplateSnapshotStore(redis, prefix),
      jobRunner: new JobRunner(runners, redactor, this.metrics),
      metrics: this.metrics,
      maxOutputBytes: 1024 * 1024,
    });
    this.worker = new JobWorker(this.leases, {
      executorId: options.executorId,
      pools: options.pools,
      concurrency: options.concurrency,
      leaseMs: options.leaseMs,
      // Three beats per lease period: one late or failed beat does not lose a lease.
      heartbeatMs: Math.max(50, Math.floor(options.leaseMs / 3)),
      ...(options.blockMs !== undefined && { blockMs: options.blockMs }),
      ...jobs.hooks(),
    });
    // Expired leases of the served pools are taken back here too (safe on every replica).
    this.reaper = new LeaseReaper(new QueueMaintenance(redis, { pools: options.pools, prefix }), options.pools, options.leaseMs, this.metrics);
    // The executor keeps no Redis structure of its own across calls (its scripts create keys as they go):
    // after a data loss there is nothing to recreate, only the loss to report.
    this.epoch = new InstallationEpoch(redis, { prefix, onLoss: () => this.metrics.redisDataLost() });
    this.metrics.setConcurrency(options.concurrency);
  }

  get inFlight(): number {
    return this.worker.inFlight;
  }

  start(): void {
    this.worker.start();
    this.reaper.start();
    this.epoch.start();
  }

  /** Graceful stop: no new leases, running jobs finish within the grace period, the rest go back to the queue. */
  async stop(): Promise<void> {
    await this.worker.stop(this.options.shutdownGraceMs);
    await Promise.all([this.reaper.stop(), this.epoch.stop()]);
    await this.leases.close();
    this.http.close();
  }

  /** Liveness of the agent's dependencies: Redis answers. */
  async checkHealth(timeoutMs = 1000): Promise<void> {
    await pingRedis(this.redis, timeoutMs);
  }
}
