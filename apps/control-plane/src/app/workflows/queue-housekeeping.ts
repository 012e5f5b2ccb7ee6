import { Logger } from '@nestjs/common';
import type { QueueMaintenance, SweepReport } from '@base-shift/queue';

/** Where a sweep's results go (the queue metrics). */
export interface SweepRecorder {
  recordSweep(reports: readonly SweepReport[]): void;
}

/**
 * The queue's housekeeping on this replica (safe on all of them: each step is
 * one atomic script per pool): promote due retries, take back expired leases,
 * trim acknowledged results, every `intervalMs`. Like QueueMaintenance.start(),
 * but each sweep's report is recorded, so stalled-lease recoveries are counted.
 */
export class QueueHousekeeping {
  private readonly logger = new Logger(QueueHousekeeping.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = true;

  constructor(
    private readonly maintenance: Pick<QueueMaintenance, 'sweep'>,
    private readonly recorder: SweepRecorder,
    private readonly intervalMs = 1000,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule();
  }

  /** Stops the timer and waits for a sweep in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      this.running = this.sweep().finally(() => {
        this.running = undefined;
        if (!this.stopped) this.schedule();
      });
    }, this.intervalMs);
  }

  private async sweep(): Promise<void> {
    try {
      const reports = await this.maintenance.sweep();
      this.recorder.recordSweep(reports);
      for (const report of reports) {
        if (report.reaped > 0) this.logger.warn(`pool ${report.pool}: took back ${report.reaped} expired lease(s)`);
      }
    } catch (error) {
      this.logger.error(`queue maintenance failed: ${(error as Error).message}`);
    }
  }
}
