// Generated from the control plane's OpenAPI document by tools/openapi/generate-client-types.mjs
// (`npx nx run client:generate`). Do not edit: regenerate.

export interface paths {
  '/api-keys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List API keys
     * @description Every API key, oldest first (never the key itself).
     */
    get: operations['listApiKeys'];
    put?: never;
    /**
     * Create an API key
     * @description Makes an API key with the given scopes; the answer holds the key, the only time it is shown.
     */
    post: operations['createApiKey'];
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
    /**
     * Revoke an API key
     * @description Every replica refuses the key from the next request on.
     */
    delete: operations['revokeApiKey'];
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
    /**
     * Read the audit trail
     * @description Audit entries (time, actor, action, target, outcome, status, request id), newest first; page with before = next.
     */
    get: operations['listAuditEntries'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/templates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Create a template with its first version.
     * @description Takes a template document as the seed writes it (templateId, version, steps, inputSchema, outputSchema; name defaults to the templateId) and stores it as the template's first version (1.0.0 unless version is given). Every problem is reported at once, each with its JSON Pointer. Publishing further versions is a GraphQL mutation (publishJobTemplateVersion).
     */
    post: operations['createTemplate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/templates/{templateId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get one version of a template.
     * @description An exact version (even deprecated), the highest non-deprecated version in a semver range, or by default the highest non-deprecated release.
     */
    get: operations['getTemplate'];
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
    /**
     * List workflows
     * @description Workflows newest first, optionally only those in one state, a page at a time (pass nextCursor back as cursor).
     */
    get: operations['listWorkflows'];
    put?: never;
    /**
     * Create and start a workflow
     * @description Validates the body, pins each job to a template version (exact or semver range), stores the workflow and enqueues the job(s) that can run first. With an Idempotency-Key a repeat of the same request returns the first workflow instead of making another.
     */
    post: operations['createWorkflow'];
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
    /**
     * Get a workflow
     * @description State, current job, jobs (state, attempts, timing, input, output, error) and the transition history.
     */
    get: operations['getWorkflow'];
    put?: never;
    post?: never;
    /**
     * Delete a finished workflow
     * @description Deletes a COMPLETED, FAILED or CANCELLED workflow with its jobs, history and template snapshots, before its retention ends.
     */
    delete: operations['deleteWorkflow'];
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
    /**
     * Cancel a workflow
     * @description The workflow becomes CANCELLED: queued jobs are removed, running jobs are told to stop (on their next heartbeat). Repeating it is harmless.
     */
    post: operations['cancelWorkflow'];
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
    /**
     * Retry a failed workflow
     * @description Re-runs a FAILED workflow from its failed job(s), with their attempts reset; jobs that succeeded keep their output.
     */
    post: operations['retryWorkflow'];
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
    /**
     * Set a job's status
     * @description For external systems and manual intervention: RUNNING, SUCCEEDED (with an output, checked against the template's outputSchema) or FAILED (with an error; a string is stored as {message}). The job leaves the queue’s hands. Repeating the same update is harmless.
     */
    put: operations['updateJob'];
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
    /**
     * Follow a workflow's transitions (Server-Sent Events)
     * @description Every transition as an SSE event `transition` (id = its seq, data = the HistoryEntry as JSON): the recorded ones first, then live ones as they happen. The stream ends once the workflow is COMPLETED, FAILED or CANCELLED. A client that reconnects with Last-Event-ID gets only the later ones.
     */
    get: operations['streamWorkflowEvents'];
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
    /**
     * List executor pools
     * @description Every configured pool with its configuration, the leader's last autoscaling evaluation (pods) and its live queue counts.
     */
    get: operations['listPools'];
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
    /**
     * Get an executor pool
     * @description One pool as listed, plus the templates observed running in it and the pool each needs (a larger one after OOM kills).
     */
    get: operations['getPool'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/pools/{pool}/jobs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List a pool's jobs
     * @description A pool's queued jobs in pop order (highest effective priority first, effective = base + 0.1 × seconds waited), its leased jobs by lease expiry or its delayed jobs by retry time, a page at a time. Without payloads: of a workflow job only its workflow, job and template ids.
     */
    get: operations['listPoolJobs'];
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
    /**
     * List a pool's dead letter
     * @description Dead-lettered jobs of a pool, newest first, each with its last error (payloads are left out: GET one job for it).
     */
    get: operations['listDeadLetters'];
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
    /**
     * Get a dead-lettered job
     * @description One dead-lettered job with its payload and last error (values of writeOnly input fields left out).
     */
    get: operations['getDeadLetter'];
    put?: never;
    post?: never;
    /**
     * Purge a dead-lettered job
     * @description Deletes a dead-lettered job for good, payload included.
     */
    delete: operations['purgeDeadLetter'];
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
    /**
     * Requeue a dead-lettered job
     * @description Puts a dead-lettered job back in the queue with its failure count reset.
     */
    post: operations['requeueDeadLetter'];
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
    /** @description A new API key, with the key: the only time it is shown. */
    CreatedApiKeyResponse: {
      /** @description The key id (the audit actor). */
      id: string;
      /** @description What it is for. */
      name: string;
      /** @description What it grants. */
      scopes: ('workflows:read' | 'workflows:write' | 'jobs:write' | 'templates:read' | 'templates:write' | 'pools:read' | 'admin')[];
      /**
       * Format: date-time
       * @description When it was made.
       */
      createdAt: string;
      /**
       * Format: date-time
       * @description When it stops working.
       */
      expiresAt?: string;
      /**
       * Format: date-time
       * @description When it was last used (roughly).
       */
      lastUsedAt?: string;
      /** @description The key (bsk_…): send it as `Authorization: Bearer <key>`. */
      key: string;
    };
    /** @description An API key as listed: never the key itself. */
    ApiKeyResponse: {
      /** @description The key id (the audit actor). */
      id: string;
      /** @description What it is for. */
      name: string;
      /** @description What it grants. */
      scopes: ('workflows:read' | 'workflows:write' | 'jobs:write' | 'templates:read' | 'templates:write' | 'pools:read' | 'admin')[];
      /**
       * Format: date-time
       * @description When it was made.
       */
      createdAt: string;
      /**
       * Format: date-time
       * @description When it stops working.
       */
      expiresAt?: string;
      /**
       * Format: date-time
       * @description When it was last used (roughly).
       */
      lastUsedAt?: string;
    };
    /** @description Every API key, oldest first. */
    ApiKeyListResponse: {
      /** @description The keys. */
      items: components['schemas']['ApiKeyResponse'][];
    };
    /** @description One audited call. */
    AuditEntryResponse: {
      /** @description The entry id (a cursor). */
      id: string;
      /** @description When, in ms since the epoch. */
      at: number;
      /** @description An API key id, an OIDC subject, or anonymous. */
      actor: string;
      /** @description What was attempted, e.g. POST /workflows. */
      action: string;
      /** @description What it was attempted on; may be empty. */
      target: string;
      /**
       * @description How it ended.
       * @enum {string}
       */
      outcome: 'allowed' | 'denied' | 'failed';
      /** @description The HTTP status answered. */
      status?: number;
      /** @description The request id (X-Request-Id). */
      requestId: string;
    };
    /** @description A page of the audit trail, newest first. */
    AuditPageResponse: {
      /** @description The entries. */
      entries: components['schemas']['AuditEntryResponse'][];
      /** @description Pass as before for the next (older) page; absent on the last page. */
      next?: string;
    };
    /** @description A template document: the seed's shape (templateId, version, steps, inputSchema, outputSchema) plus optional name, description and run defaults. */
    JobTemplateDocument: {
      /** @description The template's identifier (the seed's name for it; GraphQL also answers it as id). */
      templateId: string;
      /** @description Human-readable name; defaults to the templateId. */
      name?: string;
      /** @description Free text about what the template does. */
      description?: string | null;
      /** @description First version, a semantic version such as 1.2.0; defaults to 1.0.0. */
      version?: string;
      /** @description The steps, in the order they run. */
      steps: {
        /** @description Name of the step, unique within its template. */
        name: string;
        /** @description A registered step type: validation, external_api_call, transform or delay. */
        type: string;
        /** @description Configuration of the step, checked against the rules of its type. */
        config: Record<string, never>;
      }[];
      /** @description JSON Schema 2020-12 the job input must satisfy. */
      inputSchema: Record<string, never>;
      /** @description JSON Schema 2020-12 the job output must satisfy. */
      outputSchema: Record<string, never>;
      /** @description Base scheduling priority of its jobs, higher first; default 0. */
      priority?: number;
      /** @description Attempts per job before it fails; default 3. */
      maxAttempts?: number;
      /** @description Seconds one attempt may run; default 300. */
      timeoutSeconds?: number;
      /** @description The executor pool its jobs run in; default "default". */
      resourceClass?: string;
    };
    /** @description One template version: the stored document with its defaults filled in, what it needs at run time and the list of all versions. */
    JobTemplate: {
      /** @description The template's identifier. */
      templateId: string;
      /** @description Human-readable name; the templateId unless one was given. */
      name: string;
      /** @description Free text about what the template does; null when none was given. */
      description: string | null;
      /** @description Semantic version of this template version. */
      version: string;
      /** @description The steps, in the order they run. */
      steps: {
        /** @description Name of the step, unique within its template. */
        name: string;
        /** @description A registered step type: validation, external_api_call, transform or delay. */
        type: string;
        /** @description Configuration of the step, checked against the rules of its type. */
        config: Record<string, never>;
      }[];
      /** @description JSON Schema 2020-12 the job input must satisfy. */
      inputSchema: Record<string, never>;
      /** @description JSON Schema 2020-12 the job output must satisfy. */
      outputSchema: Record<string, never>;
      /** @description Base scheduling priority of its jobs, higher first; default 0. */
      priority: number;
      /** @description Attempts per job before it fails; default 3. */
      maxAttempts: number;
      /** @description Seconds one attempt may run; default 300. */
      timeoutSeconds: number;
      /** @description The executor pool its jobs run in; default "default". */
      resourceClass: string;
      /** @description Names of the secrets (${NAME} placeholders) the steps need at run time; values are never stored. */
      requiredSecrets: string[];
      /** @description Deprecated versions resolve only by exact version. */
      deprecated: boolean;
      /**
       * Format: date-time
       * @description When this version was published.
       */
      createdAt: string;
      /** @description Every version of this template, newest first. */
      versions: {
        /** @description Semantic version. */
        version: string;
        /** @description Deprecated versions resolve only when asked for exactly. */
        deprecated: boolean;
        /**
         * Format: date-time
         * @description When the version was published.
         */
        createdAt: string;
      }[];
    };
    /** @description A workflow to create: its jobs (each a template, a version or range, an input) and, optionally, a name, an input, a priority, a deadline and a retention. */
    CreateWorkflowRequest: {
      /** @description Shown in lists; at most 200 characters, not blank. */
      name?: string;
      /** @description The workflow input (a JSON object nested at most 32 levels), referenced by jobs as {"$from": "input.<path>"}. */
      input?: {
        [key: string]: unknown;
      };
      /** @description Priority of every job that sets none; default: each template's. Higher runs first. */
      priority?: number;
      /** @description Whole-workflow deadline in seconds from creation; exceeded = FAILED. */
      timeoutSeconds?: number;
      /** @description Seconds the workflow is kept once it finished (COMPLETED, FAILED, CANCELLED), then deleted with its history; at most the deployment's WORKFLOW_RETENTION_SECONDS (default 7 days), which also applies when this is absent. */
      retentionSeconds?: number;
      /** @description The jobs: each runs one version of a job template. */
      jobs: {
        /** @description Unique within the workflow: a letter, then up to 63 letters, digits, "_" or "-". */
        id: string;
        /** @description The job template: 1-128 characters of letters, digits, _ . - starting with a letter or digit. */
        templateId: string;
        /** @description Exact version or semver range; absent = highest released, non-deprecated version. The resolved version is pinned. */
        version?: string;
        /** @description JSON object, nested at most 32 levels. Anywhere inside, {"$from": "input.<path>"} takes a value from the workflow input and {"$from": "jobs.<jobId>.output.<path>"} from the output of a job that runs before this one; resolved when the job is enqueued. */
        input?: {
          [key: string]: unknown;
        };
        /** @description Overrides the workflow priority and the template default; higher runs first. */
        priority?: number;
        /** @description Ids of jobs that must succeed first. When no job of the workflow sets dependsOn, jobs run one after another in list order. */
        dependsOn?: string[];
      }[];
    };
    /** @description One job of a workflow: its pinned template version, state, attempts, timing, input, output or error. */
    JobResponse: {
      /** @description Unique within the workflow. */
      id: string;
      /** @description The job template it runs. */
      templateId: string;
      /** @description The pinned template version. */
      version: string;
      /** @description What the request asked for (version or range). */
      requestedVersion?: string;
      /**
       * @description The job state (see the state machine).
       * @enum {string}
       */
      state: 'PENDING' | 'QUEUED' | 'RUNNING' | 'RETRY_WAIT' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED' | 'TIMED_OUT';
      /** @description Attempts of the current run. */
      attempts: number;
      /** @description Attempts allowed per run, from the template. */
      maxAttempts: number;
      /** @description Queue priority; higher runs first. */
      priority: number;
      /** @description The executor pool it runs in. */
      pool: string;
      /** @description Per-attempt timeout from the template. */
      timeoutSeconds?: number;
      /** @description Jobs that must succeed first. */
      dependsOn: string[];
      /** @description The input as requested, references ($from) included. */
      input: components['schemas']['JsonObject'];
      /** @description The input as sent to the executor, mappings resolved (once queued). */
      resolvedInput?: components['schemas']['JsonValue'];
      /** @description The output of a SUCCEEDED job. */
      output?: components['schemas']['JsonValue'];
      /** @description Why the job FAILED: always an object with a message. */
      error?: components['schemas']['JobError'];
      /**
       * Format: date-time
       * @description When it was last queued.
       */
      queuedAt?: string;
      /**
       * Format: date-time
       * @description When its current attempt started.
       */
      startedAt?: string;
      /**
       * Format: date-time
       * @description When it finished.
       */
      finishedAt?: string;
      /** @description finishedAt - startedAt, in milliseconds. */
      durationMs?: number;
      /** @description Set through PUT /workflows/{id}/jobs/{jobId}; the queue no longer runs it. */
      external: boolean;
    };
    /** @description One recorded transition of the workflow or of one of its jobs (also the data of an SSE transition event). */
    HistoryEntryResponse: {
      /** @description Order of the transition within the workflow (the SSE event id). */
      seq: number;
      /**
       * Format: date-time
       * @description When it happened (Redis server time).
       */
      at: string;
      /**
       * @description Whether the workflow or one of its jobs moved.
       * @enum {string}
       */
      kind: 'workflow' | 'job';
      /** @description The job that moved (kind job). */
      jobId?: string;
      /** @description The state before; '' for the creation record. */
      from: string;
      /** @description The state after. */
      to: string;
      /** @description Why (a failure message, a cancel reason, a deadline). */
      reason?: string;
      /** @description The job's attempt the transition belongs to. */
      attempt?: number;
    };
    /** @description A workflow with its jobs and its transition history. */
    WorkflowResponse: {
      /**
       * Format: uuid
       * @description The workflow id.
       * @example 0194b7c2-5e1a-7c3d-9f00-1a2b3c4d5e6f
       */
      id: string;
      /** @description The name given at creation. */
      name?: string;
      /**
       * @description The workflow state (see the state machine).
       * @enum {string}
       */
      state: 'INITIALIZED' | 'RUNNING' | 'COMPLETED' | 'FAILED' | 'CANCELLED';
      /** @description First job in flight in list order (the last one that ran once none is). */
      currentJob: string;
      /**
       * @description `sequential` (list order) or `dag` (dependsOn).
       * @enum {string}
       */
      mode: 'sequential' | 'dag';
      /** @description The workflow input. */
      input: components['schemas']['JsonObject'];
      /** @description The priority given at creation. */
      priority?: number;
      /** @description The whole-workflow deadline given at creation. */
      timeoutSeconds?: number;
      /**
       * Format: date-time
       * @description When the workflow FAILS if it has not finished.
       */
      deadlineAt?: string;
      /**
       * Format: date-time
       * @description When it was created.
       */
      createdAt: string;
      /**
       * Format: date-time
       * @description When it last changed.
       */
      updatedAt: string;
      /**
       * Format: date-time
       * @description When its first job started.
       */
      startedAt?: string;
      /**
       * Format: date-time
       * @description When it finished.
       */
      finishedAt?: string;
      /**
       * Format: date-time
       * @description A finished workflow is deleted then (WORKFLOW_RETENTION_SECONDS or the request's retentionSeconds).
       */
      expiresAt?: string;
      /** @description Why the workflow FAILED or was CANCELLED. */
      reason?: string;
      /** @description The jobs, in request order. */
      jobs: components['schemas']['JobResponse'][];
      /** @description Every transition so far, oldest first. */
      history: components['schemas']['HistoryEntryResponse'][];
    };
    /** @description A workflow as listed: no jobs, no history. */
    WorkflowSummaryResponse: {
      /**
       * Format: uuid
       * @description The workflow id.
       * @example 0194b7c2-5e1a-7c3d-9f00-1a2b3c4d5e6f
       */
      id: string;
      /** @description The name given at creation. */
      name?: string;
      /**
       * @description The workflow state.
       * @enum {string}
       */
      state: 'INITIALIZED' | 'RUNNING' | 'COMPLETED' | 'FAILED' | 'CANCELLED';
      /** @description First job in flight in list order. */
      currentJob: string;
      /**
       * Format: date-time
       * @description When it was created.
       */
      createdAt: string;
      /**
       * Format: date-time
       * @description When it last changed.
       */
      updatedAt: string;
      /**
       * Format: date-time
       * @description When it finished.
       */
      finishedAt?: string;
    };
    /** @description A page of workflows, newest first. */
    WorkflowPageResponse: {
      /** @description The workflows of this page. */
      items: components['schemas']['WorkflowSummaryResponse'][];
      /** @description Pass as cursor for the next page; null at the end. A page may hold fewer than limit items. */
      nextCursor: string | null;
    };
    /** @description Why the workflow is cancelled (optional). */
    CancelWorkflowRequest: {
      /** @description Recorded as the reason of the CANCELLED transition. */
      reason?: string;
    };
    /** @description A job's new status, set from outside: RUNNING, SUCCEEDED with an output, FAILED with an error. */
    UpdateJobRequest: {
      /**
       * @description Checked against the job state machine (409 on an illegal move).
       * @enum {string}
       */
      status: 'RUNNING' | 'SUCCEEDED' | 'FAILED';
      /** @description SUCCEEDED: the job output (default {}), validated against the template outputSchema (400 if it does not match). */
      output?: unknown;
      /** @description FAILED: a message (stored as {"message": <the string>}) or an object with a `message` (and any other members, such as `code`). */
      error?:
        | string
        | {
            [key: string]: unknown;
          };
      /** @description The job's current attempt as last read; a different one is refused (409). */
      attempt?: number;
    };
    /** @description Kubernetes resource quantities. */
    ResourceListResponse: {
      /**
       * @description CPU, e.g. 250m.
       * @example 250m
       */
      cpu?: string;
      /**
       * @description Memory, e.g. 128Mi.
       * @example 128Mi
       */
      memory?: string;
    };
    /** @description Resource requests and limits of each executor pod of the pool. */
    PoolResourcesResponse: {
      /** @description What each pod is guaranteed. */
      requests: components['schemas']['ResourceListResponse'];
      /** @description What each pod may use at most. */
      limits: components['schemas']['ResourceListResponse'];
    };
    /** @description The leader's last autoscaling evaluation of the pool. */
    PoolPodsResponse: {
      /** @description Pods the autoscaler wants. */
      desired: number;
      /** @description Pods that exist. */
      current: number;
      /** @description Pods ready to take jobs. */
      ready: number;
      /** @description Pods being removed. */
      deleting: number;
      /** @description What the last evaluation did (e.g. scale-up, none). */
      lastAction: string;
      /** @description What kept it from scaling as wanted, if anything. */
      blockedBy: string | null;
      /** @description The last error of the pod driver, if any. */
      lastError: string | null;
      /**
       * Format: date-time
       * @description When the evaluation ran.
       */
      evaluatedAt: string;
      /** @description The control plane replica that ran it (the leader). */
      leader: string;
    };
    /** @description Live counts of the pool's queue. */
    PoolQueueResponse: {
      /** @description Jobs waiting for an executor. */
      queued: number;
      /** @description Jobs leased by an executor. */
      inFlight: number;
      /** @description Jobs waiting for a retry backoff to end. */
      delayed: number;
      /** @description Jobs in the dead letter. */
      dead: number;
      /** @description How long the oldest queued job has waited. */
      oldestWaitSeconds: number;
      /** @description Job results the workflow engine has not applied yet (the control planes' lag); creates for the pool answer 429 past WORKFLOW_MAX_UNAPPLIED_RESULTS. */
      unappliedResults: number;
    };
    /** @description A template observed running in the pool, and the pool its jobs need. */
    TemplateUsageResponse: {
      /** @description The job template. */
      templateId: string;
      /** @description Where its jobs ran (its resourceClass). */
      pool: string;
      /** @description Runs observed. */
      runs: number;
      /** @description Mean run time. */
      meanSeconds: number;
      /** @description Longest run time. */
      maxSeconds: number;
      /** @description Runs ended by an out-of-memory kill. */
      oomKills: number;
      /** @description The pool its jobs need: the same, or the next larger by memory limit when they were OOMKilled. */
      recommendedPool: string;
      /** @description Why that pool. */
      reason: string;
    };
    /** @description An executor pool: its configuration (no environment values), pods and queue. */
    PoolResponse: {
      /** @description The pool name (a template resourceClass). */
      name: string;
      /** @description The executor image. */
      image: string;
      /** @description Requests and limits of each pod. */
      resources: components['schemas']['PoolResourcesResponse'];
      /** @description Fewest pods kept. */
      minPods: number;
      /** @description Most pods started. */
      maxPods: number;
      /** @description Jobs one pod runs at once. */
      jobsPerPod: number;
      /** @description How long load must stay low before idle pods are removed. */
      scaleDownDelaySeconds: number;
      /** @description How long a stopping executor lets running jobs finish. */
      drainSeconds: number;
      /** @description The leader's last evaluation; null before the first one (or with pod management off). */
      pods: components['schemas']['PoolPodsResponse'] | null;
      /** @description Live queue counts. */
      queue: components['schemas']['PoolQueueResponse'];
      /** @description GET /pools/{name} only: the templates observed running in it. */
      templates?: components['schemas']['TemplateUsageResponse'][];
    };
    /** @description Every configured pool and the pod driver. */
    PoolListResponse: {
      /** @description The pod driver (kubernetes, local), null with pod management off. */
      driver: string | null;
      /** @description The pools. */
      pools: components['schemas']['PoolResponse'][];
    };
    /** @description One pool and the pod driver. */
    PoolDetailResponse: {
      /** @description The pool name (a template resourceClass). */
      name: string;
      /** @description The executor image. */
      image: string;
      /** @description Requests and limits of each pod. */
      resources: components['schemas']['PoolResourcesResponse'];
      /** @description Fewest pods kept. */
      minPods: number;
      /** @description Most pods started. */
      maxPods: number;
      /** @description Jobs one pod runs at once. */
      jobsPerPod: number;
      /** @description How long load must stay low before idle pods are removed. */
      scaleDownDelaySeconds: number;
      /** @description How long a stopping executor lets running jobs finish. */
      drainSeconds: number;
      /** @description The leader's last evaluation; null before the first one (or with pod management off). */
      pods: components['schemas']['PoolPodsResponse'] | null;
      /** @description Live queue counts. */
      queue: components['schemas']['PoolQueueResponse'];
      /** @description GET /pools/{name} only: the templates observed running in it. */
      templates?: components['schemas']['TemplateUsageResponse'][];
      /** @description The pod driver (kubernetes, local), null with pod management off. */
      driver: string | null;
    };
    /** @description The lease an executor holds on a job; times in ISO 8601. */
    PoolJobLeaseResponse: {
      /** @description The executor holding it. */
      executorId: string;
      /**
       * Format: date-time
       * @description When it was leased.
       */
      leasedAt: string;
      /**
       * Format: date-time
       * @description When the lease runs out unless the executor heartbeats.
       */
      expiresAt: string;
    };
    /** @description A job in a pool's queue (queued, leased or delayed), without its payload; times in ISO 8601. */
    PoolJobResponse: {
      /**
       * @description The queue job id.
       * @example wf_123:charge:1
       */
      id: string;
      /**
       * @description Where it is.
       * @enum {string}
       */
      state: 'queued' | 'leased' | 'delayed';
      /** @description Its base priority. */
      priority: number;
      /** @description Base priority + 0.1 × seconds waited since createdAt, at observedAt: what the queue pops by, highest first. */
      effectivePriority: number;
      /**
       * Format: date-time
       * @description When it was read (the queue's clock): effectivePriority and waitSeconds are as of then.
       */
      observedAt: string;
      /**
       * Format: date-time
       * @description When it started waiting (what its aging counts from).
       */
      createdAt: string;
      /** @description Seconds from createdAt to observedAt. */
      waitSeconds: number;
      /** @description Leases so far; while leased, the current lease. */
      attempt: number;
      /** @description Attempts allowed before it is dead-lettered. */
      maxAttempts: number;
      /** @description Failed attempts and expired leases so far. */
      failures: number;
      /** @description The workflow of a workflow job. */
      workflowId?: string;
      /** @description The job id within that workflow. */
      jobId?: string;
      /** @description The job template of a workflow job. */
      templateId?: string;
      /** @description Leased jobs only: who holds it, until when. */
      lease?: components['schemas']['PoolJobLeaseResponse'];
      /**
       * Format: date-time
       * @description Delayed jobs only: when it returns to the queue.
       */
      retryAt?: string;
    };
    /** @description A page of a pool's jobs in one state: queued in pop order, leased by lease expiry, delayed by retry time. */
    PoolJobPageResponse: {
      /** @description The jobs of this page (never their payloads). */
      items: components['schemas']['PoolJobResponse'][];
      /** @description Jobs in that state right now. */
      total: number;
      /** @description Pass as cursor for the next page; null at the end. */
      nextCursor: string | null;
    };
    /** @description A queue-level job error: its message and whether the queue may retry it. */
    QueueJobErrorResponse: {
      /** @description What went wrong. */
      message: string;
      /** @description false: dead-lettered at once; true: retried while attempts remain. */
      retryable: boolean;
      /** @description The executor report (code, step, details). */
      details?: components['schemas']['JsonValue'];
    };
    /** @description A dead-lettered job; times in ISO 8601. */
    DeadLetterResponse: {
      /** @description The queue job id. */
      id: string;
      /** @description Its pool. */
      pool: string;
      /** @description Its priority. */
      priority: number;
      /** @description The last attempt. */
      attempt: number;
      /** @description Failed attempts. */
      failures: number;
      /** @description Attempts allowed. */
      maxAttempts: number;
      /**
       * Format: date-time
       * @description When it was first queued.
       */
      createdAt: string;
      /**
       * Format: date-time
       * @description When it was dead-lettered.
       */
      deadAt?: string;
      /** @description Its last error. */
      lastError?: components['schemas']['QueueJobErrorResponse'];
      /** @description What the submitter attached (workflow, job, template). */
      meta?: components['schemas']['JsonObject'];
      /** @description GET of one job only: the payload (it may hold personal data). */
      payload?: components['schemas']['JsonObject'];
    };
    /** @description A page of dead-lettered jobs, newest first. */
    DeadLetterPageResponse: {
      /** @description The jobs of this page (without payloads). */
      items: components['schemas']['DeadLetterResponse'][];
      /** @description Jobs in the dead letter right now. */
      total: number;
      /** @description Pass as cursor for the next page; null at the end. */
      nextCursor: string | null;
    };
    /** @description A requeued job. */
    RequeuedJobResponse: {
      /** @description The queue job id. */
      id: string;
      /** @description Its pool. */
      pool: string;
      /**
       * @description Always queued.
       * @enum {string}
       */
      state: 'queued';
    };
    /** @description Any JSON value: an object, an array, a string, a number, a boolean or null. */
    JsonValue:
      | {
          [key: string]: unknown;
        }
      | unknown[]
      | string
      | number
      | boolean
      | null;
    /** @description A JSON object with members of any JSON type. */
    JsonObject: {
      [key: string]: unknown;
    };
    /**
     * @description One problem of a refused request.
     * @example {
     *       "pointer": "/jobs/0/templateId",
     *       "message": "is required"
     *     }
     */
    ProblemFieldError: {
      /** @description RFC 6901 JSON Pointer to the member at fault in the body or the query string (e.g. /jobs/0/templateId, /limit). */
      pointer?: string;
      /** @description The request header at fault, when it is a header (e.g. Idempotency-Key). */
      header?: string;
      /** @description The rule the value breaks. */
      message: string;
    };
    /**
     * @description RFC 9457 problem details (application/problem+json): the body of every 4xx and 5xx answer. Further members (code, missingScope, retryAfterSeconds, …) depend on the problem.
     * @example {
     *       "type": "about:blank",
     *       "title": "Invalid workflow",
     *       "status": 400,
     *       "detail": "The workflow definition is invalid",
     *       "instance": "/workflows",
     *       "code": "WORKFLOW.VALIDATION_FAILED",
     *       "errors": [
     *         {
     *           "pointer": "/jobs/0/templateId",
     *           "message": "is required"
     *         }
     *       ]
     *     }
     */
    ProblemDetails: {
      /** @description A URI naming the problem type; about:blank when the status says it all. */
      type: string;
      /** @description Short summary of the problem type. */
      title: string;
      /** @description The HTTP status code. */
      status: number;
      /** @description What went wrong with this request, in one sentence. */
      detail: string;
      /** @description The request path and query the problem occurred at. */
      instance?: string;
      /** @description Stable machine-readable code of a domain error (e.g. WORKFLOW.ILLEGAL_TRANSITION). */
      code?: string;
      /** @description One entry per problem of the request (400). */
      errors?: components['schemas']['ProblemFieldError'][];
    } & {
      [key: string]: unknown;
    };
    /**
     * @description Why a job FAILED, always an object: `message`, plus `code` and `step` when an executor reported the failure (its `retryable` and `details` kept), or the members a PUT sent (a string sent as `error` is stored as {message: <string>}). A job whose output or resolved input broke the template's schema lists the problems in `errors`.
     * @example {
     *       "message": "card declined",
     *       "code": "EXECUTOR.HTTP_CLIENT_ERROR",
     *       "step": "charge",
     *       "retryable": false,
     *       "details": {
     *         "code": "EXECUTOR.HTTP_CLIENT_ERROR",
     *         "step": "charge"
     *       }
     *     }
     */
    JobError: {
      /** @description What went wrong. */
      message: string;
      /** @description Stable code of the executor's error (e.g. EXECUTOR.HTTP_CLIENT_ERROR). */
      code?: string;
      /** @description The template step that failed. */
      step?: string;
      /** @description Whether the executor judged another attempt might succeed. */
      retryable?: boolean;
      /** @description The executor's report: code, step and its own details. */
      details?: components['schemas']['JsonValue'];
      /** @description Schema problems of the output or the resolved input. */
      errors?: components['schemas']['ProblemFieldError'][];
    } & {
      [key: string]: unknown;
    };
    /**
     * @description The one event type of GET /workflows/{id}/events: `event: transition`, `id:` the seq (send it back as Last-Event-ID to resume), `data:` one HistoryEntry as JSON.
     * @example {
     *       "event": "transition",
     *       "id": "3",
     *       "data": {
     *         "seq": 3,
     *         "at": "2026-01-31T10:00:02.000Z",
     *         "kind": "job",
     *         "jobId": "payment_processing",
     *         "from": "QUEUED",
     *         "to": "RUNNING",
     *         "attempt": 1
     *       }
     *     }
     */
    WorkflowTransitionEvent: {
      /**
       * @description The SSE event name. (enum property replaced by openapi-typescript)
       * @enum {string}
       */
      event: 'transition';
      /** @description The SSE event id: the seq of the transition. */
      id: string;
      /** @description The transition, as JSON on the data line. */
      data: components['schemas']['HistoryEntryResponse'];
    };
    /** @description An event of the workflow stream (text/event-stream), by its `event` name; the stream ends once the workflow is COMPLETED, FAILED or CANCELLED. */
    WorkflowEvent: components['schemas']['WorkflowTransitionEvent'];
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  listApiKeys: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The keys. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiKeyListResponse'];
        };
      };
      /** @description No valid bearer token, or an expired or revoked one (WWW-Authenticate: Bearer). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The token lacks the scope admin (missingScope names it; admin grants every scope). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The caller's rate limit is spent (Retry-After says when to try again). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Redis, MongoDB or the OIDC issuer is out of reach for the moment (Retry-After says when to try again). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  createApiKey: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description The name, scopes and optional expiry of the key. */
    requestBody: {
      content: {
        'application/json': {
          /** @description What the key is for. */
          name: string;
          /** @description What it grants (admin grants every scope). */
          scopes: ('workflows:read' | 'workflows:write' | 'jobs:write' | 'templates:read' | 'templates:write' | 'pools:read' | 'admin')[];
          /**
           * Format: date-time
           * @description When it stops working; never when absent.
           */
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
        content: {
          'application/json': components['schemas']['CreatedApiKeyResponse'];
        };
      };
      /** @description A field is missing or invalid; errors names it. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No valid bearer token, or an expired or revoked one (WWW-Authenticate: Bearer). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The token lacks the scope admin (missingScope names it; admin grants every scope). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The caller's rate limit is spent (Retry-After says when to try again). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Redis, MongoDB or the OIDC issuer is out of reach for the moment (Retry-After says when to try again). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  revokeApiKey: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The key id. */
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
      /** @description No valid bearer token, or an expired or revoked one (WWW-Authenticate: Bearer). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The token lacks the scope admin (missingScope names it; admin grants every scope). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No key has this id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The caller's rate limit is spent (Retry-After says when to try again). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Redis, MongoDB or the OIDC issuer is out of reach for the moment (Retry-After says when to try again). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  listAuditEntries: {
    parameters: {
      query?: {
        /** @description The next cursor of the previous page. */
        before?: string;
        /** @description Entries per page, 1 to 500. */
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of entries. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuditPageResponse'];
        };
      };
      /** @description limit or before is invalid; errors names it. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No valid bearer token, or an expired or revoked one (WWW-Authenticate: Bearer). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The token lacks the scope admin (missingScope names it; admin grants every scope). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The caller's rate limit is spent (Retry-After says when to try again). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Redis, MongoDB or the OIDC issuer is out of reach for the moment (Retry-After says when to try again). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  createTemplate: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description The template document, application/json. */
    requestBody: {
      content: {
        'application/json': components['schemas']['JobTemplateDocument'];
      };
    };
    responses: {
      /** @description Created; Location names the template. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['JobTemplate'];
        };
      };
      /** @description The document is invalid: errors lists every problem with its JSON Pointer. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No valid bearer token, or an expired or revoked one (WWW-Authenticate: Bearer). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The token lacks the scope templates:write (missingScope names it; admin grants every scope). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A template with this templateId already exists (publish a new version of it instead). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The body is larger than the server accepts. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The caller's rate limit is spent (Retry-After says when to try again). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Redis, MongoDB or the OIDC issuer is out of reach for the moment (Retry-After says when to try again). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  getTemplate: {
    parameters: {
      query?: {
        /** @description Exact version (1.2.0) or semver range (^1.2, ~1.2.3, >=2 <3); default: the highest non-deprecated release. */
        version?: string;
      };
      header?: never;
      path: {
        /** @description The template's identifier. */
        templateId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The resolved version, with the list of all versions. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['JobTemplate'];
        };
      };
      /** @description version is neither a version nor a range, or was given twice. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No valid bearer token, or an expired or revoked one (WWW-Authenticate: Bearer). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The token lacks the scope templates:read (missingScope names it; admin grants every scope). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No such template, or no version matching the selector. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The caller's rate limit is spent (Retry-After says when to try again). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Redis, MongoDB or the OIDC issuer is out of reach for the moment (Retry-After says when to try again). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  listWorkflows: {
    parameters: {
      query?: {
        /** @description Items per page. */
        limit?: number;
        /** @description nextCursor of the previous page. */
        cursor?: string;
        /** @description Only workflows in this state. */
        state?: 'INITIALIZED' | 'RUNNING' | 'COMPLETED' | 'FAILED' | 'CANCELLED';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of workflows. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WorkflowPageResponse'];
        };
      };
      /** @description A query parameter is out of bounds; errors names it (/limit, /cursor, /state). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No valid bearer token, or an expired or revoked one (WWW-Authenticate: Bearer). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The token lacks the scope workflows:read (missingScope names it; admin grants every scope). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The caller's rate limit is spent (Retry-After says when to try again). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Redis, MongoDB or the OIDC issuer is out of reach for the moment (Retry-After says when to try again). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  createWorkflow: {
    parameters: {
      query?: never;
      header?: {
        /** @description A repeat with the same key and body returns the first workflow (200, Idempotent-Replayed: true); another body → 409. */
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
      /** @description A repeat of an Idempotency-Key: the first workflow. */
      200: {
        headers: {
          /** @description The path of the new workflow: /workflows/{id}. */
          Location?: string;
          /** @description true: this answers an earlier request with the same key. */
          'Idempotent-Replayed'?: 'true';
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WorkflowResponse'];
        };
      };
      /** @description Created and started; Location names it. */
      201: {
        headers: {
          /** @description The path of the new workflow: /workflows/{id}. */
          Location?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WorkflowResponse'];
        };
      };
      /** @description The body breaks the schema, names an unknown template or version, or its jobs form a cycle; errors lists each problem. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No valid bearer token, or an expired or revoked one (WWW-Authenticate: Bearer). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The token lacks the scope workflows:write (missingScope names it; admin grants every scope). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The Idempotency-Key was used with another body. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The body, or a job input once resolved, is larger than allowed. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many creates in flight in this replica, a pool the workflow needs has too many queued jobs, or the caller’s rate limit is spent (Retry-After). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Redis, MongoDB or the OIDC issuer is out of reach for the moment (Retry-After says when to try again). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  getWorkflow: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The workflow id (as POST /workflows answered it). */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The workflow. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WorkflowResponse'];
        };
      };
      /** @description No valid bearer token, or an expired or revoked one (WWW-Authenticate: Bearer). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The token lacks the scope workflows:read (missingScope names it; admin grants every scope). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No workflow has this id (or it was deleted at the end of its retention). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The caller's rate limit is spent (Retry-After says when to try again). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Redis, MongoDB or the OIDC issuer is out of reach for the moment (Retry-After says when to try again). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  deleteWorkflow: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The workflow id (as POST /workflows answered it). */
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
      /** @description No valid bearer token, or an expired or revoked one (WWW-Authenticate: Bearer). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The token lacks the scope workflows:write (missingScope names it; admin grants every scope). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No workflow has this id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The workflow has not finished (cancel it first). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The caller's rate limit is spent (Retry-After says when to try again). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Redis, MongoDB or the OIDC issuer is out of reach for the moment (Retry-After says when to try again). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  cancelWorkflow: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The workflow id (as POST /workflows answered it). */
        id: string;
      };
      cookie?: never;
    };
    /** @description Optional: why it is cancelled. */
    requestBody?: {
      content: {
        'application/json': components['schemas']['CancelWorkflowRequest'];
      };
    };
    responses: {
      /** @description The workflow, CANCELLED. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WorkflowResponse'];
        };
      };
      /** @description The body breaks its schema. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No valid bearer token, or an expired or revoked one (WWW-Authenticate: Bearer). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The token lacks the scope workflows:write (missingScope names it; admin grants every scope). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No workflow has this id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The workflow already COMPLETED or FAILED. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The body is larger than allowed. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The caller's rate limit is spent (Retry-After says when to try again). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Redis, MongoDB or the OIDC issuer is out of reach for the moment (Retry-After says when to try again). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  retryWorkflow: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The workflow id (as POST /workflows answered it). */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The workflow, RUNNING again. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WorkflowResponse'];
        };
      };
      /** @description No valid bearer token, or an expired or revoked one (WWW-Authenticate: Bearer). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The token lacks the scope workflows:write (missingScope names it; admin grants every scope). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No workflow has this id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The workflow is not FAILED. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The caller's rate limit is spent (Retry-After says when to try again). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Redis, MongoDB or the OIDC issuer is out of reach for the moment (Retry-After says when to try again). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  updateJob: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The workflow id (as POST /workflows answered it). */
        id: string;
        /** @description The job id within the workflow (its `id` in the create request). */
        jobId: string;
      };
      cookie?: never;
    };
    /** @description The new status and its output or error. */
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateJobRequest'];
      };
    };
    responses: {
      /** @description The workflow after the update. */
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
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No valid bearer token, or an expired or revoked one (WWW-Authenticate: Bearer). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The token lacks the scope jobs:write (missingScope names it; admin grants every scope). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No such workflow, or no such job in it. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Illegal move for the job state machine, stale attempt, or another result for a finished job. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The body is larger than allowed. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The caller's rate limit is spent (Retry-After says when to try again). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Redis, MongoDB or the OIDC issuer is out of reach for the moment (Retry-After says when to try again). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  streamWorkflowEvents: {
    parameters: {
      query?: never;
      header?: {
        /** @description Resume after this seq (the id of the last event received); anything but 1 to 9 digits replays from the start. */
        'Last-Event-ID'?: string;
      };
      path: {
        /** @description The workflow id (as POST /workflows answered it). */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The event stream (text/event-stream); each event is one WorkflowEvent. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/event-stream': components['schemas']['WorkflowEvent'];
        };
      };
      /** @description No valid bearer token, or an expired or revoked one (WWW-Authenticate: Bearer). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The token lacks the scope workflows:read (missingScope names it; admin grants every scope). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No workflow has this id (answered before the stream starts). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The caller's rate limit is spent (Retry-After says when to try again). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Redis, MongoDB or the OIDC issuer is out of reach for the moment (Retry-After says when to try again). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  listPools: {
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
        content: {
          'application/json': components['schemas']['PoolListResponse'];
        };
      };
      /** @description No valid bearer token, or an expired or revoked one (WWW-Authenticate: Bearer). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The token lacks the scope pools:read (missingScope names it; admin grants every scope). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The caller's rate limit is spent (Retry-After says when to try again). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Redis, MongoDB or the OIDC issuer is out of reach for the moment (Retry-After says when to try again). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  getPool: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The pool name. */
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
        content: {
          'application/json': components['schemas']['PoolDetailResponse'];
        };
      };
      /** @description No valid bearer token, or an expired or revoked one (WWW-Authenticate: Bearer). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The token lacks the scope pools:read (missingScope names it; admin grants every scope). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No pool has this name. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The caller's rate limit is spent (Retry-After says when to try again). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Redis, MongoDB or the OIDC issuer is out of reach for the moment (Retry-After says when to try again). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  listPoolJobs: {
    parameters: {
      query?: {
        /** @description Items per page. */
        limit?: number;
        /** @description nextCursor of the previous page. */
        cursor?: string;
        /** @description Which jobs: queued (in pop order), leased (soonest lease expiry first) or delayed (soonest retry first). */
        state?: 'queued' | 'leased' | 'delayed';
      };
      header?: never;
      path: {
        /** @description The pool name. */
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
        content: {
          'application/json': components['schemas']['PoolJobPageResponse'];
        };
      };
      /** @description A query parameter is invalid; errors names it (/state, /limit, /cursor). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No valid bearer token, or an expired or revoked one (WWW-Authenticate: Bearer). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The token lacks the scope pools:read (missingScope names it; admin grants every scope). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No such pool. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The caller's rate limit is spent (Retry-After says when to try again). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Redis, MongoDB or the OIDC issuer is out of reach for the moment (Retry-After says when to try again). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  listDeadLetters: {
    parameters: {
      query?: {
        /** @description Items per page. */
        limit?: number;
        /** @description nextCursor of the previous page. */
        cursor?: string;
      };
      header?: never;
      path: {
        /** @description The pool name. */
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
        content: {
          'application/json': components['schemas']['DeadLetterPageResponse'];
        };
      };
      /** @description A query parameter is out of bounds; errors names it. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No valid bearer token, or an expired or revoked one (WWW-Authenticate: Bearer). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The token lacks the scope admin (missingScope names it; admin grants every scope). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No such pool. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The caller's rate limit is spent (Retry-After says when to try again). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Redis, MongoDB or the OIDC issuer is out of reach for the moment (Retry-After says when to try again). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  getDeadLetter: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The pool name. */
        pool: string;
        /** @description The queue job id of the dead-lettered job. */
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
        content: {
          'application/json': components['schemas']['DeadLetterResponse'];
        };
      };
      /** @description No valid bearer token, or an expired or revoked one (WWW-Authenticate: Bearer). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The token lacks the scope admin (missingScope names it; admin grants every scope). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No such pool, or no such job in its dead letter. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The caller's rate limit is spent (Retry-After says when to try again). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Redis, MongoDB or the OIDC issuer is out of reach for the moment (Retry-After says when to try again). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  purgeDeadLetter: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The pool name. */
        pool: string;
        /** @description The queue job id of the dead-lettered job. */
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
      /** @description No valid bearer token, or an expired or revoked one (WWW-Authenticate: Bearer). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The token lacks the scope admin (missingScope names it; admin grants every scope). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No such pool or job. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The job is not dead-lettered. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The caller's rate limit is spent (Retry-After says when to try again). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Redis, MongoDB or the OIDC issuer is out of reach for the moment (Retry-After says when to try again). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  requeueDeadLetter: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The pool name. */
        pool: string;
        /** @description The queue job id of the dead-lettered job. */
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
        content: {
          'application/json': components['schemas']['RequeuedJobResponse'];
        };
      };
      /** @description No valid bearer token, or an expired or revoked one (WWW-Authenticate: Bearer). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The token lacks the scope admin (missingScope names it; admin grants every scope). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No such pool or job. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The job is not dead-lettered (any more). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The caller's rate limit is spent (Retry-After says when to try again). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Redis, MongoDB or the OIDC issuer is out of reach for the moment (Retry-After says when to try again). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
}
