import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { getModelToken, MongooseModule } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { JOB_TEMPLATE_MODEL, JobTemplateRecordSchema, MongoTemplateRepository, TemplateService, type JobTemplateRecord } from '@base-shift/templates';
import type { RedisConnection } from '@base-shift/redis';
import { TemplateGeneration } from '@base-shift/workflow';
import { CONTROL_PLANE_CONFIG, type ControlPlaneConfig } from '../config/control-plane-config';
import { REDIS } from '../infrastructure/redis.tokens';
import { poolSecretBindings } from '../config/pods-config';
import { TemplateMetrics } from '../metrics/template-metrics';
import { JobTemplateMutationsResolver } from './graphql/job-template-mutations.resolver';
import { JobTemplateQueriesResolver } from './graphql/job-template-queries.resolver';
import { TemplatesController } from './http/templates.controller';
import { JsonContentTypeMiddleware } from '../workflows/http/json-content-type.middleware';

/** The Job Template Store: GraphQL (read/write) and REST (create, read) over the templates lib. */
@Module({
  imports: [MongooseModule.forFeature([{ name: JOB_TEMPLATE_MODEL, schema: JobTemplateRecordSchema }])],
  controllers: [TemplatesController],
  providers: [
    TemplateMetrics,
    // Every replica's template cache (the workflow engine's resolver) watches it; every change here bumps it.
    {
      provide: TemplateGeneration,
      inject: [REDIS, CONTROL_PLANE_CONFIG],
      useFactory: (redis: RedisConnection, config: ControlPlaneConfig) => new TemplateGeneration(redis, () => redis.duplicate(), config.keyPrefix),
    },
    // The lib is framework-free: its service is built here, on the Mongo adapter, reporting refusals to the metrics
    // and stored changes to the template generation, refusing templates that send a secret where the pools' bindings do not allow it.
    {
      provide: TemplateService,
      inject: [getModelToken(JOB_TEMPLATE_MODEL), TemplateMetrics, TemplateGeneration, CONTROL_PLANE_CONFIG],
      useFactory: (model: Model<JobTemplateRecord>, metrics: TemplateMetrics, generation: TemplateGeneration, config: ControlPlaneConfig) =>
        new TemplateService(
          new MongoTemplateRepository(model),
          { validationFailed: (operation) => metrics.validationFailed(operation), templateChanged: (change) => generation.bump(change.templateId) },
          poolSecretBindings(config),
        ),
    },
    JobTemplateQueriesResolver,
    JobTemplateMutationsResolver,
  ],
  exports: [TemplateService, TemplateGeneration],
})
export class TemplatesModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // A urlencoded body must not slip through as an object: POST /templates takes JSON only (415 otherwise).
    consumer.apply(JsonContentTypeMiddleware).forRoutes({ path: 'templates', method: RequestMethod.POST });
  }
}
