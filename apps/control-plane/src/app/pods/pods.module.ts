import { Module } from '@nestjs/common';
import { PodManagerLifecycle } from './pod-manager-lifecycle.service';
import { POD_MANAGER, POD_PROVIDERS } from './pod-manager.provider';
import { DeadLettersController } from './dead-letters.controller';
import { PoolJobsController } from './pool-jobs.controller';
import { PoolsController } from './pools.controller';
import { WorkflowsModule } from '../workflows/workflows.module';

/** Executor pod management (libs/pods), GET /pools, each pool's live queue and its dead letter. */
@Module({
  imports: [WorkflowsModule],
  controllers: [PoolsController, PoolJobsController, DeadLettersController],
  providers: [...POD_PROVIDERS, PodManagerLifecycle],
  exports: [POD_MANAGER],
})
export class PodsModule {}
