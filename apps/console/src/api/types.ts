// The console's names for the API's shapes, all read from the typed client's
// generated OpenAPI types (one source: apps/control-plane/openapi.json).
import type { RestBody, components } from '@base-shift/client';

export type Workflow = RestBody<'/workflows/{id}', 'get'>;
export type WorkflowSummary = components['schemas']['WorkflowSummaryResponse'];
export type WorkflowState = Workflow['state'];
export type Job = components['schemas']['JobResponse'];
export type JobState = Job['state'];
export type HistoryEntry = components['schemas']['HistoryEntryResponse'];
export type Pool = components['schemas']['PoolResponse'];
export type PoolDetail = components['schemas']['PoolDetailResponse'];
export type DeadLetter = components['schemas']['DeadLetterResponse'];
export type PoolJob = components['schemas']['PoolJobResponse'];

export const WORKFLOW_STATES: readonly WorkflowState[] = ['INITIALIZED', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED'];
export const FINISHED_WORKFLOW_STATES: readonly WorkflowState[] = ['COMPLETED', 'FAILED', 'CANCELLED'];
export const FINISHED_JOB_STATES: readonly string[] = ['SUCCEEDED', 'FAILED', 'CANCELLED', 'TIMED_OUT'];
