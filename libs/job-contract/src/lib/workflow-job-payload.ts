import { isJsonObject, type JsonValue } from '@base-shift/core';

/**
 * What the workflow engine puts in each queue job and the executor reads: the
 * job names its pinned template snapshot (see template-snapshots.ts), it does
 * not carry it.
 */
export interface WorkflowJobPayload {
  workflowId: string;
  jobId: string;
  templateId: string;
  version: string;
  input: JsonValue;
  timeoutSeconds?: number;
}

export type ParsedJobPayload = { payload: WorkflowJobPayload } | { problem: string };

/** Checks a payload read from the queue; a problem names the field and the rule. */
export function parseWorkflowJobPayload(payload: unknown): ParsedJobPayload {
  if (!isJsonObject(payload)) return { problem: 'job payload must be an object' };
  for (const field of ['workflowId', 'jobId', 'templateId', 'version'] as const) {
    const value = payload[field];
    if (typeof value !== 'string' || value.length === 0) return { problem: `job payload: ${field} must be a non-empty string` };
  }
  const timeout = payload['timeoutSeconds'];
  if (timeout !== undefined && timeout !== null && (typeof timeout !== 'number' || !(timeout > 0))) {
    return { problem: 'job payload: timeoutSeconds must be a positive number' };
  }
  return {
    payload: {
      workflowId: payload['workflowId'] as string,
      jobId: payload['jobId'] as string,
      templateId: payload['templateId'] as string,
      version: payload['version'] as string,
      input: payload['input'] ?? null,
      ...(typeof timeout === 'number' && { timeoutSeconds: timeout }),
    },
  };
}

/**
 * The template id of a workflow job, from its payload or from the meta the
 * engine enqueues beside it (`{ templateId }`, copied into every result);
 * undefined for anything else. For readers that need only the id (pod
 * management's statistics) and must not refuse other jobs.
 */
export function jobTemplateId(payloadOrMeta: unknown): string | undefined {
  if (!isJsonObject(payloadOrMeta)) return undefined;
  const templateId = payloadOrMeta['templateId'];
  return typeof templateId === 'string' && templateId.length > 0 ? templateId : undefined;
}
