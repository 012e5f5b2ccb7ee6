import { errorMessage, getLogger, type JsonObject } from '@base-shift/core';
import { redactJson, writeOnlyPaths, type JsonPath } from '@base-shift/steps';
import type { JobRecord, WorkflowRecord } from '../store/workflow-record';
import type { WorkflowStore } from '../store/workflow-store';
import type { JobQueuePort } from './engine-ports';
import type { TemplateSchemas } from './template-schemas';
import { queueJobId } from './workflow-ids';
import { forgetPlan, redactWorkflow, type WriteOnlyByJob } from './write-only-redaction';

/**
 * Input fields a pinned inputSchema marks `writeOnly: true`: hidden from
 * every workflow the engine hands out, and dropped from Redis as soon as no
 * job needs them. The paths come from the pinned snapshots, cached by
 * content hash in TemplateSchemas (a read costs one HGET per snapshot the
 * process has not seen yet).
 */
export class WriteOnlyFields {
  private readonly logger = getLogger(WriteOnlyFields.name);

  constructor(
    private readonly store: WorkflowStore,
    private readonly schemas: TemplateSchemas,
    private readonly queue: JobQueuePort,
  ) {}

  /** The workflow without any value of a writeOnly field. */
  async redact(record: WorkflowRecord): Promise<WorkflowRecord> {
    return redactWorkflow(record, await this.byJob(record));
  }

  /**
   * A queue payload of a workflow job (a dead letter keeps it) without the
   * writeOnly members of its input. Without the workflow's pinned snapshot
   * (expired or deleted) the fields cannot be told apart: the input is left out.
   */
  async redactPayload(payload: JsonObject): Promise<JsonObject> {
    const { workflowId, templateId, version, input } = payload;
    if (typeof workflowId !== 'string' || typeof templateId !== 'string' || typeof version !== 'string' || input === undefined) return payload;
    const snapshot = (await this.store.templateSnapshot(workflowId, templateId, version)) as { inputSchema?: unknown } | null;
    const rest = Object.fromEntries(Object.entries(payload).filter(([key]) => key !== 'input'));
    if (!snapshot) return rest;
    const redacted = redactJson(input, writeOnlyPaths(snapshot.inputSchema));
    return redacted === undefined ? rest : { ...rest, input: redacted };
  }

  /**
   * Drops what no job needs any more (forget-write-only-2.lua re-checks in
   * Redis that the jobs SUCCEEDED / the workflow is over). Best effort: a
   * failure is logged, and the next success or the end of the workflow drops
   * the values again (retention deletes them at the latest).
   */
  async forget(id: string): Promise<void> {
    try {
      const record = await this.store.read(id);
      if (!record) return;
      const byJob = await this.byJob(record);
      const plan = forgetPlan(record, byJob);
      if (plan.input || plan.jobs.length > 0) {
        const rewritten = await this.store.forgetWriteOnly(id, plan);
        this.logger.debug(`workflow ${id}: dropped writeOnly values from ${rewritten} field(s)`);
      }
      await this.purgeEarlierRuns(record, byJob);
    } catch (error) {
      this.logger.warn(`workflow ${id}: dropping writeOnly values failed; retried at the next job success: ${errorMessage(error)}`);
    }
  }

  /**
   * The queue keeps a dead letter's payload (the resolved input) for requeueing;
   * once a retry ran a job again and it is done, the dead letters of its
   * earlier runs are obsolete (their results would be ignored) and go too.
   */
  private async purgeEarlierRuns(record: WorkflowRecord, byJob: WriteOnlyByJob): Promise<void> {
    const over = record.state === 'COMPLETED' || record.state === 'CANCELLED';
    const purges = record.jobs
      .filter((job) => (over || job.state === 'SUCCEEDED') && job.run > 1 && (byJob.get(job.id)?.length ?? 0) > 0)
      .flatMap((job) => Array.from({ length: job.run - 1 }, (_, index) => this.queue.purgeDead(job.pool, queueJobId(record.id, job.id, index + 1))));
    await Promise.all(purges);
  }

  /** Deletes the dead letters of every run of a workflow that is being deleted, when its jobs have writeOnly fields. */
  async purgeAllRuns(record: WorkflowRecord): Promise<void> {
    const byJob = await this.byJob(record);
    const purges = record.jobs
      .filter((job) => (byJob.get(job.id)?.length ?? 0) > 0)
      .flatMap((job) => Array.from({ length: job.run }, (_, index) => this.queue.purgeDead(job.pool, queueJobId(record.id, job.id, index + 1))));
    await Promise.all(purges);
  }

  private async byJob(record: WorkflowRecord): Promise<WriteOnlyByJob> {
    const paths = new Map<string, JsonPath[]>();
    const missing = new Map<string, JobRecord>();
    for (const job of record.jobs) {
      if (this.schemas.hasWriteOnly(job.templateHash)) paths.set(job.templateHash, this.schemas.writeOnlyPaths(job.templateHash));
      else missing.set(job.templateHash, job);
    }
    await Promise.all(
      [...missing.values()].map(async (job) => {
        const snapshot = (await this.store.templateSnapshot(record.id, job.templateId, job.version)) as { inputSchema?: unknown } | null;
        // Without its snapshot a job's fields cannot be told apart: refuse rather than show them.
        if (!snapshot) throw new Error(`workflow ${record.id}: pinned snapshot ${job.templateId}@${job.version} is missing`);
        paths.set(job.templateHash, this.schemas.rememberWriteOnly(job.templateHash, snapshot.inputSchema));
      }),
    );
    return new Map(record.jobs.map((job) => [job.id, paths.get(job.templateHash) ?? []]));
  }
}
