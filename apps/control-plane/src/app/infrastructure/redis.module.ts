import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { createRedisConnection, type RedisConnection } from '@base-shift/redis';
import { CONTROL_PLANE_CONFIG, type ControlPlaneConfig } from '../config/control-plane-config';

export const REDIS = Symbol('REDIS');

@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [CONTROL_PLANE_CONFIG],
      useFactory: (config: ControlPlaneConfig): RedisConnection => createRedisConnection(config.redisUrl, { connectionName: 'base-shift:control-plane' }),
    },
  ],
  exports: [REDIS],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: RedisConnection) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
