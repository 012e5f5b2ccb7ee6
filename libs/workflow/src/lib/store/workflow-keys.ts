import { templateSnapshotField, templateSnapshotsKey } from '@base-shift/job-contract';

/** The keys of one workflow; all share the `{<id>}` hash tag, so one script may touch them all. */
export interface WorkflowKeySet {
  /** `workflow:{<id>}:state` (STRING), exactly as the seed names it. */
  state: string;
  /** `workflow:{<id>}:currentJob` (STRING), exactly as the seed names it. */
  currentJob: string;
  /** `workflow:{<id>}:jobs` (LIST of job ids, in the request's order), exactly as the seed names it. */
  jobs: string;
  /** HASH: name, input, priority, timestamps, deadline, reason, request hash, history sequence. */
  meta: string;
  /** LIST of JSON transition records, oldest first. */
  history: string;
  /** HASH `<templateId>@<version>` → pinned template snapshot (JSON), one per version used. */
  templates: string;
  /** LIST of queue operations decided by a script but not yet carried out (the outbox). */
  outbox: string;
  /** Prefix of the per-job HASHes: `<jobPrefix><jobId>`. Scripts build job keys from it. */
  jobPrefix: string;
  /** Pub/sub channel carrying the history records as they are written (not a key). */
  events: string;
}

/**
 * The one place key names are made. `prefix` exists for test isolation and is
 * put in front of every key; production uses no prefix, so the keys are
 * exactly the seed's `workflow:{<id>}:state`, `:currentJob` and `:jobs`.
 */
export class WorkflowKeys {
  constructor(readonly prefix = '') {}

  forWorkflow(id: string): WorkflowKeySet {
    const base = `${this.prefix}workflow:{${id}}:`;
    return {
      state: `${base}state`,
      currentJob: `${base}currentJob`,
      jobs: `${base}jobs`,
      meta: `${base}meta`,
      history: `${base}history`,
      templates: templateSnapshotsKey(this.prefix, id),
      outbox: `${base}outbox`,
      jobPrefix: `${base}job:`,
      events: `${base}events`,
    };
  }

  job(id: string, jobId: string): string {
    return `${this.forWorkflow(id).jobPrefix}${jobId}`;
  }

  /** Field of `templates` holding one pinned snapshot. */
  templateField(templateId: string, version: string): string {
    return templateSnapshotField(templateId, version);
  }

  // Keys below have no workflow tag: each lives in its own slot and is only
  // written in steps that are safe to repeat (see README "Crash safety").

  /** ZSET id → createdAt (ms): every workflow, newest first. */
  index(): string {
    return `${this.prefix}workflow-index`;
  }

  /** ZSET id → createdAt (ms) of workflows last seen in `state` (verified on read). */
  stateIndex(state: string): string {
    return `${this.prefix}workflow-index:${state}`;
  }

  /** STRING: set once every workflow finished before retention existed was given an expiry (RetentionBackfill). */
  retentionBackfilled(): string {
    return `${this.prefix}workflow-retention-backfilled`;
  }

  /** ZSET id → time (ms) the workflow must be looked at: a deadline, or recovery of an interrupted step. */
  timers(): string {
    return `${this.prefix}workflow-timers`;
  }
}
