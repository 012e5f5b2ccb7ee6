import type { JsonObject } from '@base-shift/core';
import { TEMPLATE_ID_PATTERN, TEMPLATE_ID_RULE } from '@base-shift/job-contract';
import type { JsonSchema } from '@base-shift/steps';
import { RUN_DEFAULT_LIMITS } from '@base-shift/templates';

/*
 * `POST /workflows`, stated once: validateWorkflowDefinition checks a body with
 * this schema (then what a schema cannot say: input depth, unique ids, known
 * dependsOn, no cycles, references) and the API publishes it as the OpenAPI request
 * body. It therefore keeps to what JSON Schema 2020-12 and OpenAPI 3.0's Schema
 * Object (what @nestjs/swagger emits) share: one `type` per schema, no
 * `const`, `$defs`, `examples`, `nullable` or custom keywords.
 */

export const JOB_ID_PATTERN = '^[A-Za-z][A-Za-z0-9_-]{0,63}$';
export const MAX_JOBS_PER_WORKFLOW = 200;
/** Inputs nest at most this deep, so every walker (refs, schemas, JSON) stays far from the stack limit. */
export const MAX_INPUT_DEPTH = 32;
const MAX_TIMEOUT_SECONDS = 30 * 24 * 3600;
/** Upper bound of `retentionSeconds` (a year); a deployment's WORKFLOW_RETENTION_SECONDS is the real limit. */
export const MAX_RETENTION_SECONDS = 31_536_000;
const PRIORITY = { type: 'number', ...RUN_DEFAULT_LIMITS.priority };
const NOT_BLANK = '\\S';

/** One job of a create request, as the API receives it. */
export interface JobRequest {
  id: string;
  templateId: string;
  /** Exact version or semver range; absent = latest non-prerelease. */
  version?: string;
  input?: JsonObject;
  priority?: number;
  dependsOn?: string[];
}

/** `POST /workflows` body (or built directly by a caller). */
export interface CreateWorkflowRequest {
  name?: string;
  input?: JsonObject;
  priority?: number;
  /** Whole-workflow deadline, counted from creation. */
  timeoutSeconds?: number;
  /** Keep the finished workflow this long at most (less than the deployment's WORKFLOW_RETENTION_SECONDS, never more). */
  retentionSeconds?: number;
  jobs: JobRequest[];
}

const JOB_REQUEST_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['id', 'templateId'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', pattern: JOB_ID_PATTERN, description: 'Unique within the workflow: a letter, then up to 63 letters, digits, "_" or "-".' },
    templateId: { type: 'string', pattern: TEMPLATE_ID_PATTERN, description: `The job template: ${TEMPLATE_ID_RULE}.` },
    version: {
      type: 'string',
      maxLength: 100,
      pattern: NOT_BLANK,
      description: 'Exact version or semver range; absent = highest released, non-deprecated version. The resolved version is pinned.',
    },
    input: {
      type: 'object',
      // Said explicitly (it is the default) so generated clients type the members as any JSON, not as none.
      additionalProperties: true,
      description:
        `JSON object, nested at most ${MAX_INPUT_DEPTH} levels. Anywhere inside, {"$from": "input.<path>"} takes a value from the workflow input and ` +
        '{"$from": "jobs.<jobId>.output.<path>"} from the output of a job that runs before this one; resolved when the job is enqueued.',
    },
    priority: { ...PRIORITY, description: 'Overrides the workflow priority and the template default; higher runs first.' },
    dependsOn: {
      type: 'array',
      maxItems: MAX_JOBS_PER_WORKFLOW,
      items: { type: 'string', pattern: JOB_ID_PATTERN },
      description: 'Ids of jobs that must succeed first. When no job of the workflow sets dependsOn, jobs run one after another in list order.',
    },
  } satisfies Record<keyof JobRequest, JsonSchema>,
};

export const WORKFLOW_REQUEST_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['jobs'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', maxLength: 200, pattern: NOT_BLANK, description: 'Shown in lists; at most 200 characters, not blank.' },
    input: {
      type: 'object',
      additionalProperties: true,
      description: `The workflow input (a JSON object nested at most ${MAX_INPUT_DEPTH} levels), referenced by jobs as {"$from": "input.<path>"}.`,
    },
    priority: { ...PRIORITY, description: "Priority of every job that sets none; default: each template's. Higher runs first." },
    timeoutSeconds: {
      type: 'integer',
      minimum: 1,
      maximum: MAX_TIMEOUT_SECONDS,
      description: 'Whole-workflow deadline in seconds from creation; exceeded = FAILED.',
    },
    retentionSeconds: {
      type: 'integer',
      minimum: 1,
      maximum: MAX_RETENTION_SECONDS,
      description:
        "Seconds the workflow is kept once it finished (COMPLETED, FAILED, CANCELLED), then deleted with its history; at most the deployment's WORKFLOW_RETENTION_SECONDS (default 7 days), which also applies when this is absent.",
    },
    jobs: {
      type: 'array',
      minItems: 1,
      maxItems: MAX_JOBS_PER_WORKFLOW,
      items: JOB_REQUEST_SCHEMA,
      description: 'The jobs: each runs one version of a job template.',
    },
  } satisfies Record<keyof CreateWorkflowRequest, JsonSchema>,
};
