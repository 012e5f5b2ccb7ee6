import type { JsonObject, JsonValue } from '@base-shift/core';
import type { JobState, WorkflowState } from '../domain/workflow-states';

/** One recorded transition (also the payload of a live event). */
export interface HistoryEntry {
  seq: number;
  /** Redis server time, ms since the epoch. */
  at: number;
  kind: 'workflow' | 'job';
  jobId?: string;
  /** '' for the creation record. */
  from: string;
  to: string;
  reason?: string;
  attempt?: number;
}

export interface JobRecord {
  id: string;
  templateId: string;
  /** The pinned (resolved) version. */
  version: string;
  /** Content hash of the pinned snapshot (caches of its schemas key on it). */
  templateHash: string;
  /** What the request asked for (exact, range), if anything. */
  requestedVersion?: string;
  pool: string;
  priority: number;
  maxAttempts: number;
  timeoutSeconds?: number;
  dependsOn: string[];
  state: JobState;
  /** 1 + the number of workflow retries that re-ran this job. */
  run: number;
  /** Attempts of the current run (the queue's fencing token). */
  attempts: number;
  /** The input as requested, references included. */
  input: JsonObject;
  /** The input sent to the executor, once the job was queued. */
  resolvedInput?: JsonValue;
  output?: JsonValue;
  error?: JsonValue;
  queueJobId?: string;
  queuedAt?: number;
  startedAt?: number;
  finishedAt?: number;
  updatedAt?: number;
  deadlineAt?: number;
  /** The job was set through the API and left the queue's hands. */
  external: boolean;
}

export interface WorkflowRecord {
  id: string;
  name?: string;
  state: WorkflowState;
  currentJob: string;
  mode: 'sequential' | 'dag';
  input: JsonObject;
  priority?: number;
  timeoutSeconds?: number;
  deadlineAt?: number;
  createdAt: number;
  updatedAt: number;
  startedAt?: number;
  finishedAt?: number;
  /** A finished workflow is deleted, every key of it, at this time (its retention). */
  expiresAt?: number;
  reason?: string;
  jobs: JobRecord[];
  history: HistoryEntry[];
}

/** What may leave Redis now: new values for fields that shrink (`null`: delete the field). */
export interface ForgetPlan {
  /** The workflow input without the paths no job needs any more, and the jobs whose success allows it. */
  input?: { value: JsonObject; succeeded: string[] };
  jobs: Array<{ id: string; input?: JsonObject; resolvedInput?: JsonValue | null }>;
}

/** An operation on the queue decided by a script, carried out by the engine, then acknowledged. */
export interface OutboxOp {
  /** The op exactly as stored (what acknowledging removes). */
  op: string;
  kind: 'enqueue' | 'cancel';
  jobId: string;
  queueJobId: string;
  pool: string;
  templateId: string;
  /** cancel: the attempts the job had so far (for its log lines). */
  attempt?: number;
  priority?: number;
  maxAttempts?: number;
  version?: string;
  templateHash?: string;
  timeoutSeconds?: number;
  input?: JsonValue;
}

/** What apply-result-6.lua tells about the job whose result it applied (for metrics). */
export interface AppliedJobFacts {
  /** The job's state before and after the result. */
  from: JobState;
  to: JobState;
  /** The job started running in this call (its 'started' event, or an outcome whose 'started' was never applied). */
  started: boolean;
  templateId: string;
  pool: string;
  /** Redis clock, ms: when the job was queued for this run, when its current attempt started, when the event happened. */
  queuedAt?: number;
  startedAt?: number;
  at: number;
}

/** What every state-changing script answers. */
export interface ScriptOutcome {
  state: WorkflowState;
  /** The workflow state changed in this call (the state index must follow). */
  workflowMoved: boolean;
  /** The state before this call when it moved, else null. */
  previousState: WorkflowState | null;
  /** Every workflow move of this call, in order (usually none or one). */
  moves: Array<{ from: WorkflowState; to: WorkflowState }>;
  createdAt: number;
  /** PENDING jobs whose dependencies all succeeded: resolve their input and enqueue them. */
  ready: string[];
  /** The whole outbox: operations still to carry out (possibly left by an interrupted call). */
  ops: OutboxOp[];
  /** When the workflow must be looked at again (a deadline), or null. */
  nextDeadline: number | null;
  /** A pinned inputSchema marks fields writeOnly (meta `writeOnly`): values to drop once no job needs them. */
  writeOnly: boolean;
  applied?: boolean;
  /** Set by apply-result when `applied`. */
  job?: AppliedJobFacts;
  note?: 'stale' | 'duplicate' | 'ignored';
  changed?: boolean;
  queued?: number;
  created?: boolean;
}
