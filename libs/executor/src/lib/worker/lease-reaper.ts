import { errorMessage, getLogger } from '@base-shift/core';
import type { QueueMaintenance } from '@base-shift/queue';
import { BackgroundLoop } from '@base-shift/redis';
import type { ExecutorMetrics } from '../metrics/executor-metrics';

/**
 * Takes back expired leases of the executor's pools (jobs of an executor that
 * died without releasing them), so they run again even when no control plane
 * is sweeping. The queue's script is atomic per pool: every replica may run it.
 */
export class LeaseReaper {
  private readonly logger = getLogger(LeaseReaper.name);
  private readonly loop: BackgroundLoop;

  constructor(
    private readonly maintenance: QueueMaintenance,
    private readonly pools: readonly string[],
    leaseMs: number,
    private readonly metrics?: ExecutorMetrics,
  ) {
    this.loop = new BackgroundLoop({
      name: 'lease-reaper',
      run: () => this.sweep(),
      // Twice per lease period: a dead executor's job waits at most ~1.5 leases.
      intervalMs: Math.min(5000, Math.max(250, Math.floor(leaseMs / 2))),
      runAtStart: false,
    });
  }

  start(): void {
    this.loop.start();
  }

  /** Resolves once a sweep under way has ended. */
  stop(): Promise<void> {
    return this.loop.stop();
  }

  // Pools are swept side by side, and one pool's failure never holds back another's.
  private async sweep(): Promise<void> {
    await Promise.all(
      this.pools.map(async (pool) => {
        try {
          const reaped = await this.maintenance.reapExpired(pool);
          if (reaped === 0) return;
          this.metrics?.stalledLeasesRecovered(pool, reaped);
          this.logger.warn(`pool ${pool}: took back ${reaped} expired lease(s)`);
        } catch (error) {
          this.logger.warn(`taking back expired leases of pool ${pool} failed: ${errorMessage(error)}`);
        }
      }),
    );
  }
}
