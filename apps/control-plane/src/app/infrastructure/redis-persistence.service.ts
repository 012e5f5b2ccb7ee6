import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { Gauge, type Registry } from 'prom-client';
import { errorMessage, getLogger } from '@base-shift/core';
import { METRIC_PREFIX } from '@base-shift/observability';
import { checkRedisPersistence, PERSISTENCE_SETTINGS, type RedisConnection } from '@base-shift/redis';
import { METRICS_REGISTRY } from '../metrics/metrics-registry.token';
import { REDIS } from './redis.tokens';

/** How often the check is retried while Redis does not answer. */
const RETRY_MS = 5000;

/**
 * Persistence is a requirement (README, "Operations: Redis"): once at start,
 * reads Redis's settings (CONFIG GET, see checkRedisPersistence) and warns
 * about each one that can lose data, setting
 * `base_shift_redis_persistence_risk{setting}` to 1 (0 when fine). A Redis that
 * refuses CONFIG (the ACL users are not granted it; managed services) is read
 * through INFO, which tells all but appendfsync; what stays unknown is logged
 * once at info and has no gauge sample. Never blocks the start: retried in the background until Redis answers.
 */
@Injectable()
export class RedisPersistenceService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = getLogger(RedisPersistenceService.name);
  private readonly risk: Gauge<'setting'>;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private running: Promise<void> | undefined;

  constructor(
    @Inject(REDIS) private readonly redis: RedisConnection,
    @Inject(METRICS_REGISTRY) registry: Registry,
  ) {
    this.risk = new Gauge({
      name: `${METRIC_PREFIX}redis_persistence_risk`,
      help: 'Whether a Redis setting can lose data (1) or not (0), as read at start: appendonly, appendfsync, maxmemory-policy',
      labelNames: ['setting'],
      registers: [registry],
    });
  }

  onApplicationBootstrap(): void {
    this.running = this.attempt();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** One check; on an error other than a refusal (Redis down), tries again later. */
  private async attempt(): Promise<void> {
    if (this.stopped) return;
    try {
      await this.check();
    } catch (error) {
      if (this.stopped) return;
      this.logger.debug(`could not read Redis's persistence settings yet: ${errorMessage(error)}`);
      this.timer = setTimeout(() => (this.running = this.attempt()), RETRY_MS);
      this.timer.unref();
    }
  }

  /** Reads the settings now, logs and sets the gauge; exposed for tests. */
  async check(): Promise<void> {
    const result = await checkRedisPersistence(this.redis);
    if (result.unchecked.length > 0) {
      this.logger.info(
        `could not check Redis's ${result.unchecked.join(', ')} (${result.refusal ?? 'not reported'}); make sure it runs with appendonly yes, appendfsync everysec and maxmemory-policy noeviction`,
      );
    }
    for (const setting of PERSISTENCE_SETTINGS) if (!result.unchecked.includes(setting)) this.risk.set({ setting }, 0);
    for (const problem of result.problems) {
      this.risk.set({ setting: problem.setting }, 1);
      this.logger.warn(`Redis can lose data: ${problem.setting} is ${problem.value} (${problem.risk})`, { setting: problem.setting, value: problem.value });
    }
  }
}
