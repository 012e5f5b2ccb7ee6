// Generated from the control plane's OpenAPI document by tools/openapi/generate-client-types.mjs
// (`npx nx run client:generate`). Do not edit: regenerate.

export interface paths {
  '/healthz': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['HealthController_healthz'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/readyz': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['HealthController_readyz'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api-keys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every API key, oldest first (never the key itself). */
    get: operations['ApiKeysController_list'];
    put?: never;
    /** Create an API key; the answer holds the key, the only time it is shown. */
    post: operations['ApiKeysController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api-keys/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke an API key: every replica refuses it from the next request on. */
    delete: operations['ApiKeysController_revoke'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Audit entries (time, actor, action, target, outcome, status, request id), newest first; page with before = next. */
    get: operations['AuditController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/templates/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['TemplatesController_getTemplate'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workflows': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List workflows, newest first, optionally by state. */
    get: operations['WorkflowsController_list'];
    put?: never;
    /** Create a workflow: validate, pin template versions, start it and enqueue its first job(s). */
    post: operations['WorkflowsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workflows/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** State, current job, jobs (state, attempts, timing, output, error) and transition history. */
    get: operations['WorkflowsController_get'];
    put?: never;
    post?: never;
    /** Delete a finished workflow (COMPLETED, FAILED, CANCELLED) with its jobs, history and template snapshots, before its retention ends. */
    delete: operations['WorkflowsController_delete'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workflows/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cancel: CANCELLED, queued jobs removed, running jobs told to stop (on their next heartbeat). Repeating it is harmless. */
    post: operations['WorkflowsController_cancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workflows/{id}/retry': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Re-run a FAILED workflow from its failed job(s); succeeded jobs keep their output. */
    post: operations['WorkflowsController_retry'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workflows/{id}/jobs/{jobId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Set a job's status (external systems, manual intervention). The job leaves the queue's hands. Repeating the same update is harmless. */
    put: operations['WorkflowJobsController_update'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workflows/{id}/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Server-Sent Events: every transition (event "transition", id = seq), the recorded ones first, then live; ends once the workflow is COMPLETED, FAILED or CANCELLED. */
    get: operations['WorkflowEventsController_stream'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/pools': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List executor pools with pod counts and queue depth */
    get: operations['PoolsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/pools/{name}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One executor pool, with the templates observed running in it and the pool each needs */
    get: operations['PoolsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/pools/{pool}/dead-letters': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Dead-lettered jobs of a pool, newest first, each with its last error (payloads are left out: GET one job for it). */
    get: operations['DeadLettersController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/pools/{pool}/dead-letters/{jobId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One dead-lettered job with its payload and last error. */
    get: operations['DeadLettersController_get'];
    put?: never;
    post?: never;
    /** Purge a dead-lettered job for good, payload included. */
    delete: operations['DeadLettersController_purge'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/pools/{pool}/dead-letters/{jobId}/requeue': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Put a dead-lettered job back in the queue with its failure count reset. */
    post: operations['DeadLettersController_requeue'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    CreateWorkflowRequest: {
      /** @description Shown in lists; at most 200 characters, not blank. */
      name?: string;
      /** @description The workflow input (a JSON object nested at most 32 levels), referenced by jobs as {"$ref": "input.<path>"}. */
      input?: Record<string, never>;
      /** @description Priority of every job that sets none; default: each template's. Higher runs first. */
      priority?: number;
      /** @description Whole-workflow deadline in seconds from creation; exceeded = FAILED. */
      timeoutSeconds?: number;
      /** @description Seconds the workflow is kept once it finished (COMPLETED, FAILED, CANCELLED), then deleted with its history; at most the deployment's WORKFLOW_RETENTION_SECONDS (default 7 days), which also applies when this is absent. */
      retentionSeconds?: number;
      jobs: {
        /** @description Unique within the workflow: a letter, then up to 63 letters, digits, "_" or "-". */
        id: string;
        /** @description The job template: 1-128 characters of letters, digits, _ . - starting with a letter or digit. */
        templateId: string;
        /** @description Exact version or semver range; absent = highest released, non-deprecated version. The resolved version is pinned. */
        version?: string;
        /** @description JSON object, nested at most 32 levels. Anywhere inside, {"$ref": "input.<path>"} takes a value from the workflow input and {"$ref": "jobs.<jobId>.output.<path>"} from the output of a job that runs before this one; resolved when the job is enqueued. */
        input?: Record<string, never>;
        /** @description Overrides the workflow priority and the template default; higher runs first. */
        priority?: number;
        /** @description Ids of jobs that must succeed first. When no job of the workflow sets dependsOn, jobs run one after another in list order. */
        dependsOn?: string[];
      }[];
    };
    JobResponse: {
      id: string;
      templateId: string;
      /** @description The pinned version. */
      version: string;
      /** @description What the request asked for (version or range). */
      requestedVersion?: string;
      /** @enum {string} */
      state: 'PENDING' | 'QUEUED' | 'RUNNING' | 'RETRY_WAIT' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED' | 'TIMED_OUT';
      /** @description Attempts of the current run. */
      attempts: number;
      maxAttempts: number;
      priority: number;
      pool: string;
      timeoutSeconds?: number;
      dependsOn: string[];
      /** @description As requested, $refs included. */
      input: {
        [key: string]: unknown;
      };
      /** @description As sent to the executor. */
      resolvedInput?: Record<string, never>;
      output?: Record<string, never>;
      error?: Record<string, never>;
      /** Format: date-time */
      queuedAt?: string;
      /** Format: date-time */
      startedAt?: string;
      /** Format: date-time */
      finishedAt?: string;
      /** @description finishedAt - startedAt */
      durationMs?: number;
      /** @description Set through PUT /workflows/{id}/jobs/{jobId}; the queue no longer runs it. */
      external: boolean;
    };
    HistoryEntryResponse: {
      /** @description Order of the transition within the workflow (the SSE event id). */
      seq: number;
      /** Format: date-time */
      at: string;
      /** @enum {string} */
      kind: 'workflow' | 'job';
      jobId?: string;
      /** @description '' for the creation record */
      from: string;
      to: string;
      reason?: string;
      attempt?: number;
    };
    WorkflowResponse: {
      id: string;
      name?: string;
      /** @enum {string} */
      state: 'INITIALIZED' | 'RUNNING' | 'COMPLETED' | 'FAILED' | 'CANCELLED';
      /** @description First job in flight in list order (the last one that ran once none is). */
      currentJob: string;
      /** @description `sequential` (list order) or `dag` (dependsOn). */
      mode: string;
      input: {
        [key: string]: unknown;
      };
      priority?: number;
      timeoutSeconds?: number;
      /** Format: date-time */
      deadlineAt?: string;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      /** Format: date-time */
      startedAt?: string;
      /** Format: date-time */
      finishedAt?: string;
      /**
       * Format: date-time
       * @description A finished workflow is deleted then (WORKFLOW_RETENTION_SECONDS or the request's retentionSeconds).
       */
      expiresAt?: string;
      /** @description Why the workflow FAILED or was CANCELLED. */
      reason?: string;
      jobs: components['schemas']['JobResponse'][];
      history: components['schemas']['HistoryEntryResponse'][];
    };
    ProblemResponse: {
      /** @example about:blank */
      type: string;
      title: string;
      status: number;
      detail: string;
      instance?: string;
      /** @example WORKFLOW.ILLEGAL_TRANSITION */
      code?: string;
      /** @description One entry per problem: {pointer, message}, pointer an RFC 6901 JSON Pointer into the body or query ({header, message} for a header). */
      errors?: Record<string, never>[];
    };
    WorkflowSummaryResponse: {
      id: string;
      name?: string;
      /** @enum {string} */
      state: 'INITIALIZED' | 'RUNNING' | 'COMPLETED' | 'FAILED' | 'CANCELLED';
      currentJob: string;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      /** Format: date-time */
      finishedAt?: string;
    };
    WorkflowPageResponse: {
      items: components['schemas']['WorkflowSummaryResponse'][];
      /** @description Pass as cursor for the next page; null at the end. A page may hold fewer than limit items. */
      nextCursor: string | null;
    };
    CancelWorkflowRequest: {
      /** @description Recorded as the reason of the CANCELLED transition. */
      reason?: string;
    };
    UpdateJobRequest: {
      /**
       * @description Checked against the job state machine (409 on an illegal move).
       * @enum {string}
       */
      status: 'RUNNING' | 'SUCCEEDED' | 'FAILED';
      /** @description SUCCEEDED: the job output (default {}), validated against the template outputSchema (400 if it does not match). */
      output?: unknown;
      /** @description FAILED: a message or an object with a `message`. */
      error?: string | Record<string, never>;
      /** @description The job's current attempt as last read; a different one is refused (409). */
      attempt?: number;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  HealthController_healthz: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  HealthController_readyz: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ApiKeysController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description { items: [...] } */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer), application/problem+json. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The token lacks the scope admin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Rate limit of the caller exceeded (Retry-After). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ApiKeysController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name: string;
          scopes: ('workflows:read' | 'workflows:write' | 'jobs:write' | 'templates:read' | 'templates:write' | 'pools:read' | 'admin')[];
          /** Format: date-time */
          expiresAt?: string;
        };
      };
    };
    responses: {
      /** @description The key, its id and what it grants. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer), application/problem+json. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The token lacks the scope admin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Rate limit of the caller exceeded (Retry-After). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ApiKeysController_revoke: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Revoked. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer), application/problem+json. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The token lacks the scope admin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Rate limit of the caller exceeded (Retry-After). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AuditController_list: {
    parameters: {
      query?: {
        /** @description The next cursor of the previous page. */
        before?: unknown;
        /** @description 1 to 500 (default 50). */
        limit?: unknown;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description { entries, next? } */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer), application/problem+json. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The token lacks the scope admin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Rate limit of the caller exceeded (Retry-After). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  TemplatesController_getTemplate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer), application/problem+json. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The token lacks the scope templates:read. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Rate limit of the caller exceeded (Retry-After). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  WorkflowsController_list: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page. */
        cursor?: string;
        state?: 'INITIALIZED' | 'RUNNING' | 'COMPLETED' | 'FAILED' | 'CANCELLED';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WorkflowPageResponse'];
        };
      };
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer), application/problem+json. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The token lacks the scope workflows:read. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Rate limit of the caller exceeded (Retry-After). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  WorkflowsController_create: {
    parameters: {
      query?: never;
      header?: {
        /** @description A repeat with the same key and body returns the first workflow (200); another body → 409. */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    /** @description Checked against this schema, then references and the job graph (400 names every problem by its JSON Pointer). */
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateWorkflowRequest'];
      };
    };
    responses: {
      /** @description A repeat of an Idempotency-Key: the first workflow (Idempotent-Replayed: true). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WorkflowResponse'];
        };
      };
      /** @description Created; Location names it. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WorkflowResponse'];
        };
      };
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer), application/problem+json. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The token lacks the scope workflows:write. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /**
       * @description Too many creates in flight in this replica, or a pool the workflow needs has too many queued jobs (Retry-After).
       *
       *     Rate limit of the caller exceeded (Retry-After).
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Redis is unreachable (Retry-After). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
    };
  };
  WorkflowsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WorkflowResponse'];
        };
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer), application/problem+json. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The token lacks the scope workflows:read. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Rate limit of the caller exceeded (Retry-After). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  WorkflowsController_delete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted; GET answers 404 from now on. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer), application/problem+json. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The token lacks the scope workflows:write. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description The workflow has not finished (cancel it first). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Rate limit of the caller exceeded (Retry-After). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  WorkflowsController_cancel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['CancelWorkflowRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WorkflowResponse'];
        };
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer), application/problem+json. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The token lacks the scope workflows:write. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description The workflow already COMPLETED or FAILED. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Rate limit of the caller exceeded (Retry-After). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  WorkflowsController_retry: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WorkflowResponse'];
        };
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer), application/problem+json. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The token lacks the scope workflows:write. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description The workflow is not FAILED. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Rate limit of the caller exceeded (Retry-After). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  WorkflowJobsController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        jobId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateJobRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WorkflowResponse'];
        };
      };
      /** @description Invalid body, or an output that does not match the template outputSchema. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer), application/problem+json. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The token lacks the scope jobs:write. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Illegal move for the job state machine, stale attempt, or another result for a finished job. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Rate limit of the caller exceeded (Retry-After). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  WorkflowEventsController_stream: {
    parameters: {
      query?: never;
      header: {
        'last-event-id': string;
        /** @description Resume after this seq. */
        'Last-Event-ID'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description No valid bearer token (WWW-Authenticate: Bearer), application/problem+json. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The token lacks the scope workflows:read. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/event-stream': components['schemas']['ProblemResponse'];
        };
      };
      /** @description Rate limit of the caller exceeded (Retry-After). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  PoolsController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Every configured pool. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer), application/problem+json. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The token lacks the scope pools:read. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Rate limit of the caller exceeded (Retry-After). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  PoolsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        name: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The pool. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer), application/problem+json. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The token lacks the scope pools:read. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Rate limit of the caller exceeded (Retry-After). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  DeadLettersController_list: {
    parameters: {
      query?: {
        limit?: number;
        /** @description nextCursor of the previous page. */
        cursor?: string;
      };
      header?: never;
      path: {
        pool: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page; pass nextCursor back as cursor. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer), application/problem+json. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The token lacks the scope admin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No such pool. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Rate limit of the caller exceeded (Retry-After). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  DeadLettersController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        pool: string;
        jobId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The job. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer), application/problem+json. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The token lacks the scope admin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No such pool, or no such job in its dead letter. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Rate limit of the caller exceeded (Retry-After). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  DeadLettersController_purge: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        pool: string;
        jobId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Purged. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer), application/problem+json. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The token lacks the scope admin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No such pool or job. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The job is not dead-lettered. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Rate limit of the caller exceeded (Retry-After). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  DeadLettersController_requeue: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        pool: string;
        jobId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Requeued: the job as it is now queued. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer), application/problem+json. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The token lacks the scope admin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No such pool or job. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The job is not dead-lettered (any more). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Rate limit of the caller exceeded (Retry-After). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
}
