import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { getModelToken, MongooseModule } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { JOB_TEMPLATE_MODEL, JobTemplateRecordSchema, MongoTemplateRepository, TemplateService, type JobTemplateRecord } from '@base-shift/templates';
import { CONTROL_PLANE_CONFIG, type ControlPlaneConfig } from '../config/control-plane-config';
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
    // The lib is framework-free: its service is built here, on the Mongo adapter, reporting to the metrics,
    // refusing templates that send a secret where the pools' bindings do not allow it.
    {
      provide: TemplateService,
      inject: [getModelToken(JOB_TEMPLATE_MODEL), TemplateMetrics, CONTROL_PLANE_CONFIG],
      useFactory: (model: Model<JobTemplateRecord>, metrics: TemplateMetrics, config: ControlPlaneConfig) =>
        new TemplateService(new MongoTemplateRepository(model), metrics, poolSecretBindings(config)),
    },
    JobTemplateQueriesResolver,
    JobTemplateMutationsResolver,
  ],
  exports: [TemplateService],
})
export class TemplatesModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // A urlencoded body must not slip through as an object: POST /templates takes JSON only (415 otherwise).
    consumer.apply(JsonContentTypeMiddleware).forRoutes({ path: 'templates', method: RequestMethod.POST });
  }
}
