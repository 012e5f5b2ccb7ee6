import { Logger } from '@nestjs/common';
import type { LeasedJob } from '@base-shift/queue';
import type { JsonValue } from '@base-shift/steps';
import { asJobFailure, JobTimedOutError, OutputTooLargeError, type JobFailure } from '../errors/executor-errors';
import type { JobRunner } from '../job/job-runner';
import type { JobOutcome } from '../metrics/executor-metrics';
import type { TemplateSnapshotStore } from '../templates/template-snapshot-store';
import { parseJobPayload } from './job-payload';
import { pause } from './pause';
import type { SettlementBatcher } from './settlement-batcher';

/** A job this executor holds a lease on. */
export interface RunningJob {
  job: LeasedJob;
  controller: AbortController;
  /** Set when the lease was given up (lost, or released at shutdown): the result is not reported. */
  abandoned?: 'lease_lost' | 'released';
  /** Its result is being reported: shutdown lets it finish rather than release it. */
  reporting: boolean;
  done: Promise<void>;
}

export interface JobAttemptDependencies {
  templates: TemplateSnapshotStore;
  jobRunner: JobRunner;
  settlements: SettlementBatcher;
  maxOutputBytes: number;
}

const logger = new Logger('JobAttempt');

/**
 * One attempt of one leased job: run the template's steps under the job's
 * AbortSignal (armed with its timeoutSeconds), then settle the lease with the
 * output or the failure, unless the lease was given up meanwhile. Resolves to
 * how the attempt ended.
 */
export async function runJobAttempt(entry: RunningJob, deps: JobAttemptDependencies): Promise<JobOutcome> {
  const { job, controller } = entry;
  let timer: NodeJS.Timeout | undefined;
  let result: { ok: true; output: JsonValue } | { ok: false; failure: JobFailure };
  try {
    const payload = parseJobPayload(job.payload);
    if (payload.timeoutSeconds) {
      const seconds = payload.timeoutSeconds;
      timer = setTimeout(() => controller.abort(new JobTimedOutError(`the job ran longer than its timeout of ${seconds} s and was aborted`)), seconds * 1000);
    }
    const template = await deps.templates.get(payload);
    logger.debug(`running ${template.steps.length} step(s) of ${payload.templateId}@${payload.version}`);
    result = await deps.jobRunner.run({ template, input: payload.input, signal: controller.signal, jobKey: job.id });
  } catch (error) {
    result = { ok: false, failure: asJobFailure(controller.signal.aborted ? controller.signal.reason : error) };
  } finally {
    clearTimeout(timer);
  }
  if (entry.abandoned) return entry.abandoned;
  entry.reporting = true;
  if (result.ok && Buffer.byteLength(JSON.stringify(result.output) ?? '') > deps.maxOutputBytes) {
    result = { ok: false, failure: new OutputTooLargeError(`the job output is larger than ${deps.maxOutputBytes} bytes of JSON`) };
  }
  if (result.ok) {
    const output = result.output;
    const status = await report(job, () => deps.settlements.complete(job, output));
    logger.debug({ status }, 'job succeeded');
    return status === 'ok' ? 'succeeded' : 'lease_lost';
  }
  const failure = result.failure;
  const settled = await report(job, () => deps.settlements.fail(job, failure.report()));
  const outcome: JobOutcome =
    settled === undefined || settled.outcome === 'stale' || settled.outcome === 'not_found'
      ? 'lease_lost'
      : settled.outcome === 'cancelled'
        ? 'cancelled'
        : failure instanceof JobTimedOutError
          ? 'timed_out'
          : settled.outcome;
  logger.warn({ outcome, code: failure.code, step: failure.step }, `job ${outcome}: ${failure.message}`);
  return outcome;
}

/** Sends a settlement, retrying while Redis is unreachable; gives up after ~2 s (the lease then expires and the job runs again). */
async function report<T>(job: LeasedJob, send: () => Promise<T>): Promise<T | undefined> {
  for (let tries = 1; ; tries += 1) {
    try {
      return await send();
    } catch (error) {
      if (tries >= 5) {
        logger.error(`could not report job ${job.id} (pool ${job.pool}): ${(error as Error).message}; its lease will expire and it will run again`);
        return undefined;
      }
      await pause(200 * tries);
    }
  }
}
