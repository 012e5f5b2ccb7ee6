import { errorMessage, getLogger, isJsonObject, type JsonObject, type JsonValue } from '@base-shift/core';
import { withLogContext } from '@base-shift/observability';
import { validateWorkflowDefinition } from '../definition/validate-definition';
import type { WorkflowDefinition } from '../definition/workflow-request';
import { toJobError } from '../domain/job-error';
import { IdempotencyConflictError, JobNotFoundError, WorkflowNotFoundError, WorkflowValidationError } from '../domain/workflow-errors';
import type { WorkflowState } from '../domain/workflow-states';
import { jsonHash } from '../store/canonical-json';
import type { WorkflowIndex, WorkflowPage } from '../store/workflow-index';
import type { ScriptOutcome, WorkflowRecord } from '../store/workflow-record';
import type { WorkflowTimers } from '../store/workflow-timers';
import type { WorkflowStore } from '../store/workflow-store';
import type { JobQueuePort, QueueResult, TemplateResolverPort } from './engine-ports';
import { planWorkflow } from './plan-workflow';
import { assertWithinSizeLimits, DEFAULT_MAX_JOB_INPUT_BYTES, DEFAULT_MAX_STORED_BYTES } from './workflow-size';
import { TemplateSchemas } from './template-schemas';
import { WorkflowAdvancer } from './workflow-advancer';
import { WriteOnlyFields } from './write-only-fields';
import { idempotentWorkflowId, isWorkflowId, newWorkflowId, parseQueueJobId, resultLogFields } from './workflow-ids';
import { notifyObserver, type WorkflowObserver } from './workflow-observer';

export interface WorkflowEngineDeps {
  store: WorkflowStore;
  index: WorkflowIndex;
  timers: WorkflowTimers;
  queue: JobQueuePort;
  templates: TemplateResolverPort;
  /** Told about creations, workflow moves and applied job results (metrics). */
  observer?: WorkflowObserver;
}

export interface WorkflowEngineOptions {
  /** Pools the queue serves; a template whose resourceClass is not one of them is refused at creation. */
  pools: readonly string[];
  /** Largest resolved job input (bytes), checked at creation and at enqueue; default: the queue's payload limit minus the envelope. */
  maxInputBytes?: number;
  /** Largest workflow input plus resolved job inputs (bytes), checked at creation. Default 8 MiB. */
  maxStoredBytes?: number;
  /** Workflow deadline when the request gives none; undefined = none. */
  defaultTimeoutSeconds?: number;
  /**
   * An API call arms the workflow's timer this far ahead before it changes
   * anything: if the process dies half-way, the sweeper finishes the job then.
   */
  recoveryDelayMs?: number;
  /** Finished workflows are deleted this long after they finished (default 7 days); a request may ask for less. */
  retentionSeconds?: number;
  /**
   * Called once a create is planned and before anything is written, with the
   * pools its jobs will run in (each once); throwing refuses the create
   * (back-pressure: the app answers 429 when a pool's queue is full).
   */
  admit?: (pools: readonly string[]) => Promise<void>;
}

export const DEFAULT_RETENTION_SECONDS = 7 * 24 * 3600;

export interface JobStatusUpdate {
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED';
  output?: JsonValue;
  error?: JsonValue;
  attempt?: number;
}

/** The workflow use cases; NestJS-free (a thin module in the app wires it). */
export class WorkflowEngine {
  private readonly logger = getLogger(WorkflowEngine.name);
  private readonly schemas = new TemplateSchemas();
  readonly advancer: WorkflowAdvancer;
  private readonly writeOnly: WriteOnlyFields;
  private readonly recoveryDelayMs: number;

  constructor(
    private readonly deps: WorkflowEngineDeps,
    private readonly options: WorkflowEngineOptions,
  ) {
    this.advancer = new WorkflowAdvancer(
      deps.store,
      deps.index,
      deps.timers,
      deps.queue,
      this.schemas,
      options.maxInputBytes ?? DEFAULT_MAX_JOB_INPUT_BYTES,
      deps.observer,
    );
    this.writeOnly = new WriteOnlyFields(deps.store, this.schemas, deps.queue);
    this.recoveryDelayMs = options.recoveryDelayMs ?? 5000;
  }

