import type { JsonObject, JsonValue } from '@base-shift/core';

/** What the engine hands the store; the store turns it into hash fields and script arguments. */
export interface NewJob {
  id: string;
  templateId: string;
  /** Pinned version. */
  version: string;
  requestedVersion?: string;
  /** Hash of the pinned snapshot (caches of compiled schemas key on it). */
  templateHash: string;
  pool: string;
  priority: number;
  maxAttempts: number;
  timeoutSeconds?: number;
  dependsOn: string[];
  input: JsonObject;
}

export interface NewWorkflow {
  id: string;
  requestHash: string;
  name?: string;
  mode: 'sequential' | 'dag';
  input: JsonObject;
  priority?: number;
  timeoutSeconds?: number;
  /** A finished workflow's keys expire this long after it finished. */
  retentionSeconds: number;
  /** A pinned inputSchema marks fields writeOnly: the engine drops their values once no job needs them. */
  writeOnly?: boolean;
  createdAt: number;
  jobs: NewJob[];
  /** One snapshot per (templateId, version) used, whatever the number of jobs using it. */
  templates: Array<{ templateId: string; version: string; snapshot: JsonValue }>;
}

/** A ready job with its input resolved, or the reason it cannot run. */
export type ReadyEntry = { jobId: string; input: JsonValue } | { jobId: string; error: JsonValue; reason: string };

export interface JobResult {
  jobId: string;
  queueJobId: string;
  attempt: number;
  outcome: 'started' | 'succeeded' | 'retrying' | 'failed' | 'cancelled';
  /** Output when succeeded, else the error (null for 'started'). */
  payload: JsonValue;
  reason?: string;
  /** When the queue recorded the event (ms). */
  at?: number;
}

export interface JobUpdate {
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED';
  payload?: JsonValue;
  attempt?: number;
  reason?: string;
}

/** What the engine reads to resolve ready jobs' inputs. */
export interface EnqueueContext {
  input: JsonValue;
  jobs: Array<{ id: string; input: JsonValue; templateId: string; version: string; templateHash: string }>;
}
