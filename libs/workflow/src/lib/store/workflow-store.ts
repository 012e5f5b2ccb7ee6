import type { JsonValue } from '@base-shift/core';
import type { WorkflowState } from '../domain/workflow-states';
import { jsonHash } from './canonical-json';
import { runLuaScript, type RedisConnection } from '@base-shift/redis';
import { WORKFLOW_SCRIPTS } from './lua-scripts';
import { isRefusal, refusalToError } from './script-refusals';
import type { WorkflowKeys } from './workflow-keys';
import { parseOutcome, parseWorkflow } from './record-parsing';
import type { EnqueueContext, JobResult, JobUpdate, NewWorkflow, ReadyEntry } from './store-inputs';
import type { ForgetPlan, ScriptOutcome, WorkflowRecord } from './workflow-record';

const SCRIPTS = {
  create: WORKFLOW_SCRIPTS['create-workflow'],
  enqueue: WORKFLOW_SCRIPTS['enqueue-jobs'],
  apply: WORKFLOW_SCRIPTS['apply-result'],
  cancel: WORKFLOW_SCRIPTS['cancel-workflow'],
  retry: WORKFLOW_SCRIPTS['retry-workflow'],
  update: WORKFLOW_SCRIPTS['update-job'],
  reconcile: WORKFLOW_SCRIPTS['reconcile'],
  ackOutbox: WORKFLOW_SCRIPTS['ack-outbox'],
  read: WORKFLOW_SCRIPTS['read-workflow'],
  delete: WORKFLOW_SCRIPTS['delete-workflow'],
  backfillRetention: WORKFLOW_SCRIPTS['backfill-retention'],
  forgetWriteOnly: WORKFLOW_SCRIPTS['forget-write-only'],
};

type ScriptName = keyof typeof SCRIPTS;

/**
 * Every change to one workflow is one Lua script over keys of its `{<id>}`
 * hash tag: all-or-nothing, illegal moves refused inside Redis.
 */
export class WorkflowStore {
  private readonly scripts = SCRIPTS;

  constructor(
    private readonly redis: RedisConnection,
    readonly keys: WorkflowKeys,
  ) {}

  async create(workflow: NewWorkflow): Promise<{ created: boolean; state: WorkflowState }> {
    const k = this.keys.forWorkflow(workflow.id);
    const meta: string[] = ['id', workflow.id, 'createdAt', String(workflow.createdAt), 'mode', workflow.mode, 'input', JSON.stringify(workflow.input)];
    meta.push('retentionSeconds', String(workflow.retentionSeconds));
    if (workflow.writeOnly) meta.push('writeOnly', '1');
    if (workflow.name !== undefined) meta.push('name', workflow.name);
    if (workflow.priority !== undefined) meta.push('priority', String(workflow.priority));
    const templates = workflow.templates.flatMap((t) => [this.keys.templateField(t.templateId, t.version), JSON.stringify(t.snapshot)]);
    const jobs = workflow.jobs.map((job, index) => {
      const fields = [
        job.id,
        ...['index', String(index), 'templateId', job.templateId, 'version', job.version, 'templateHash', job.templateHash],
        ...['pool', job.pool, 'priority', String(job.priority), 'maxAttempts', String(job.maxAttempts)],
        ...['dependsOn', job.dependsOn.join(' '), 'input', JSON.stringify(job.input)],
      ];
      if (job.requestedVersion !== undefined) fields.push('requestedVersion', job.requestedVersion);
      if (job.timeoutSeconds !== undefined) fields.push('timeoutSeconds', String(job.timeoutSeconds));
      return fields;
    });
    const reply = await this.run(
      'create',
      workflow.id,
      [k.state, k.currentJob, k.jobs, k.meta, k.history, k.outbox, k.templates],
      [
        workflow.requestHash,
        JSON.stringify(meta),
        JSON.stringify(templates),
        JSON.stringify(jobs),
        workflow.timeoutSeconds === undefined ? '' : String(workflow.timeoutSeconds),
      ],
    );
    const outcome = JSON.parse(String(reply)) as { created: boolean; state: WorkflowState };
    return { created: outcome.created, state: outcome.state };
  }

