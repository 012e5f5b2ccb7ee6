import { getLogger, type JsonValue } from '@base-shift/core';
import { withLogContext, type LogFields } from '@base-shift/observability';
import { findRefs, resolveRefs } from '../definition/input-refs';
import type { FieldProblem } from '../domain/workflow-errors';
import type { WorkflowIndex } from '../store/workflow-index';
import type { OutboxOp, ScriptOutcome } from '../store/workflow-record';
import type { WorkflowTimers } from '../store/workflow-timers';
import type { EnqueueContext, ReadyEntry } from '../store/store-inputs';
import type { WorkflowStore } from '../store/workflow-store';
import type { JobQueuePort } from './engine-ports';
import type { TemplateSchemas } from './template-schemas';
import { notifyObserver, type WorkflowObserver } from './workflow-observer';

/** More rounds would mean jobs keep failing to enqueue: let the timer try again later. */
const MAX_ROUNDS = 8;
const MAX_REMEMBERED_JOBS = 10_000;

/**
 * Finishes what a state-changing script started: keeps the state index in
 * step, carries out the outbox (enqueue / cancel in the queue, then
 * acknowledge), resolves and enqueues jobs that became ready, and arms the
 * next deadline. Every step is safe to repeat, so a caller that crashed
 * half-way is completed by whoever runs this next (a redelivered result or
 * the timer sweeper).
 */
export class WorkflowAdvancer {
  private readonly logger = getLogger(WorkflowAdvancer.name);
  /** `<workflowId>:<jobId>` → pinned template of jobs this process enqueued: saves a read per result. */
  private readonly jobTemplates = new Map<string, { templateId: string; version: string; templateHash: string }>();

  constructor(
    private readonly store: WorkflowStore,
    private readonly index: WorkflowIndex,
    private readonly timers: WorkflowTimers,
    private readonly queue: JobQueuePort,
    private readonly schemas: TemplateSchemas,
    private readonly maxInputBytes: number,
    private readonly observer?: WorkflowObserver,
  ) {}

