import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { JOB_TEMPLATE_MODEL, JobTemplateRecordSchema, MongoTemplateRepository, TEMPLATE_OBSERVER, TEMPLATE_REPOSITORY, TemplateService } from '@base-shift/templates';
import { TemplateMetrics } from '../metrics/template-metrics';
import { JobTemplateMutationsResolver } from './graphql/job-template-mutations.resolver';
import { JobTemplateQueriesResolver } from './graphql/job-template-queries.resolver';
import { TemplatesController } from './http/templates.controller';

/** The Job Template Store: GraphQL (read/write) and REST (read) over the templates lib. */
@Module({
  imports: [MongooseModule.forFeature([{ name: JOB_TEMPLATE_MODEL, schema: JobTemplateRecordSchema }])],
  controllers: [TemplatesController],
  providers: [
    { provide: TEMPLATE_REPOSITORY, useClass: MongoTemplateRepository },
    { provide: TEMPLATE_OBSERVER, useClass: TemplateMetrics },
    TemplateService,
    JobTemplateQueriesResolver,
    JobTemplateMutationsResolver,
  ],
  exports: [TemplateService],
})
export class TemplatesModule {}