  /**
   * Validates, pins templates, writes INITIALIZED, starts (RUNNING) and
   * enqueues the first jobs. With an Idempotency-Key, a repeat of the same
   * body returns the first workflow (`created: false`); another body → 409.
   * A repeat is recognised before admission: it adds no work, so a client
   * retrying a create that succeeded is answered even while new creates are
   * refused (429).
   */
  async create(request: unknown, idempotencyKey?: string): Promise<{ workflow: WorkflowRecord; created: boolean }> {
    const definition = this.validated(request);
    const requestHash = jsonHash(definition);
    const createdAt = Date.now();
    const id = idempotencyKey === undefined ? newWorkflowId(createdAt) : idempotentWorkflowId(idempotencyKey);
    if (idempotencyKey !== undefined && (await this.isRepeat(id, requestHash))) return { workflow: await this.finishRepeat(id), created: false };
    const plan = await planWorkflow(definition, this.deps.templates, this.schemas, {
      id,
      createdAt,
      requestHash,
      pools: this.options.pools,
      defaultTimeoutSeconds: this.options.defaultTimeoutSeconds,
      retentionSeconds: this.options.retentionSeconds ?? DEFAULT_RETENTION_SECONDS,
    });

    if (this.options.admit) await this.options.admit([...new Set(plan.jobs.map((job) => job.pool))]);

    // Nothing is written before this line; the index entry and the timer come
    // first so a crash right after them leaves nothing unfinished or unlisted.
    await this.deps.index.add(id, createdAt);
    await this.deps.timers.arm(id, createdAt + this.recoveryDelayMs);
    const { created } = await this.deps.store.create(plan);
    if (!created) return { workflow: await this.finishRepeat(id), created: false };
    notifyObserver(this.deps.observer, (o) => o.workflowCreated());
    this.logger.info(`workflow ${id} created with ${plan.jobs.length} jobs`);
    // Roots reference nothing but the workflow input: their context is the plan, no need to read it back.
    const roots = plan.jobs.filter((job) => job.dependsOn.length === 0);
    const context = {
      input: plan.input,
      jobs: roots.map((job) => ({ id: job.id, input: job.input, templateId: job.templateId, version: job.version, templateHash: job.templateHash })),
    };
    const started = await this.deps.store.enqueueReady(
      id,
      await this.advancer.prepare(
        id,
        roots.map((job) => job.id),
        context,
      ),
    );
    await this.advancer.settle(id, started);
    return { workflow: await this.get(id), created: true };
  }

  /**
   * The first workflow of an Idempotency-Key if `request` repeats it (null
   * when the key is new; 409 for another body). Reads one hash field: the
   * app answers repeats with it when it is too busy to take a new create.
   */
  async replay(request: unknown, idempotencyKey: string): Promise<WorkflowRecord | null> {
    const id = idempotentWorkflowId(idempotencyKey);
    return (await this.isRepeat(id, jsonHash(this.validated(request)))) ? this.finishRepeat(id) : null;
  }

  private validated(request: unknown): WorkflowDefinition {
    const definition = validateWorkflowDefinition(request);
    assertWithinSizeLimits(definition, {
      maxJobInputBytes: this.options.maxInputBytes ?? DEFAULT_MAX_JOB_INPUT_BYTES,
      maxStoredBytes: this.options.maxStoredBytes ?? DEFAULT_MAX_STORED_BYTES,
    });
    return definition;
  }

  /** True if `id` exists and was created by the same request; 409 if by another one. */
  private async isRepeat(id: string, requestHash: string): Promise<boolean> {
    const stored = await this.deps.store.requestHash(id);
    if (stored === null) return false;
    if (stored !== requestHash) throw new IdempotencyConflictError(id);
    return true;
  }

  /** A repeat: finish whatever the first call may have left undone, then answer its workflow. */
  private async finishRepeat(id: string): Promise<WorkflowRecord> {
    await this.advancer.settle(id, await this.deps.store.reconcile(id), true);
    return this.get(id);
  }