  enqueueReady(id: string, entries: readonly ReadyEntry[]): Promise<ScriptOutcome> {
    const encoded = entries.map((entry) =>
      'input' in entry ? [entry.jobId, 'ok', JSON.stringify(entry.input)] : [entry.jobId, 'invalid', JSON.stringify(entry.error), entry.reason],
    );
    return this.change('enqueue', id, [JSON.stringify(encoded)]);
  }

  applyResult(id: string, result: JobResult): Promise<ScriptOutcome> {
    const payload = JSON.stringify(result.payload ?? null);
    return this.change(
      'apply',
      id,
      [
        result.jobId,
        result.queueJobId,
        String(result.attempt),
        result.outcome,
        payload,
        jsonHash(result.payload ?? null),
        result.reason ?? '',
        result.at === undefined ? '' : String(result.at),
      ],
      result.jobId,
    );
  }

  cancel(id: string, reason: string): Promise<ScriptOutcome> {
    return this.change('cancel', id, [reason]);
  }

  retry(id: string): Promise<ScriptOutcome> {
    return this.change('retry', id, []);
  }

  updateJob(id: string, jobId: string, update: JobUpdate): Promise<ScriptOutcome> {
    const hasPayload = update.payload !== undefined;
    return this.change(
      'update',
      id,
      [
        jobId,
        update.status,
        hasPayload ? JSON.stringify(update.payload) : '',
        hasPayload ? jsonHash(update.payload) : '',
        update.attempt === undefined ? '' : String(update.attempt),
        update.reason ?? '',
      ],
      jobId,
    );
  }

  reconcile(id: string): Promise<ScriptOutcome> {
    return this.change('reconcile', id, []);
  }

  async ackOutbox(id: string, ops: readonly string[]): Promise<void> {
    if (ops.length === 0) return;
    await runLuaScript(this.redis, this.scripts.ackOutbox, [this.keys.forWorkflow(id).outbox], ops);
  }

  /** Removes every key of a finished workflow; throws WorkflowNotFinishedError for one still going. */
  async delete(id: string): Promise<void> {
    const k = this.keys.forWorkflow(id);
    const reply = await runLuaScript(this.redis, this.scripts.delete, [k.state, k.currentJob, k.jobs, k.meta, k.history, k.outbox, k.templates], [k.jobPrefix]);
    if (isRefusal(reply)) throw refusalToError(reply, id);
  }

  /**
   * Gives a finished workflow without an expiry one (see backfill-retention-7.lua):
   * the expiry set (ms), 0 if there was nothing to do, null if the workflow is gone.
   */
  async backfillRetention(id: string, retentionSeconds: number): Promise<number | null> {
    const k = this.keys.forWorkflow(id);
    const keys = [k.state, k.currentJob, k.jobs, k.meta, k.history, k.outbox, k.templates];
    const at = Number(await runLuaScript(this.redis, this.scripts.backfillRetention, keys, [k.jobPrefix, String(retentionSeconds)]));
    return at < 0 ? null : at;
  }

  /**
   * Rewrites writeOnly values no job needs any more (see forget-write-only-2.lua:
   * Redis checks the job SUCCEEDED / the workflow is over). Returns the number of fields rewritten.
   */
  async forgetWriteOnly(id: string, plan: ForgetPlan): Promise<number> {
    const k = this.keys.forWorkflow(id);
    const jobs = plan.jobs.map((job) => ({
      id: job.id,
      ...(job.input !== undefined && { input: JSON.stringify(job.input) }),
      ...(job.resolvedInput !== undefined && { resolvedInput: job.resolvedInput === null ? false : JSON.stringify(job.resolvedInput) }),
    }));
    const reply = await runLuaScript(
      this.redis,
      this.scripts.forgetWriteOnly,
      [k.state, k.meta],
      [k.jobPrefix, plan.input ? JSON.stringify(plan.input.value) : '', JSON.stringify(plan.input?.succeeded ?? []), JSON.stringify(jobs)],
    );
    return Number(reply);
  }

