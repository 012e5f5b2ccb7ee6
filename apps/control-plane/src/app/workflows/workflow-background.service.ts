import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { QueueAdapter, TimerSweeper, WorkflowEngine, WorkflowEvents, WorkflowResultConsumer } from '@base-shift/workflow';
import { CONTROL_PLANE_CONFIG, type ControlPlaneConfig } from '../config/control-plane-config';
import { ProgressChecks } from '../health/progress-checks';
import { QueueHousekeeping } from './queue-housekeeping';

/**
 * The engine's loops, on every replica (each step is safe to run
 * concurrently): apply job results, fire timers (deadlines, recovery of
 * interrupted calls), and the queue's housekeeping (retries due, expired
 * leases, trimming acknowledged results). Stopped before Redis is closed.
 */
@Injectable()
export class WorkflowBackgroundService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly consumer: WorkflowResultConsumer;
  private readonly sweeper: TimerSweeper;

  constructor(
    @Inject(WorkflowEngine) engine: WorkflowEngine,
    @Inject(QueueAdapter) private readonly queue: QueueAdapter,
    @Inject(WorkflowEvents) private readonly events: WorkflowEvents,
    @Inject(QueueHousekeeping) private readonly maintenance: QueueHousekeeping,
    @Inject(CONTROL_PLANE_CONFIG) config: ControlPlaneConfig,
    @Inject(ProgressChecks) progress: ProgressChecks,
  ) {
    this.consumer = new WorkflowResultConsumer(engine, queue, { pools: config.pools, claimIdleMs: config.workflowResultClaimIdleMs });
    progress.register('results', () => {
      const stalled = this.consumer.stalledPools();
      return stalled.length > 0 ? `the last rounds of the result consumer failed for pool ${stalled.join(', ')}` : undefined;
    });
    this.sweeper = new TimerSweeper(engine);
  }

  /** Never waits for Redis: the process must start (and /healthz answer) during an outage. */
  onApplicationBootstrap(): void {
    this.consumer.start();
    this.sweeper.start();
    this.maintenance.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all([this.consumer.stop(), this.sweeper.stop(), this.maintenance.stop()]);
    await Promise.all([this.queue.close(), this.events.close()]);
  }
}
