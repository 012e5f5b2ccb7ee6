export { toJobError, type JobErrorValue } from './lib/domain/job-error';
export { WORKFLOW_STATES, type WorkflowState, JOB_STATES } from './lib/domain/workflow-states';

export {
  WorkflowError,
  WorkflowValidationError,
  WorkflowTooLargeError,
  WorkflowNotFoundError,
  WorkflowNotFinishedError,
  IllegalTransitionError,
} from './lib/domain/workflow-errors';

export { MAX_INPUT_DEPTH, MAX_RETENTION_SECONDS, WORKFLOW_REQUEST_SCHEMA, type CreateWorkflowRequest } from './lib/definition/workflow-request.schema';
export { CANCEL_WORKFLOW_REQUEST_SCHEMA, JOB_UPDATE_REQUEST_SCHEMA, type CancelWorkflowRequest } from './lib/definition/job-requests.schema';

export { parseCancelRequest, parseJobUpdateRequest } from './lib/definition/parse-job-requests';

export { WorkflowKeys } from './lib/store/workflow-keys';
export { WorkflowStore } from './lib/store/workflow-store';

export { WorkflowIndex, type WorkflowPage } from './lib/store/workflow-index';
export { WorkflowTimers } from './lib/store/workflow-timers';
export { RetentionBackfill } from './lib/store/retention-backfill';
export type { WorkflowRecord, JobRecord, HistoryEntry } from './lib/store/workflow-record';

export { DEFAULT_RETENTION_SECONDS, WorkflowEngine } from './lib/engine/workflow-engine';
export { DEFAULT_MAX_JOB_INPUT_BYTES, DEFAULT_MAX_STORED_BYTES } from './lib/engine/workflow-size';
export type { WorkflowObserver, AppliedJobResult } from './lib/engine/workflow-observer';
export { WorkflowResultConsumer } from './lib/engine/workflow-result-consumer';
export { TimerSweeper } from './lib/engine/timer-sweeper';

export { WorkflowEvents } from './lib/events/workflow-events';
export { streamWorkflowEvents } from './lib/events/workflow-event-stream';
export { TemplateServiceResolver, type TemplateLookup } from './lib/adapters/template-service-resolver';
export {
  CachedTemplateResolver,
  DEFAULT_TEMPLATE_CACHE_SIZE,
  type TemplateCacheOptions,
  type TemplateGenerationSource,
} from './lib/adapters/template-cache/cached-template-resolver';
export { TemplateGeneration } from './lib/adapters/template-cache/template-generation';
export { QueueAdapter } from './lib/adapters/queue-adapter';
