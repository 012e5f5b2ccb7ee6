export { type JobTemplateVersion, type ResolvedTemplate, type TemplateChanges, type TemplateDraft, type VersionSummary } from './lib/model/job-template';
export { InvalidPageError, InvalidTemplateError, TemplateError, TemplateVersionConflictError } from './lib/errors/template-errors';

export { RUN_DEFAULT_LIMITS, TEMPLATE_DOCUMENT_SCHEMA } from './lib/validation/template-document.schema';

export type { TemplateChange, TemplateObserver, TemplateOperation } from './lib/ports/template-observer.port';
export { parseVersionSelector, selectVersion, type VersionSelector } from './lib/versioning/template-versions';
export { JOB_TEMPLATE_MODEL, JobTemplateRecord, JobTemplateRecordSchema } from './lib/adapters/mongo/job-template.record';
export { MongoTemplateRepository } from './lib/adapters/mongo/mongo-template-repository';
export { TemplateService } from './lib/service/template-service';
export type { SecretBindingsLookup } from './lib/validation/validate-template';
export { encodeCursor } from './lib/service/template-cursor';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type TemplateListQuery, type TemplatePage, type TemplatePageItem } from './lib/service/template-listing';
