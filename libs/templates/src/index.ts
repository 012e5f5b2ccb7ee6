export {
  DEFAULT_RUN_DEFAULTS,
  type JobStep,
  type JobTemplateVersion,
  type ResolvedTemplate,
  type RunDefaults,
  type TemplateChanges,
  type TemplateContent,
  type TemplateDraft,
  type VersionSummary,
} from './lib/model/job-template';
export {
  InvalidTemplateError,
  TemplateAlreadyExistsError,
  TemplateError,
  TemplateNotFoundError,
  TemplateVersionConflictError,
  type TemplateErrorCode,
} from './lib/errors/template-errors';
export {
  FIRST_VERSION,
  VERSION_BUMPS,
  bumpVersion,
  highestVersion,
  parseVersionSelector,
  selectVersion,
  sortNewestFirst,
  versionProblem,
  type VersionBump,
  type VersionSelector,
} from './lib/versioning/template-versions';
export { templateRequiredSecrets, validateTemplateDocument } from './lib/validation/validate-template';
export { RUN_DEFAULT_LIMITS, TEMPLATE_DOCUMENT_SCHEMA, TEMPLATE_ID_PATTERN } from './lib/validation/template-document.schema';
export {
  DuplicateTemplateVersionError,
  TEMPLATE_REPOSITORY,
  type TemplateIdQuery,
  type TemplateRepository,
} from './lib/ports/template-repository.port';
export { TEMPLATE_OBSERVER, type TemplateObserver, type TemplateOperation } from './lib/ports/template-observer.port';
export { JOB_TEMPLATE_MODEL, JobTemplateRecord, JobTemplateRecordSchema } from './lib/adapters/mongo/job-template.record';
export { MongoTemplateRepository } from './lib/adapters/mongo/mongo-template-repository';
export { TemplateService, type PublishRequest } from './lib/service/template-service';
export { decodeCursor, encodeCursor } from './lib/service/template-cursor';
export {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  type TemplateFilter,
  type TemplateListQuery,
  type TemplatePage,
  type TemplatePageItem,
} from './lib/service/template-listing';
