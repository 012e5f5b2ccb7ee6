import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { JobQueue } from '@base-shift/queue';
import { createRedisConnection, type RedisConnection } from '@base-shift/redis';
import { CONTROL_PLANE_CONFIG, type ControlPlaneConfig } from '../config/control-plane-config';
import { ProgressChecks } from '../health/progress-checks';
import { RedisEpochService } from './redis-epoch.service';
import { RedisPersistenceService } from './redis-persistence.service';
import { REDIS } from './redis.tokens';

export { REDIS };

@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [CONTROL_PLANE_CONFIG],
      useFactory: (config: ControlPlaneConfig): RedisConnection => createRedisConnection(config.redisUrl, { connectionName: 'base-shift:control-plane' }),
    },
    // The one JobQueue of the process: the engine, the metrics, GET /pools and the pod manager share it.
    {
      provide: JobQueue,
      inject: [REDIS, CONTROL_PLANE_CONFIG],
      useFactory: (redis: RedisConnection, config: ControlPlaneConfig) => new JobQueue(redis, { pools: config.pools, prefix: config.keyPrefix }),
    },
    RedisEpochService,
    RedisPersistenceService,
    ProgressChecks,
  ],
  exports: [REDIS, JobQueue, ProgressChecks, RedisEpochService],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: RedisConnection) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
