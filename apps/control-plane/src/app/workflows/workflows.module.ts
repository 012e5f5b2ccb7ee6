import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { TemplatesModule } from '../templates/templates.module';
import { JsonContentTypeMiddleware } from './http/json-content-type.middleware';
import { WorkflowBackgroundService } from './workflow-background.service';
import { WorkflowEngine } from '@base-shift/workflow';
import { WORKFLOW_ENGINE_PROVIDERS } from './workflow-engine.providers';
import { WORKFLOW_METRICS_PROVIDERS } from './workflow-metrics.providers';
import { WorkflowEventsController } from './workflow-events.controller';
import { WorkflowJobsController } from './workflow-jobs.controller';
import { WorkflowsController } from './workflows.controller';

/** The Workflow Manager's REST API over the workflow lib (engine, store, events). */
@Module({
  imports: [TemplatesModule],
  controllers: [WorkflowsController, WorkflowJobsController, WorkflowEventsController],
  providers: [...WORKFLOW_ENGINE_PROVIDERS, ...WORKFLOW_METRICS_PROVIDERS, WorkflowBackgroundService],
  // The dead letters' API shows workflow job payloads through the engine (writeOnly fields left out).
  exports: [WorkflowEngine],
})
export class WorkflowsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(JsonContentTypeMiddleware)
      .forRoutes({ path: 'workflows', method: RequestMethod.POST }, { path: 'workflows/*path', method: RequestMethod.ALL });
  }
}
