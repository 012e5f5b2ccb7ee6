export { type JobTemplateVersion, type ResolvedTemplate, type TemplateChanges, type TemplateDraft } from './lib/model/job-template';
export { InvalidTemplateError, TemplateError, TemplateVersionConflictError } from './lib/errors/template-errors';

export { RUN_DEFAULT_LIMITS } from './lib/validation/template-document.schema';

export type { TemplateObserver, TemplateOperation } from './lib/ports/template-observer.port';
export { JOB_TEMPLATE_MODEL, JobTemplateRecord, JobTemplateRecordSchema } from './lib/adapters/mongo/job-template.record';
export { MongoTemplateRepository } from './lib/adapters/mongo/mongo-template-repository';
export { TemplateService } from './lib/service/template-service';
export type { SecretBindingsLookup } from './lib/validation/validate-template';
export { encodeCursor } from './lib/service/template-cursor';
export { DEFAULT_PAGE_SIZE } from './lib/service/template-listing';
