/** Any JSON value, as parsed from a request body. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

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

/** `POST /workflows` body, after HTTP-level validation (or built directly by a caller). */
export interface CreateWorkflowRequest {
  name?: string;
  input?: JsonObject;
  priority?: number;
  /** Whole-workflow deadline, counted from creation. */
  timeoutSeconds?: number;
  jobs: JobRequest[];
}

/** A validated job: `dependsOn` is the EFFECTIVE dependency list (see README "Order"). */
export interface JobDefinition {
  id: string;
  templateId: string;
  version?: string;
  input: JsonObject;
  priority?: number;
  dependsOn: string[];
}

export interface WorkflowDefinition {
  name?: string;
  input: JsonObject;
  priority?: number;
  timeoutSeconds?: number;
  /** `sequential` when no job declares dependsOn, else `dag`. */
  mode: 'sequential' | 'dag';
  jobs: JobDefinition[];
}

export const JOB_ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
export const MAX_JOBS_PER_WORKFLOW = 200;
