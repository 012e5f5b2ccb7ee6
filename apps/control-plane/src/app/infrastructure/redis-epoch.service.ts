import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { Counter, type Registry } from 'prom-client';
import { errorMessage, getLogger } from '@base-shift/core';
import { METRIC_PREFIX } from '@base-shift/observability';
import { InstallationEpoch, type RedisConnection } from '@base-shift/redis';
import { CONTROL_PLANE_CONFIG, type ControlPlaneConfig } from '../config/control-plane-config';
import { METRICS_REGISTRY } from '../metrics/metrics-registry.token';
import { REDIS } from './redis.tokens';

/**
 * Watches the installation epoch (see InstallationEpoch): a loss of Redis's
 * data is logged once and counted in `base_shift_redis_data_loss_total`, and
 * what a service wrote once at start (the bootstrap admin key) is written again
 * by the listener it registered. Structures read all the time are recreated by
 * their readers (the result consumer recreates its group on NOGROUP).
 */
@Injectable()
export class RedisEpochService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = getLogger(RedisEpochService.name);
  private readonly epoch: InstallationEpoch;
  private readonly listeners: Array<{ name: string; recreate: () => Promise<unknown> }> = [];

  constructor(@Inject(REDIS) redis: RedisConnection, @Inject(CONTROL_PLANE_CONFIG) config: ControlPlaneConfig, @Inject(METRICS_REGISTRY) registry: Registry) {
    const losses = new Counter({
      name: `${METRIC_PREFIX}redis_data_loss_total`,
      help: 'Times this process found that Redis lost its data (the installation epoch changed or vanished)',
      registers: [registry],
    });
    this.epoch = new InstallationEpoch(redis, {
      prefix: config.keyPrefix,
      onLoss: async () => {
        losses.inc();
        await this.recreate();
      },
    });
  }

  /** `recreate` runs after every loss of Redis's data this process notices; `name` names it in logs. */
  onDataLoss(name: string, recreate: () => Promise<unknown>): void {
    this.listeners.push({ name, recreate });
  }

  private async recreate(): Promise<void> {
    for (const { name, recreate } of this.listeners) {
      try {
        await recreate();
        this.logger.info(`recreated after the data loss: ${name}`);
      } catch (error) {
        this.logger.error(`could not recreate ${name} after the data loss: ${errorMessage(error)}`);
      }
    }
  }

  /** Never waits for Redis: the first round reads the epoch once Redis answers. */
  onApplicationBootstrap(): void {
    this.epoch.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.epoch.stop();
  }
}
