import { parseWorkflowJobPayload, type WorkflowJobPayload } from '@base-shift/job-contract';
import { InvalidJobPayloadError } from '../errors/executor-errors';

/** The workflow job payload of a leased job; a malformed one fails the job permanently. */
export function parseJobPayload(payload: unknown): WorkflowJobPayload {
  const parsed = parseWorkflowJobPayload(payload);
  if ('problem' in parsed) throw new InvalidJobPayloadError(parsed.problem);
  return parsed.payload;
}
