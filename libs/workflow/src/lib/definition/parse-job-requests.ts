import { createDocumentValidator, type DocumentValidator } from '@base-shift/steps';
import { WorkflowValidationError } from '../domain/workflow-errors';
import { CANCEL_WORKFLOW_REQUEST_SCHEMA, JOB_UPDATE_REQUEST_SCHEMA, type CancelWorkflowRequest, type JobUpdateRequest } from './job-requests.schema';

const checkJobUpdate = createDocumentValidator(JOB_UPDATE_REQUEST_SCHEMA);
const checkCancel = createDocumentValidator(CANCEL_WORKFLOW_REQUEST_SCHEMA);

/** A job update body as its schema allows it; else WorkflowValidationError naming every problem. */
export function parseJobUpdateRequest(body: unknown): JobUpdateRequest {
  return checked(checkJobUpdate, body, 'The job update is invalid') as JobUpdateRequest;
}

/** A cancel body; none at all is an empty one. */
export function parseCancelRequest(body: unknown): CancelWorkflowRequest {
  return checked(checkCancel, body ?? {}, 'The cancel request is invalid') as CancelWorkflowRequest;
}

function checked(check: DocumentValidator, body: unknown, summary: string): unknown {
  const problems = check(body);
  if (problems.length > 0) throw new WorkflowValidationError(problems, summary);
  return body;
}
