/**
 * Schemas of the REST contract that no class describes: an arbitrary JSON
 * value, the problem+json body every error leaves with, and the SSE events.
 * openapi.ts adds them to `components.schemas`; properties point at them with
 * `schemaRef(name)`. Written in OpenAPI 3.1 (JSON Schema 2020-12) directly.
 */

export const PROBLEM_JSON = 'application/problem+json';

/** A reference to a component schema (shared here, or generated from a class). */
export function schemaRef(name: string): { $ref: string } {
  return { $ref: `#/components/schemas/${name}` };
}

const HISTORY_ENTRY_EXAMPLE = { seq: 3, at: '2026-01-31T10:00:02.000Z', kind: 'job', jobId: 'payment_processing', from: 'QUEUED', to: 'RUNNING', attempt: 1 };

export const SHARED_SCHEMAS = {
  JsonValue: {
    description: 'Any JSON value: an object, an array, a string, a number, a boolean or null.',
    type: ['object', 'array', 'string', 'number', 'boolean', 'null'],
    // Not recursive ($ref to itself): TypeScript generators would emit a type alias that references itself.
    additionalProperties: true,
    items: true,
  },
  JsonObject: {
    description: 'A JSON object with members of any JSON type.',
    type: 'object',
    additionalProperties: true,
  },
  ProblemFieldError: {
    description: 'One problem of a refused request.',
    type: 'object',
    required: ['message'],
    properties: {
      pointer: {
        type: 'string',
        description: 'RFC 6901 JSON Pointer to the member at fault in the body or the query string (e.g. /jobs/0/templateId, /limit).',
      },
      header: { type: 'string', description: 'The request header at fault, when it is a header (e.g. Idempotency-Key).' },
      message: { type: 'string', description: 'The rule the value breaks.' },
    },
    examples: [{ pointer: '/jobs/0/templateId', message: 'is required' }],
  },
  ProblemDetails: {
    description:
      'RFC 9457 problem details (application/problem+json): the body of every 4xx and 5xx answer. Further members (code, missingScope, retryAfterSeconds, …) depend on the problem.',
    type: 'object',
    required: ['type', 'title', 'status', 'detail'],
    additionalProperties: true,
    properties: {
      type: { type: 'string', description: 'A URI naming the problem type; about:blank when the status says it all.' },
      title: { type: 'string', description: 'Short summary of the problem type.' },
      status: { type: 'integer', minimum: 400, maximum: 599, description: 'The HTTP status code.' },
      detail: { type: 'string', description: 'What went wrong with this request, in one sentence.' },
      instance: { type: 'string', description: 'The request path and query the problem occurred at.' },
      code: { type: 'string', description: 'Stable machine-readable code of a domain error (e.g. WORKFLOW.ILLEGAL_TRANSITION).' },
      errors: { type: 'array', description: 'One entry per problem of the request (400).', items: schemaRef('ProblemFieldError') },
    },
    examples: [
      {
        type: 'about:blank',
        title: 'Invalid workflow',
        status: 400,
        detail: 'The workflow definition is invalid',
        instance: '/workflows',
        code: 'WORKFLOW.VALIDATION_FAILED',
        errors: [{ pointer: '/jobs/0/templateId', message: 'is required' }],
      },
    ],
  },
  JobError: {
    description:
      "Why a job FAILED, always an object: `message`, plus `code` and `step` when an executor reported the failure (its `retryable` and `details` kept), or the members a PUT sent (a string sent as `error` is stored as {message: <string>}). A job whose output or resolved input broke the template's schema lists the problems in `errors`.",
    type: 'object',
    required: ['message'],
    additionalProperties: true,
    properties: {
      message: { type: 'string', description: 'What went wrong.' },
      code: { type: 'string', description: "Stable code of the executor's error (e.g. EXECUTOR.HTTP_CLIENT_ERROR)." },
      step: { type: 'string', description: 'The template step that failed.' },
      retryable: { type: 'boolean', description: 'Whether the executor judged another attempt might succeed.' },
      details: { ...schemaRef('JsonValue'), description: "The executor's report: code, step and its own details." },
      errors: { type: 'array', description: 'Schema problems of the output or the resolved input.', items: schemaRef('ProblemFieldError') },
    },
    examples: [
      {
        message: 'card declined',
        code: 'EXECUTOR.HTTP_CLIENT_ERROR',
        step: 'charge',
        retryable: false,
        details: { code: 'EXECUTOR.HTTP_CLIENT_ERROR', step: 'charge' },
      },
    ],
  },
  WorkflowTransitionEvent: {
    description:
      'The one event type of GET /workflows/{id}/events: `event: transition`, `id:` the seq (send it back as Last-Event-ID to resume), `data:` one HistoryEntry as JSON.',
    type: 'object',
    required: ['event', 'id', 'data'],
    properties: {
      event: { type: 'string', const: 'transition', description: 'The SSE event name.' },
      id: { type: 'string', pattern: '^\\d+$', description: 'The SSE event id: the seq of the transition.' },
      data: { $ref: '#/components/schemas/HistoryEntryResponse', description: 'The transition, as JSON on the data line.' },
    },
    examples: [{ event: 'transition', id: '3', data: HISTORY_ENTRY_EXAMPLE }],
  },
  WorkflowEvent: {
    description:
      'An event of the workflow stream (text/event-stream), by its `event` name; the stream ends once the workflow is COMPLETED, FAILED or CANCELLED.',
    oneOf: [{ $ref: '#/components/schemas/WorkflowTransitionEvent' }],
    discriminator: { propertyName: 'event', mapping: { transition: '#/components/schemas/WorkflowTransitionEvent' } },
  },
} as const;