  /** The workflow as every API shows it: values of writeOnly input fields are left out. */
  async get(id: string): Promise<WorkflowRecord> {
    const record = isWorkflowId(id) ? await this.deps.store.read(id) : null;
    if (!record) throw new WorkflowNotFoundError(id);
    return this.writeOnly.redact(record);
  }

  /** A queue job's payload as the API shows it (dead letters): values of writeOnly input fields left out. */
  redactJobPayload(payload: JsonObject): Promise<JsonObject> {
    return this.writeOnly.redactPayload(payload);
  }

  list(query: { state?: WorkflowState; limit: number; cursor?: string }): Promise<WorkflowPage> {
    return this.deps.index.list(query);
  }

  async cancel(id: string, reason = 'cancelled through the API'): Promise<WorkflowRecord> {
    await this.mustExist(id);
    await this.deps.timers.arm(id, Date.now() + this.recoveryDelayMs);
    await this.forgetWriteOnly(id, await this.advancer.settle(id, await this.deps.store.cancel(id, reason)), false);
    return this.get(id);
  }

  async retry(id: string): Promise<WorkflowRecord> {
    await this.mustExist(id);
    await this.deps.timers.arm(id, Date.now() + this.recoveryDelayMs);
    await this.advancer.settle(id, await this.deps.store.retry(id));
    return this.get(id);
  }

  /**
   * Deletes a finished workflow: every key at once, then its index entries and
   * timer (a crash in between leaves entries readers skip and the sweeper drops).
   */
  async delete(id: string): Promise<void> {
    if (!isWorkflowId(id)) throw new WorkflowNotFoundError(id);
    const record = await this.deps.store.read(id);
    await this.deps.store.delete(id);
    // Read first: store.delete refuses a workflow that is still going, which keeps its dead letters.
    if (record) await this.writeOnly.purgeAllRuns(record);
    await this.deps.index.remove(id);
    await this.deps.timers.remove(id);
    this.logger.info(`workflow ${id} deleted`);
  }

  /** The PUT endpoint: external systems and manual intervention. Idempotent. */
  async updateJob(id: string, jobId: string, update: JobStatusUpdate): Promise<WorkflowRecord> {
    await this.mustExist(id);
    const template = await this.deps.store.jobTemplate(id, jobId);
    if (!template) throw new JobNotFoundError(id, jobId);
    let payload: JsonValue | undefined;
    let reason = '';
    if (update.status === 'SUCCEEDED') {
      payload = update.output ?? {};
      const problems = await this.outputProblems(id, template, payload);
      if (problems.length > 0)
        throw new WorkflowValidationError(problems, `The output does not match the outputSchema of ${template.templateId}@${template.version}`);
    } else if (update.status === 'FAILED') {
      payload = toJobError(update.error) ?? { message: 'failed (set through the API)' };
      reason = failureReason(payload, 'failed (set through the API)');
    }
    await this.deps.timers.arm(id, Date.now() + this.recoveryDelayMs);
    const outcome = await this.deps.store.updateJob(id, jobId, { status: update.status, payload, attempt: update.attempt, reason });
    await this.forgetWriteOnly(id, await this.advancer.settle(id, outcome), update.status === 'SUCCEEDED');
    return this.get(id);
  }

  /**
   * Applies one entry of a pool's result stream. Throws only on infrastructure
   * errors (the entry stays pending and is delivered again).
   */
  applyQueueResult(result: QueueResult): Promise<void> {
    return withLogContext(resultLogFields(result), () => this.applyInContext(result));
  }