  /** `fullIndexSync`: the previous state is unknown (recovery): clear every other state index. */
  async settle(id: string, first: ScriptOutcome, fullIndexSync = false): Promise<ScriptOutcome> {
    let outcome = first;
    let moved = fullIndexSync || first.workflowMoved;
    let previous = fullIndexSync ? null : first.previousState;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      // Only the call whose script made a move sees it: each move is reported once.
      for (const move of outcome.moves) notifyObserver(this.observer, (o) => o.workflowMoved(move.from, move.to));
      if (moved) await this.index.syncState(id, outcome.state, outcome.createdAt, previous);
      if (outcome.ops.length > 0) await this.performOps(id, outcome.ops);
      const active = outcome.state === 'RUNNING' || outcome.state === 'INITIALIZED';
      if (!active || outcome.ready.length === 0) break;
      outcome = await this.store.enqueueReady(id, await this.prepare(id, outcome.ready));
      moved = outcome.workflowMoved;
      previous = outcome.previousState;
    }
    if (outcome.nextDeadline !== null) await this.timers.arm(id, outcome.nextDeadline);
    return outcome;
  }

  /** Resolves the references of ready jobs and validates the result; a job that cannot run gets its reason. */
  async prepare(id: string, jobIds: readonly string[], known?: EnqueueContext): Promise<ReadyEntry[]> {
    const context = known ?? (await this.store.enqueueContext(id, jobIds));
    const referenced = new Set<string>();
    for (const job of context.jobs) {
      for (const ref of findRefs(job.input, '/input').refs) if (ref.target.source === 'job') referenced.add(ref.target.jobId);
    }
    const outputs = await this.store.outputs(id, [...referenced]);
    return Promise.all(
      context.jobs.map(async (job): Promise<ReadyEntry> => {
        await this.loadSchemas(id, job.templateId, job.version, job.templateHash);
        const resolved = resolveRefs(job.input, '/input', { input: context.input, outputs });
        if ('problems' in resolved) return invalid(job.id, 'input references could not be resolved', resolved.problems);
        const problems = this.schemas.inputProblems(job.templateHash, resolved.value, '/input');
        if (problems.length > 0) return invalid(job.id, `input does not match the inputSchema of ${job.templateId}@${job.version}`, problems);
        const bytes = Buffer.byteLength(JSON.stringify(resolved.value));
        if (bytes > this.maxInputBytes) {
          return invalid(job.id, 'input is too large for the queue', [
            { pointer: '/input', message: `is ${bytes} bytes once resolved; at most ${this.maxInputBytes} are accepted` },
          ]);
        }
        return { jobId: job.id, input: resolved.value };
      }),
    );
  }

  /** The pinned template of a job: from memory when this process enqueued it, else from Redis. */
  async jobTemplate(id: string, jobId: string): Promise<{ templateId: string; version: string; templateHash: string } | null> {
    return this.jobTemplates.get(`${id}:${jobId}`) ?? this.store.jobTemplate(id, jobId);
  }

  private rememberTemplate(id: string, jobId: string, template: { templateId: string; version: string; templateHash: string }): void {
    this.jobTemplates.set(`${id}:${jobId}`, template);
    if (this.jobTemplates.size > MAX_REMEMBERED_JOBS) this.jobTemplates.delete(this.jobTemplates.keys().next().value as string);
  }

  /** Compiles a pinned snapshot's schemas once per process (by content hash). */
  async loadSchemas(id: string, templateId: string, version: string, templateHash: string): Promise<void> {
    if (this.schemas.has(templateHash)) return;
    const snapshot = (await this.store.templateSnapshot(id, templateId, version)) as { inputSchema: never; outputSchema: never } | null;
    if (!snapshot) throw new Error(`workflow ${id}: pinned snapshot ${templateId}@${version} is missing`);
    this.schemas.remember(templateHash, snapshot);
  }

  /**
   * Ops on one queue job run in order (an enqueue before its cancel); ops on
   * different jobs run side by side. Acknowledged only after all succeeded.
   */
  private async performOps(id: string, ops: readonly OutboxOp[]): Promise<void> {
    const byJob = new Map<string, OutboxOp[]>();
    for (const op of ops) byJob.set(op.queueJobId, [...(byJob.get(op.queueJobId) ?? []), op]);
    await Promise.all(
      [...byJob.values()].map(async (sequence) => {
        for (const op of sequence) {
          await withLogContext(opLogFields(id, op), () => this.performOp(id, op));
        }
      }),
    );
    await this.store.ackOutbox(
      id,
      ops.map((op) => op.op),
    );
  }

  private async performOp(id: string, op: OutboxOp): Promise<void> {
    if (op.kind === 'cancel') {
      await this.queue.cancel(op.pool, op.queueJobId);
      this.logger.debug(`job cancelled in pool ${op.pool}`);
      return;
    }
    this.rememberTemplate(id, op.jobId, { templateId: op.templateId, version: op.version as string, templateHash: op.templateHash as string });
    await this.queue.enqueue(op.pool, {
      id: op.queueJobId,
      payload: {
        workflowId: id,
        jobId: op.jobId,
        templateId: op.templateId,
        version: op.version as string,
        input: op.input ?? {},
        ...(op.timeoutSeconds !== undefined ? { timeoutSeconds: op.timeoutSeconds } : {}),
      },
      priority: op.priority ?? 0,
      maxAttempts: op.maxAttempts ?? 1,
    });
    this.logger.debug(`job queued in pool ${op.pool} (${op.templateId}@${op.version}, priority ${op.priority ?? 0})`);
  }
}

/**
 * Log fields of a queue operation. An enqueued job is always on its first
 * attempt: each run of a job gets a new queue job id, whose attempts start at 1.
 */
function opLogFields(workflowId: string, op: OutboxOp): LogFields {
  const attempt = op.kind === 'enqueue' ? 1 : op.attempt;
  return { workflowId, jobId: op.jobId, templateId: op.templateId, queueJobId: op.queueJobId, pool: op.pool, ...(attempt !== undefined && { attempt }) };
}

function invalid(jobId: string, message: string, problems: readonly FieldProblem[]): ReadyEntry {
  const first = problems[0];
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return {
    jobId,
    error: { message, errors: problems as unknown as JsonValue },
    reason: `${message}: ${first.pointer}: ${first.message}${more}`,
  };
}
