import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { PodManager } from '@base-shift/pods';
import { POD_MANAGER } from './pod-manager.provider';

const RETRY_MS = 5000;

/**
 * Starts pod management with the application (pod watch + leader election; the
 * leader then evaluates every interval) and stops it before Redis closes,
 * releasing leadership so another replica takes over at once. Start-up never
 * blocks the application: an unreachable API server is retried in the background.
 */
@Injectable()
export class PodManagerLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(PodManagerLifecycle.name);
  private starting?: Promise<void>;
  private stopped = false;
  private retry?: NodeJS.Timeout;

  constructor(@Inject(POD_MANAGER) private readonly manager: PodManager | null) {}

  onApplicationBootstrap(): void {
    if (!this.manager) return;
    this.starting = this.start(this.manager);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    await this.starting;
    await this.manager?.stop();
  }

  private async start(manager: PodManager): Promise<void> {
    while (!this.stopped) {
      try {
        await manager.start();
        this.logger.log(`pod management started (${manager.driver.kind} driver)`);
        return;
      } catch (error) {
        this.logger.error(`pod management could not start: ${(error as Error).message}; retrying in ${RETRY_MS / 1000} s`);
        await new Promise<void>((resolve) => (this.retry = setTimeout(resolve, RETRY_MS)));
      }
    }
  }
}
