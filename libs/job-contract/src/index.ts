/**
 * @base-shift/job-contract — what the control plane and the executors agree on
 * about a workflow job: the queue payload and where its template snapshot lives,
 * and the naming rules every project shares (pool names, template ids).
 */
export { jobTemplateId, parseWorkflowJobPayload, type WorkflowJobPayload } from './lib/workflow-job-payload';
export { templateSnapshotField, templateSnapshotsKey } from './lib/template-snapshots';
export { POOL_NAME_PATTERN, POOL_NAME_RULE, TEMPLATE_ID_PATTERN, TEMPLATE_ID_RULE, isPoolName } from './lib/name-rules';
