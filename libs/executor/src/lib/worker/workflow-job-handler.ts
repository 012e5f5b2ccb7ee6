import { getLogger, type JsonValue } from '@base-shift/core';
import { withLogContext } from '@base-shift/observability';
import type { AbortReason, HeartbeatFailure, JobContext, JobError, JobWorkerOptions, LeasedJob, SettledOutcome } from '@base-shift/queue';
import {
  asJobFailure,
  JobCancelledError,
  JobFailure,
  JobReleasedError,
  JobTimedOutError,
  LeaseLostError,
  OutputTooLargeError,
} from '../errors/executor-errors';
import type { JobRunner } from '../job/job-runner';
import type { ExecutorMetrics, JobOutcome } from '../metrics/executor-metrics';
import type { TemplateSnapshotStore } from '../templates/template-snapshot-store';
import { jobLogFields } from './job-log-fields';
import { parseJobPayload } from './job-payload';

export interface WorkflowJobHandlerDependencies {
  templates: TemplateSnapshotStore;
  jobRunner: JobRunner;
  metrics: ExecutorMetrics;
  /** Largest output JSON the queue accepts (its maxPayloadBytes). */
  maxOutputBytes: number;
}

/** The JobWorker hooks of the executor: everything but `pools`, `executorId`, `concurrency` and the lease timings. */
export type WorkflowJobHooks = Pick<JobWorkerOptions, 'handler' | 'toJobError' | 'timeoutMs' | 'abortReason' | 'onSettled' | 'onHeartbeatFailure' | 'jobScope'>;

const logger = getLogger('JobAttempt');

/**
 * What the executor does with each job the queue's JobWorker leases: run the
 * template's steps under the job's signal (whose abort reasons become typed
 * JobFailures the steps rethrow), fail it with a JobFailure's report, and
 * count how every job left this executor in the metrics. Every line logged for
 * a job names it (workflowId, jobId, attempt, templateId).
 */
export class WorkflowJobHandler {
  constructor(private readonly deps: WorkflowJobHandlerDependencies) {}

  hooks(): WorkflowJobHooks {
    return {
      handler: (job, context) => this.run(job, context),
      toJobError: (error): JobError => asJobFailure(error).report(),
      timeoutMs: (job) => timeoutSeconds(job) * 1000 || undefined,
      abortReason: (reason, job) => abortError(reason, job),
      onSettled: (job, outcome, error) => this.settled(job, outcome, error),
      onHeartbeatFailure: (reason: HeartbeatFailure, jobs) => this.deps.metrics.leaseRenewFailed(reason, jobs.length),
      jobScope: (job, run) => withLogContext(jobLogFields(job), run),
    };
  }

  /** One attempt of one leased job: resolves to its output, or throws a JobFailure. */
  private async run(job: LeasedJob, { signal }: JobContext): Promise<JsonValue> {
    this.deps.metrics.jobStarted();
    let result;
    try {
      const payload = parseJobPayload(job.payload);
      const template = await this.deps.templates.get(payload);
      logger.debug(`running ${template.steps.length} step(s) of ${payload.templateId}@${payload.version}`);
      result = await this.deps.jobRunner.run({ template, input: payload.input, signal, jobKey: job.id });
    } catch (error) {
      throw asJobFailure(signal.aborted ? signal.reason : error);
    }
    if (!result.ok) throw result.failure;
    if (Buffer.byteLength(JSON.stringify(result.output) ?? '') > this.deps.maxOutputBytes) {
      throw new OutputTooLargeError(`the job output is larger than ${this.deps.maxOutputBytes} bytes of JSON`);
    }
    return result.output;
  }

  private settled(job: LeasedJob, settled: SettledOutcome, error: unknown): void {
    const outcome = jobOutcome(settled, error);
    this.deps.metrics.jobFinished(job.pool, outcome);
    if (error instanceof JobFailure) logger.warn(`job ${outcome}: ${error.message}`, { outcome, code: error.code, step: error.step });
    else logger.debug(`job ${outcome}`, { outcome });
  }
}

/** The metric outcome: the queue's, with a timeout told apart, and every unreported result counted as a lost lease. */
function jobOutcome(settled: SettledOutcome, error: unknown): JobOutcome {
  switch (settled) {
    case 'refused':
    case 'unreported':
      return 'lease_lost';
    case 'retrying':
    case 'failed':
      return error instanceof JobTimedOutError ? 'timed_out' : settled;
    default:
      return settled;
  }
}

function abortError(reason: AbortReason, job: LeasedJob): JobFailure {
  switch (reason) {
    case 'cancelled':
      return new JobCancelledError('the job was cancelled by the control plane');
    case 'lease_lost':
      return new LeaseLostError('the lease was lost (expired and taken back, or a newer attempt runs); the result is dropped');
    case 'shutdown':
      return new JobReleasedError('the executor is shutting down; the job was handed back to the queue');
    case 'timed_out':
      return new JobTimedOutError(`the job ran longer than its timeout of ${timeoutSeconds(job)} s and was aborted`);
  }
}

/** The payload's timeoutSeconds, 0 when absent or invalid (parseJobPayload then fails the job). */
function timeoutSeconds(job: LeasedJob): number {
  const value = job.payload['timeoutSeconds'];
  return typeof value === 'number' && value > 0 ? value : 0;
}
