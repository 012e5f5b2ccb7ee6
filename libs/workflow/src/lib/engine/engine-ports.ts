import type { JsonObject, JsonValue } from '@base-shift/core';
import type { WorkflowJobPayload } from '@base-shift/job-contract';

export interface QueueJobSpec {
  /** Deterministic (`<workflowId>:<jobId>:<run>`), so enqueueing twice is harmless. */
  id: string;
  payload: WorkflowJobPayload;
  priority: number;
  maxAttempts: number;
}

/** One entry of a pool's result stream, as the engine needs it. */
export interface QueueResult {
  /** Stream entry id (what is acknowledged). */
  entryId: string;
  queueJobId: string;
  attempt: number;
  /** `retrying`: failed, the queue will run it again; `failed`: final; `cancelled`: removed from the queue. */
  outcome: 'started' | 'succeeded' | 'retrying' | 'failed' | 'cancelled';
  output?: JsonValue;
  error?: JsonValue;
  /** A one-line reason for failures. */
  reason?: string;
  /** When the queue recorded the event (ms). */
  at?: number;
  /** The pool whose result stream carried it. */
  pool?: string;
  /** The job's template, echoed by the queue from the enqueue (absent for jobs enqueued without it). */
  templateId?: string;
}

/**
 * The job queue as the workflow engine uses it (adapter: queue-adapter.ts over
 * @base-shift/queue). Result reads go through one consumer group; the
 * adapter knows this replica's consumer name.
 */
export interface JobQueuePort {
  /** Idempotent by `job.id` while the job is live. */
  enqueue(pool: string, job: QueueJobSpec): Promise<void>;
  /** Removes a queued job or flags a leased one (its executor stops on heartbeat); unknown or finished ids are ignored. */
  cancel(pool: string, queueJobId: string): Promise<void>;
  /** Deletes a dead-lettered job (and the payload it keeps); an id that is not dead-lettered is ignored. */
  purgeDead(pool: string, queueJobId: string): Promise<void>;
  /**
   * Creates the engine's consumer group on the pool's result stream once the
   * stream exists (idempotent; from its first entry, so none is missed).
   * Resolves false while there is no stream yet: an idle control plane writes nothing.
   */
  ensureResultGroup(pool: string): Promise<boolean>;
  /** Results this consumer read before but never acknowledged (after a restart). */
  readPendingResults(pool: string, count: number): Promise<QueueResult[]>;
  /** New results; blocks up to `blockMs` when there are none. */
  readResults(pool: string, count: number, blockMs: number): Promise<QueueResult[]>;
  /** Takes over results another consumer read but did not acknowledge within `minIdleMs`. */
  claimStaleResults(pool: string, minIdleMs: number, count: number): Promise<QueueResult[]>;
  ackResults(pool: string, entryIds: readonly string[]): Promise<void>;
}

/** A template version pinned into a workflow: the part of it the engine and executors use. */
export interface PinnedTemplate {
  templateId: string;
  version: string;
  name: string;
  steps: JsonValue[];
  inputSchema: JsonObject;
  outputSchema: JsonObject;
  priority: number;
  maxAttempts: number;
  timeoutSeconds: number;
  resourceClass: string;
  requiredSecrets: string[];
}

export type TemplateResolution = { template: PinnedTemplate } | { problem: 'unknown-template' | 'no-matching-version' | 'invalid-version' };

/** Resolves exact versions, semver ranges and "latest" (adapter over @base-shift/templates). */
export interface TemplateResolverPort {
  resolve(templateId: string, versionOrRange: string | undefined): Promise<TemplateResolution>;
}
