import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { BackgroundLoop } from '@base-shift/redis';
import {
  QueueAdapter,
  RetentionBackfill,
  TemplateGeneration,
  TimerSweeper,
  WorkflowEngine,
  WorkflowEvents,
  WorkflowResultConsumer,
} from '@base-shift/workflow';
import { CONTROL_PLANE_CONFIG, type ControlPlaneConfig } from '../config/control-plane-config';
import { ProgressChecks } from '../health/progress-checks';
import { QueueHousekeeping } from './queue-housekeeping';

/**
 * The engine's loops, on every replica (each step is safe to run
 * concurrently): apply job results, fire timers (deadlines, recovery of
 * interrupted calls), and the queue's housekeeping (retries due, expired
 * leases, trimming acknowledged results), and once per installation the
 * expiry of workflows that finished before retention existed (hourly, a
 * single read once done). Stopped, and the subscriber connections (live
 * events, template changes) closed, before Redis is closed.
 */
@Injectable()
export class WorkflowBackgroundService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly consumer: WorkflowResultConsumer;
  private readonly sweeper: TimerSweeper;
  private readonly backfill: BackgroundLoop;

  constructor(
    @Inject(WorkflowEngine) engine: WorkflowEngine,
    @Inject(QueueAdapter) private readonly queue: QueueAdapter,
    @Inject(WorkflowEvents) private readonly events: WorkflowEvents,
    @Inject(QueueHousekeeping) private readonly maintenance: QueueHousekeeping,
    @Inject(CONTROL_PLANE_CONFIG) config: ControlPlaneConfig,
    @Inject(ProgressChecks) progress: ProgressChecks,
    @Inject(RetentionBackfill) retention: RetentionBackfill,
    @Inject(TemplateGeneration) private readonly templateGeneration: TemplateGeneration,
  ) {
    this.consumer = new WorkflowResultConsumer(engine, queue, { pools: config.pools, claimIdleMs: config.workflowResultClaimIdleMs });
    progress.register('results', () => {
      const stalled = this.consumer.stalledPools();
      return stalled.length > 0 ? `the last rounds of the result consumer failed for pool ${stalled.join(', ')}` : undefined;
    });
    this.sweeper = new TimerSweeper(engine);
    const logger = new Logger('RetentionBackfill');
    this.backfill = new BackgroundLoop({
      name: 'workflow-retention-backfill',
      run: async () => {
        const given = await retention.run();
        if (given > 0) logger.log(`${given} finished workflow(s) kept without an expiry now expire after their retention`);
      },
      intervalMs: 3_600_000,
      errorDelayMs: 10_000,
    });
  }

  /** Never waits for Redis: the process must start (and /healthz answer) during an outage. */
  onApplicationBootstrap(): void {
    this.consumer.start();
    this.sweeper.start();
    this.maintenance.start();
    this.backfill.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all([this.consumer.stop(), this.sweeper.stop(), this.maintenance.stop(), this.backfill.stop()]);
    await Promise.all([this.queue.close(), this.events.close(), this.templateGeneration.close()]);
  }
}
