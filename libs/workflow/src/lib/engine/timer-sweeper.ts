import { BackgroundLoop } from '@base-shift/redis';
import type { WorkflowEngine } from './workflow-engine';

export interface TimerSweeperOptions {
  /** Pause when nothing was due. */
  intervalMs?: number;
  batchSize?: number;
  /** How long a claimed workflow is left to this replica before another may take it. */
  claimMs?: number;
}

/** Enforces deadlines and finishes interrupted steps; safe to run on every replica. */
export class TimerSweeper {
  private readonly loop: BackgroundLoop;

  constructor(engine: WorkflowEngine, options: TimerSweeperOptions = {}) {
    const { intervalMs = 500, batchSize = 100, claimMs = 30_000 } = options;
    this.loop = new BackgroundLoop({
      name: 'workflow-timers',
      // A full batch means more may be due: sweep again at once.
      run: async () => ((await engine.reconcileDue(batchSize, claimMs)) >= batchSize ? 0 : undefined),
      intervalMs,
      errorDelayMs: 1000,
    });
  }

  start(): void {
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }
}
