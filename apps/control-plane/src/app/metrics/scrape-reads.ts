import { Logger } from '@nestjs/common';
import { Counter, type Registry } from 'prom-client';
import { METRIC_PREFIX } from '@base-shift/observability';
import { withTimeout } from '@base-shift/core';

/** A scrape must answer even while Redis is down: that is when the other metrics matter most. */
const READ_TIMEOUT_MS = 2000;

/**
 * Reads made at scrape time by collect callbacks (workflows per state, queue
 * counts): bounded in time, shared by the gauges of one scrape, and counted
 * instead of failing the scrape when they fail.
 */
export class ScrapeReads {
  private readonly logger = new Logger(ScrapeReads.name);
  private readonly failures: Counter<'source'>;
  /** Reads in flight: the gauges of one scrape (collected together) share them; the next scrape reads afresh. */
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(registry: Registry) {
    this.failures = new Counter({
      name: `${METRIC_PREFIX}metrics_collect_failures_total`,
      help: 'Reads made at scrape time that failed or timed out (their gauges are left out of that scrape), by source.',
      labelNames: ['source'],
      registers: [registry],
    });
  }

  /** The value of `read`, or undefined when it failed or timed out. */
  async read<T>(source: string, read: () => Promise<T>): Promise<T | undefined> {
    let pending = this.inFlight.get(source) as Promise<T> | undefined;
    if (!pending) {
      pending = withTimeout(read(), READ_TIMEOUT_MS).finally(() => this.inFlight.delete(source));
      this.inFlight.set(source, pending);
      pending.catch((error: Error) => {
        this.failures.inc({ source });
        this.logger.warn(`reading ${source} for /metrics failed: ${error.message}`);
      });
    }
    try {
      return await pending;
    } catch {
      return undefined;
    }
  }
}
