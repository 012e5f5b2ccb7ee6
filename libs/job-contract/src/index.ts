/**
 * @base-shift/job-contract — what the control plane and the executors agree on
 * about a workflow job: the queue payload and where its template snapshot lives.
 */
export { parseWorkflowJobPayload, type ParsedJobPayload, type WorkflowJobPayload } from './lib/workflow-job-payload';
export { templateSnapshotField, templateSnapshotsKey } from './lib/template-snapshots';
