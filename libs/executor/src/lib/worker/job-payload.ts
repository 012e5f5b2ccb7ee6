import { isJsonObject, type JsonValue } from '@base-shift/steps';
import { InvalidJobPayloadError } from '../errors/executor-errors';

/**
 * What the workflow engine puts in each queue job (libs/workflow
 * WorkflowJobPayload): the job names its template snapshot, it does not carry it.
 */
export interface WorkflowJobPayload {
  workflowId: string;
  jobId: string;
  templateId: string;
  version: string;
  input: JsonValue;
  timeoutSeconds?: number;
}

export function parseJobPayload(payload: unknown): WorkflowJobPayload {
  if (!isJsonObject(payload)) throw new InvalidJobPayloadError('job payload must be an object');
  for (const field of ['workflowId', 'jobId', 'templateId', 'version'] as const) {
    const value = payload[field];
    if (typeof value !== 'string' || value.length === 0) throw new InvalidJobPayloadError(`job payload: ${field} must be a non-empty string`);
  }
  const timeout = payload['timeoutSeconds'];
  if (timeout !== undefined && timeout !== null && (typeof timeout !== 'number' || !(timeout > 0))) {
    throw new InvalidJobPayloadError('job payload: timeoutSeconds must be a positive number');
  }
  return {
    workflowId: payload['workflowId'] as string,
    jobId: payload['jobId'] as string,
    templateId: payload['templateId'] as string,
    version: payload['version'] as string,
    input: payload['input'] ?? null,
    ...(typeof timeout === 'number' && { timeoutSeconds: timeout }),
  };
}
