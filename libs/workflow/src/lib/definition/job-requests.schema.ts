import type { JsonObject, JsonValue } from '@base-shift/core';
import type { JsonSchema } from '@base-shift/steps';

/*
 * The other two request bodies of the workflow API, stated once like
 * WORKFLOW_REQUEST_SCHEMA: parse-job-requests.ts validates with them and the
 * API publishes them, so they keep to JSON Schema 2020-12 ∩ OpenAPI 3.0.
 */

export const SETTABLE_JOB_STATUSES = ['RUNNING', 'SUCCEEDED', 'FAILED'] as const;

/** `PUT /workflows/{id}/jobs/{jobId}` body. */
export interface JobUpdateRequest {
  status: (typeof SETTABLE_JOB_STATUSES)[number];
  output?: JsonValue;
  error?: string | JsonObject;
  attempt?: number;
}

/** `POST /workflows/{id}/cancel` body (optional). */
export interface CancelWorkflowRequest {
  reason?: string;
}

export const JOB_UPDATE_REQUEST_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['status'],
  additionalProperties: false,
  properties: {
    status: { type: 'string', enum: [...SETTABLE_JOB_STATUSES], description: 'Checked against the job state machine (409 on an illegal move).' },
    output: { description: 'SUCCEEDED: the job output (default {}), validated against the template outputSchema (400 if it does not match).' },
    error: {
      oneOf: [{ type: 'string' }, { type: 'object', additionalProperties: true }],
      description: 'FAILED: a message (stored as {"message": <the string>}) or an object with a `message` (and any other members, such as `code`).',
    },
    attempt: { type: 'integer', minimum: 0, description: "The job's current attempt as last read; a different one is refused (409)." },
  } satisfies Record<keyof JobUpdateRequest, JsonSchema>,
};

export const CANCEL_WORKFLOW_REQUEST_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    reason: { type: 'string', maxLength: 500, description: 'Recorded as the reason of the CANCELLED transition.' },
  } satisfies Record<keyof CancelWorkflowRequest, JsonSchema>,
};