  async read(id: string): Promise<WorkflowRecord | null> {
    const k = this.keys.forWorkflow(id);
    return parseWorkflow(await runLuaScript(this.redis, this.scripts.read, [k.state, k.currentJob, k.jobs, k.meta, k.history], [k.jobPrefix]));
  }

  /** The hash of the request that created `id`, or null if there is no such workflow (Idempotency-Key repeats compare it). */
  async requestHash(id: string): Promise<string | null> {
    return this.redis.hget(this.keys.forWorkflow(id).meta, 'requestHash');
  }

  async state(id: string): Promise<WorkflowState | null> {
    return (await this.redis.get(this.keys.forWorkflow(id).state)) as WorkflowState | null;
  }

  /**
   * Inputs of `jobIds` and the workflow input. A pipeline, not a script: these
   * fields never change once written, so no consistency is lost.
   */
  async enqueueContext(id: string, jobIds: readonly string[]): Promise<EnqueueContext> {
    const k = this.keys.forWorkflow(id);
    const pipeline = this.redis.pipeline().hget(k.meta, 'input');
    for (const jobId of jobIds) pipeline.hmget(`${k.jobPrefix}${jobId}`, 'input', 'templateId', 'version', 'templateHash');
    const replies = (await pipeline.exec()) ?? [];
    for (const [error] of replies) if (error) throw error;
    const [inputReply, ...jobReplies] = replies.map(([, value]) => value);
    return {
      input: JSON.parse(String(inputReply ?? '{}')) as JsonValue,
      jobs: jobIds.map((jobId, index) => {
        const [input, templateId, version, templateHash] = jobReplies[index] as Array<string | null>;
        return {
          id: jobId,
          input: JSON.parse(input ?? '{}') as JsonValue,
          templateId: String(templateId),
          version: String(version),
          templateHash: String(templateHash),
        };
      }),
    };
  }

  /** Outputs of finished jobs (only SUCCEEDED jobs have one). */
  async outputs(id: string, jobIds: readonly string[]): Promise<Map<string, JsonValue>> {
    const outputs = new Map<string, JsonValue>();
    if (jobIds.length === 0) return outputs;
    const k = this.keys.forWorkflow(id);
    const pipeline = this.redis.pipeline();
    for (const jobId of jobIds) pipeline.hmget(`${k.jobPrefix}${jobId}`, 'state', 'output');
    const replies = (await pipeline.exec()) ?? [];
    replies.forEach(([error, value], index) => {
      if (error) throw error;
      const [state, output] = value as Array<string | null>;
      if (state === 'SUCCEEDED' && output !== null) outputs.set(jobIds[index], JSON.parse(output) as JsonValue);
    });
    return outputs;
  }

  /** The template-related fields of one job (to validate its output). */
  async jobTemplate(id: string, jobId: string): Promise<{ templateId: string; version: string; templateHash: string } | null> {
    const [templateId, version, templateHash] = await this.redis.hmget(this.keys.job(id, jobId), 'templateId', 'version', 'templateHash');
    if (templateId === null || version === null) return null;
    return { templateId, version, templateHash: templateHash ?? '' };
  }

  /** A pinned snapshot, as stored at creation. */
  async templateSnapshot(id: string, templateId: string, version: string): Promise<JsonValue | null> {
    const raw = await this.redis.hget(this.keys.forWorkflow(id).templates, this.keys.templateField(templateId, version));
    return raw === null ? null : (JSON.parse(raw) as JsonValue);
  }

  private async change(name: ScriptName, id: string, args: string[], jobId = ''): Promise<ScriptOutcome> {
    const k = this.keys.forWorkflow(id);
    return parseOutcome(await this.run(name, id, [k.state, k.currentJob, k.jobs, k.meta, k.history, k.outbox], args, jobId));
  }

  private async run(name: ScriptName, id: string, keys: string[], args: string[], jobId = ''): Promise<unknown> {
    const k = this.keys.forWorkflow(id);
    const reply = await runLuaScript(this.redis, this.scripts[name], keys, [k.jobPrefix, k.events, ...args]);
    if (isRefusal(reply)) throw refusalToError(reply, id, jobId);
    return reply;
  }
}
