import { Module } from '@nestjs/common';
import { PodManagerLifecycle } from './pod-manager-lifecycle.service';
import { POD_MANAGER, POD_PROVIDERS } from './pod-manager.provider';
import { PoolsController } from './pools.controller';

/** Executor pod management (libs/pods) and GET /pools. */
@Module({
  controllers: [PoolsController],
  providers: [...POD_PROVIDERS, PodManagerLifecycle],
  exports: [POD_MANAGER],
})
export class PodsModule {}
