import { BackgroundLoop } from './background-loop';
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
    this.loop = new BackgroundLoop('workflow-timers', async () => ((await engine.reconcileDue(batchSize, claimMs)) >= batchSize ? 0 : intervalMs));
  }

  start(): void {
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }
}
