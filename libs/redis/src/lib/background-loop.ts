import { errorMessage, getLogger, type Logger } from '@base-shift/core';

export interface BackgroundLoopOptions {
  /** Names the loop in logs (`queue-maintenance`, `autoscaler`). */
  name: string;
  /** One round. It may return the delay before the next round in ms (0 = at once); otherwise `intervalMs` applies. */
  run: () => Promise<number | void>;
  /** Delay between rounds when `run` returns none. */
  intervalMs: number;
  /**
   * Spreads the interval by ± this fraction (default 0.1), so replicas started
   * together do not hit Redis or the API server in lockstep.
   */
  jitter?: number;
  /** First delay after an error; doubles while errors repeat, up to `maxErrorDelayMs`. Default: `intervalMs` (at least 100 ms). */
  errorDelayMs?: number;
  /** Cap of that doubling (default 30 s). A loop that must resume soon after an outage (leasing jobs) sets it low. */
  maxErrorDelayMs?: number;
  /** Run the first round at once (default) or after one interval. */
  runAtStart?: boolean;
  logger?: Logger;
}

const MAX_ERROR_DELAY_MS = 30_000;

/**
 * Every periodic task of the platform runs on this: one round at a time (a
 * slow round delays the next, never overlaps it), a jittered interval, errors
 * logged and retried with backoff (a Redis outage is not a busy loop of
 * errors), `trigger()` to run a round now, and `stop()` that interrupts the
 * wait and resolves when the current round has ended.
 */
export class BackgroundLoop {
  private readonly logger: Logger;
  private running = false;
  private done: Promise<void> = Promise.resolve();
  private wake: (() => void) | undefined;
  private triggered = false;
  private failures = 0;

  constructor(private readonly options: BackgroundLoopOptions) {
    this.logger = options.logger ?? getLogger(`BackgroundLoop:${options.name}`);
  }

  get name(): string {
    return this.options.name;
  }

  get isRunning(): boolean {
    return this.running;
  }

  /** How many rounds in a row have failed (0 after a round that succeeded): readiness reads it. */
  get consecutiveFailures(): number {
    return this.failures;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.done = this.loop();
  }

  /** Runs the next round at once (after the current one, if a round is running). */
  trigger(): void {
    this.triggered = true;
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.done;
  }

  private async loop(): Promise<void> {
    this.failures = 0;
    if (this.options.runAtStart === false) await this.sleep(this.jittered(this.options.intervalMs));
    while (this.running) {
      this.triggered = false;
      let delay: number;
      try {
        const next = await this.options.run();
        this.failures = 0;
        delay = typeof next === 'number' ? next : this.jittered(this.options.intervalMs);
      } catch (error) {
        if (!this.running) break;
        this.failures++;
        const first = this.options.errorDelayMs ?? Math.max(this.options.intervalMs, 100);
        delay = Math.min(first * 2 ** (this.failures - 1), this.options.maxErrorDelayMs ?? MAX_ERROR_DELAY_MS);
        this.logger.error(`${this.options.name}: ${errorMessage(error)}; retrying in ${delay} ms`, { failures: this.failures });
      }
      if (delay > 0 && this.running && !this.triggered) await this.sleep(delay);
    }
  }

  private jittered(ms: number): number {
    const jitter = this.options.jitter ?? 0.1;
    return Math.max(0, Math.round(ms * (1 + jitter * (2 * Math.random() - 1))));
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wake = undefined;
        resolve();
      }, ms);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
    });
  }
}
