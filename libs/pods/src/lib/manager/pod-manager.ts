import { errorMessage, getLogger } from '@base-shift/core';
import { BackgroundLoop } from '@base-shift/redis';
import { Autoscaler, type AutoscalerOptions } from '../autoscaler/autoscaler';
import type { PodDriver } from '../driver/pod-driver.port';
import { HealthMonitor, type HealthReport } from '../health/health-monitor';
import { countsAsCapacity } from '../health/pod-health';
import type { LeaderElector } from '../leadership/leader-elector.port';
import { Leadership } from '../leadership/leadership';
import type { QueueView } from '../load/pool-load.port';
import type { PodMetrics } from '../metrics/pod-metrics';
import type { PoolConfig } from '../pools/pool-config';
import type { JobDurationTracker } from '../templates/job-duration-tracker';
import type { TemplateStatsStore } from '../templates/template-stats-store';
import { templateUsage, type TemplateUsage } from '../templates/template-usage';
import type { PoolStatus, PoolStatusStore } from './pool-status';

export interface PodManagerOptions {
  controlPlaneId: string;
  pools: readonly PoolConfig[];
  /** Time between evaluations (health + autoscaling) while leading. Default 2000. */
  evaluationIntervalMs?: number;
  /** Leader attempts: every retryPeriodMs; a leader unable to renew for renewDeadlineMs steps down. */
  retryPeriodMs?: number;
  renewDeadlineMs?: number;
  autoscaler?: Partial<Omit<AutoscalerOptions, 'clock'>>;
  clock?: () => number;
}

export interface PodManagerDependencies {
  driver: PodDriver;
  queue: QueueView;
  elector: LeaderElector;
  statuses: PoolStatusStore;
  templates: TemplateStatsStore;
  durations?: JobDurationTracker;
  metrics?: PodMetrics;
}

/** What one evaluation did (tests and logs). */
export interface Evaluation {
  health: HealthReport;
  pools: PoolStatus[];
}

/** A pool as GET /pools shows it. */
export interface PoolView {
  config: PoolConfig;
  status?: PoolStatus;
}

/**
 * Pod management of one control plane: leader election, and while leading an
 * evaluation every interval (default 2 s): the health monitor first (broken pods
 * out, their jobs back in the queue), then the autoscaler per pool (which also
 * replaces what the monitor removed). The leader also measures job run times
 * per template. Results go to Redis, so every replica serves the same status.
 */
export class PodManager {
  private readonly logger = getLogger(PodManager.name);
  readonly leadership: Leadership;
  private readonly autoscaler: Autoscaler;
  private readonly health: HealthMonitor;
  private readonly pools: Map<string, PoolConfig>;
  private readonly clock: () => number;
  private readonly evaluations: BackgroundLoop;
  private evaluating?: Promise<Evaluation | undefined>;
  private started = false;

  constructor(
    private readonly deps: PodManagerDependencies,
    private readonly options: PodManagerOptions,
  ) {
    this.clock = options.clock ?? Date.now;
    // Runs at once when started: a new leader may find a backlog or broken pods its predecessor left.
    this.evaluations = new BackgroundLoop({
      name: 'pod evaluation',
      intervalMs: options.evaluationIntervalMs ?? 2000,
      logger: this.logger,
      run: async () => {
        await this.evaluate();
      },
    });
    this.pools = new Map(options.pools.map((pool) => [pool.name, pool]));
    this.autoscaler = new Autoscaler(deps.driver, deps.queue, deps.metrics, {
      createBurst: 20,
      createPerSecond: 5,
      backoffInitialMs: 1000,
      backoffMaxMs: 60_000,
      ...options.autoscaler,
      clock: this.clock,
    });
    this.health = new HealthMonitor(deps.driver, deps.queue, deps.metrics, deps.templates, { controlPlaneId: options.controlPlaneId, clock: this.clock });
    const leaseMs = deps.elector.leaseDurationMs;
    this.leadership = new Leadership(
      deps.elector,
      {
        retryPeriodMs: options.retryPeriodMs ?? Math.max(100, Math.floor(leaseMs / 7)),
        renewDeadlineMs: options.renewDeadlineMs ?? Math.floor((leaseMs * 2) / 3),
        clock: this.clock,
      },
      { onStartedLeading: () => this.onStartedLeading(), onStoppedLeading: () => this.onStoppedLeading() },
    );
  }

