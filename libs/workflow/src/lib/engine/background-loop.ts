import { Logger } from '@nestjs/common';

const MAX_ERROR_DELAY_MS = 30_000;

/**
 * Runs `step` until stopped. `step` says how long to wait before the next
 * round (0 = at once); errors are logged and retried after `errorDelayMs`,
 * doubling while they repeat (a Redis outage is not a busy loop of errors).
 * `stop()` interrupts a wait at once and resolves when the current round ended.
 */
export class BackgroundLoop {
  private readonly logger: Logger;
  private running = false;
  private done: Promise<void> = Promise.resolve();
  private wake: (() => void) | undefined;

  constructor(
    readonly name: string,
    private readonly step: () => Promise<number>,
    private readonly errorDelayMs = 1000,
  ) {
    this.logger = new Logger(`BackgroundLoop:${name}`);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.done = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.done;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      let delay: number;
      try {
        delay = await this.step();
        failures = 0;
      } catch (error) {
        if (!this.running) break;
        failures++;
        delay = Math.min(this.errorDelayMs * 2 ** (failures - 1), MAX_ERROR_DELAY_MS);
        this.logger.error(`${this.name}: ${(error as Error).message}; retrying in ${delay} ms`);
      }
      if (delay > 0 && this.running) await this.sleep(delay);
    }
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
