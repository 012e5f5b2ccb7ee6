import { errorMessage, getLogger } from '@base-shift/core';
import { BackgroundLoop } from '@base-shift/redis';
import type { LeaderElector } from './leader-elector.port';

export interface LeadershipOptions {
  /** Time between attempts (acquire as follower, renew as leader). */
  retryPeriodMs: number;
  /** A leader that could not renew for this long steps down; must be shorter than the lease duration. */
  renewDeadlineMs: number;
  clock?: () => number;
}

export interface LeadershipCallbacks {
  onStartedLeading(): void | Promise<void>;
  onStoppedLeading(): void | Promise<void>;
}

/**
 * Runs an elector every retryPeriodMs and turns its answers into started/stopped
 * leading. A leader steps down as soon as a renewal is refused, and when it
 * could not reach the lease store for renewDeadlineMs, which is shorter than the
 * lease: it stops acting before any follower can take over.
 */
export class Leadership {
  private readonly logger = getLogger(Leadership.name);
  private readonly clock: () => number;
  private readonly attempts: BackgroundLoop;
  private leading = false;
  private lastRenewal = 0;
  private running?: Promise<boolean>;
  private stopped = false;

  constructor(
    readonly elector: LeaderElector,
    private readonly options: LeadershipOptions,
    private readonly callbacks: LeadershipCallbacks,
  ) {
    if (options.renewDeadlineMs >= elector.leaseDurationMs) {
      throw new Error(`renewDeadlineMs (${options.renewDeadlineMs}) must be shorter than the lease duration (${elector.leaseDurationMs})`);
    }
    this.clock = options.clock ?? Date.now;
    // The first attempt at once; each attempt handles its own errors (a failed renewal counts towards renewDeadlineMs).
    this.attempts = new BackgroundLoop({
      name: 'leader election',
      intervalMs: options.retryPeriodMs,
      logger: this.logger,
      run: async () => {
        await this.tick();
      },
    });
  }

  get isLeader(): boolean {
    return this.leading;
  }

  start(): void {
    if (this.stopped) return;
    this.attempts.start();
  }

  /** One attempt; resolves to whether this replica leads afterwards. Tests call it to drive elections. */
  tick(): Promise<boolean> {
    this.running ??= this.attempt().finally(() => (this.running = undefined));
    return this.running;
  }

  /** Stops attempting; a leader steps down, and with `release` gives the lease up for a fast takeover. */
  async stop(options: { release: boolean }): Promise<void> {
    this.stopped = true;
    await this.attempts.stop();
    await this.running;
    if (this.leading) await this.stepDown('shutting down');
    if (options.release) {
      await this.elector.release().catch((error: unknown) => this.logger.warn(`could not release leadership: ${errorMessage(error)}`));
    }
  }

  private async attempt(): Promise<boolean> {
    if (this.stopped) return false;
    try {
      const leads = await this.elector.tryAcquireOrRenew();
      if (leads) {
        this.lastRenewal = this.clock();
        if (!this.leading) {
          this.leading = true;
          this.logger.info(`${this.elector.identity} is now the leader`);
          await this.callbacks.onStartedLeading();
        }
      } else if (this.leading) {
        await this.stepDown('the lease is held by another replica');
      }
    } catch (error) {
      this.logger.warn(`leader election attempt failed: ${errorMessage(error)}`);
      if (this.leading && this.clock() - this.lastRenewal >= this.options.renewDeadlineMs) {
        await this.stepDown(`no renewal for ${this.options.renewDeadlineMs} ms`);
      }
    }
    return this.leading;
  }

  private async stepDown(why: string): Promise<void> {
    this.leading = false;
    this.logger.warn(`${this.elector.identity} stopped leading: ${why}`);
    await this.callbacks.onStoppedLeading();
  }
}
