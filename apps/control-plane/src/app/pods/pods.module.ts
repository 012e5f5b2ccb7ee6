import { Module } from '@nestjs/common';
import { PodManagerLifecycle } from './pod-manager-lifecycle.service';
import { POD_MANAGER, POD_PROVIDERS } from './pod-manager.provider';
import { DeadLettersController } from './dead-letters.controller';
import { PoolsController } from './pools.controller';
import { WorkflowsModule } from '../workflows/workflows.module';

/** Executor pod management (libs/pods), GET /pools and each pool's dead letter. */
@Module({
  imports: [WorkflowsModule],
  controllers: [PoolsController, DeadLettersController],
  providers: [...POD_PROVIDERS, PodManagerLifecycle],
  exports: [POD_MANAGER],
})
export class PodsModule {}