  get driver(): PodDriver {
    return this.deps.driver;
  }

  get isLeader(): boolean {
    return this.leadership.isLeader;
  }

  /** Starts watching pods and campaigning; evaluations run while this replica leads. */
  async start(): Promise<void> {
    if (this.started) return;
    await this.deps.driver.start();
    this.started = true;
    this.leadership.start();
  }

  /** Stops evaluating, gives leadership up (a follower takes over at once) and stops the driver. */
  async stop(): Promise<void> {
    await this.leadership.stop({ release: true });
    await this.stopLoop();
    await this.deps.durations?.stop();
    if (!this.started) return;
    this.started = false;
    await this.deps.driver.stop();
  }

  /**
   * One evaluation, if this replica leads (else undefined). The loop calls it
   * every interval; tests call it to count evaluations instead of seconds.
   */
  evaluate(): Promise<Evaluation | undefined> {
    this.evaluating ??= this.runEvaluation().finally(() => (this.evaluating = undefined));
    return this.evaluating;
  }

  /** The configured pools with the leader's last status of each. */
  async poolViews(): Promise<PoolView[]> {
    const statuses = new Map((await this.deps.statuses.read()).map((status) => [status.pool, status]));
    return [...this.pools.values()].map((config) => ({ config, status: statuses.get(config.name) }));
  }

  /** Observed template runs and the pool each template needs. */
  async templateUsage(): Promise<TemplateUsage[]> {
    return templateUsage(await this.deps.templates.read(), [...this.pools.values()]);
  }

  private async runEvaluation(): Promise<Evaluation | undefined> {
    if (!this.leadership.isLeader) return undefined;
    const { driver, queue } = this.deps;
    let health: HealthReport = { replaced: [], orphans: [], vanished: [] };
    try {
      health = await this.health.check(this.pools, driver.list());
    } catch (error) {
      // Scaling must go on when the health pass fails (e.g. Redis refused a re-queue); the next pass retries.
      this.logger.error(`health check failed: ${errorMessage(error)}`);
    }
    const pods = driver.list().filter((pod) => pod.controlPlaneId === this.options.controlPlaneId);
    const statuses: PoolStatus[] = [];
    for (const pool of this.pools.values()) {
      try {
        const mine = pods.filter((pod) => pod.pool === pool.name);
        const load = await queue.load(pool.name);
        const outcome = await this.autoscaler.evaluate(pool, mine.filter(countsAsCapacity), load);
        statuses.push({
          pool: pool.name,
          desired: outcome.desired,
          pods: outcome.pods,
          ready: outcome.ready,
          deleting: mine.filter((pod) => pod.deleting).length + outcome.deleted.length,
          queued: load.queued,
          inFlight: load.inFlight,
          delayed: load.delayed,
          dead: load.dead,
          oldestWaitSeconds: load.oldestWaitSeconds,
          action: outcome.action,
          ...(outcome.blockedBy && { blockedBy: outcome.blockedBy }),
          ...(outcome.lastError && { lastError: outcome.lastError }),
          evaluatedAt: this.clock(),
          leader: this.deps.elector.identity,
        });
      } catch (error) {
        this.logger.error(`evaluating pool ${pool.name} failed: ${errorMessage(error)}`);
      }
    }
    await this.deps.statuses.write(statuses).catch((error: unknown) => this.logger.warn(`storing pool status failed: ${errorMessage(error)}`));
    return { health, pools: statuses };
  }

  private async onStartedLeading(): Promise<void> {
    this.deps.metrics?.leading(true);
    this.health.reset();
    await this.deps.durations?.start().catch((error: unknown) => this.logger.warn(`following the result streams failed: ${errorMessage(error)}`));
    if (this.started) this.evaluations.start();
  }

  private async onStoppedLeading(): Promise<void> {
    this.deps.metrics?.leading(false);
    await this.stopLoop();
    await this.deps.durations?.stop();
  }

  private async stopLoop(): Promise<void> {
    await this.evaluations.stop();
    // A test's own evaluate() call may still run.
    await this.evaluating;
  }
}