  private async applyInContext(result: QueueResult): Promise<void> {
    const target = parseQueueJobId(result.queueJobId);
    if (!target) {
      this.logger.warn(`result for queue job ${result.queueJobId} is not a workflow job; ignored`);
      return;
    }
    const { workflowId, jobId } = target;
    let outcome = result.outcome;
    let payload: JsonValue = (outcome === 'succeeded' ? result.output : result.error) ?? null;
    let reason =
      result.reason ??
      (outcome === 'succeeded' || outcome === 'started' ? '' : failureReason(payload, `the job ${outcome === 'cancelled' ? 'was cancelled' : 'failed'}`));
    try {
      if (outcome === 'succeeded') {
        const template = await this.advancer.jobTemplate(workflowId, jobId);
        if (!template) throw new JobNotFoundError(workflowId, jobId);
        const problems = await this.outputProblems(workflowId, template, payload);
        if (problems.length > 0) {
          const message = `output does not match the outputSchema of ${template.templateId}@${template.version}`;
          outcome = 'failed';
          payload = { message, errors: problems as unknown as JsonValue };
          reason = `${message}: ${problems.map((p) => `${p.pointer}: ${p.message}`).join('; ')}`;
        }
      }
      const applied = await this.deps.store.applyResult(workflowId, {
        jobId,
        queueJobId: result.queueJobId,
        attempt: result.attempt,
        outcome,
        payload,
        reason,
        at: result.at,
      });
      const job = applied.applied ? applied.job : undefined;
      if (job) {
        notifyObserver(this.deps.observer, (o) => o.jobResultApplied({ ...job, workflowId, jobId, attempt: result.attempt, reported: result.outcome }));
        this.logger.debug(`job ${job.from} -> ${job.to} (${result.outcome} reported by the queue)`);
      }
      // A success applied before (the entry is delivered again: a crash came before its acknowledgement) drops the values too.
      const succeeded = job ? job.to === 'SUCCEEDED' : outcome === 'succeeded';
      await this.forgetWriteOnly(workflowId, await this.advancer.settle(workflowId, applied), succeeded);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError || error instanceof JobNotFoundError) {
        this.logger.warn(`result for ${result.queueJobId}: ${error.message}; ignored`);
        return;
      }
      throw error;
    }
  }

  /** Looks at workflows whose timer is due (deadlines, interrupted steps); returns how many. */
  async reconcileDue(limit = 100, claimMs = 30_000): Promise<number> {
    const claimed = await this.deps.timers.claim(claimMs, limit);
    for (const timer of claimed) {
      try {
        // A finished workflow's timer is due when its keys expired: then it is not found and leaves the indexes.
        const outcome = await this.advancer.settle(timer.workflowId, await this.deps.store.reconcile(timer.workflowId), true);
        await this.deps.timers.settle(timer, outcome.nextDeadline);
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) {
          await this.deps.index.remove(timer.workflowId);
          await this.deps.timers.settle(timer, null);
        } else this.logger.error(`reconciling workflow ${timer.workflowId} failed; retried in ${claimMs} ms: ${errorMessage(error)}`);
      }
    }
    return claimed.length;
  }

  /**
   * Once a job SUCCEEDED (it never runs again) or the workflow COMPLETED or
   * was CANCELLED, values of writeOnly fields no job needs leave Redis. Only
   * workflows whose pinned inputSchemas have writeOnly fields pay for the read.
   */
  private async forgetWriteOnly(id: string, outcome: ScriptOutcome, jobSucceeded: boolean): Promise<void> {
    const over = outcome.state === 'COMPLETED' || outcome.state === 'CANCELLED';
    if (outcome.writeOnly && (jobSucceeded || over)) await this.writeOnly.forget(id);
  }

  private async mustExist(id: string): Promise<void> {
    if (!isWorkflowId(id) || (await this.deps.store.state(id)) === null) throw new WorkflowNotFoundError(id);
  }

  private async outputProblems(id: string, template: { templateId: string; version: string; templateHash: string }, output: JsonValue) {
    await this.advancer.loadSchemas(id, template.templateId, template.version, template.templateHash);
    return this.schemas.outputProblems(template.templateHash, output, '/output');
  }
}

function failureReason(error: JsonValue, fallback: string): string {
  if (typeof error === 'string' && error.length > 0) return error.slice(0, 500);
  if (isJsonObject(error) && typeof error['message'] === 'string') return error['message'].slice(0, 500);
  return fallback;
}
