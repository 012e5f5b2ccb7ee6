import { Logger } from '@nestjs/common';
import type { QueueMaintenance } from '@base-shift/queue';
import type { ExecutorMetrics } from '../metrics/executor-metrics';

/**
 * Takes back expired leases of the executor's pools (jobs of an executor that
 * died without releasing them), so they run again even when no control plane
 * is sweeping. The queue's script is atomic per pool: every replica may run it.
 */
export class LeaseReaper {
  private readonly logger = new Logger(LeaseReaper.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly maintenance: QueueMaintenance,
    private readonly pools: readonly string[],
    private readonly leaseMs: number,
    private readonly metrics?: ExecutorMetrics,
  ) {}

  start(): void {
    // Twice per lease period: a dead executor's job waits at most ~1.5 leases.
    const interval = Math.min(5000, Math.max(250, Math.floor(this.leaseMs / 2)));
    this.timer ??= setInterval(() => this.sweep(), interval);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private sweep(): void {
    for (const pool of this.pools) {
      this.maintenance.reapExpired(pool).then(
        (reaped) => {
          if (reaped === 0) return;
          this.metrics?.stalledLeasesRecovered(pool, reaped);
          this.logger.warn(`pool ${pool}: took back ${reaped} expired lease(s)`);
        },
        (error: Error) => this.logger.warn(`taking back expired leases of pool ${pool} failed: ${error.message}`),
      );
    }
  }
}
