import type { JsonValue } from '@base-shift/core';
import type { StepTypeName } from '@base-shift/steps';
import { problemText } from '../errors/problem-text';
import { asJobFailure, OutputSchemaError, type JobFailure } from '../errors/executor-errors';
import type { ExecutorMetrics } from '../metrics/executor-metrics';
import type { Redactor } from '../secrets/redactor';
import { writeOnlyValues } from '../secrets/write-only-values';
import type { StepRunner, StepRunners } from '../steps/step-runner';
import type { PreparedTemplate } from '../templates/prepared-template';

export interface JobRun {
  template: PreparedTemplate;
  input: JsonValue;
  signal: AbortSignal;
  /** Stable across attempts of the job (the queue job id). */
  jobKey: string;
}

export type JobResult = { ok: true; output: JsonValue } | { ok: false; failure: JobFailure };

/**
 * Runs a template's steps in order: each step's output is the next step's
 * input and the last output, once it matches outputSchema, is the job output.
 * Whatever comes back (output or error) has every secret value blanked.
 */
export class JobRunner {
  constructor(
    private readonly runners: StepRunners,
    private readonly redactor: Redactor,
    private readonly metrics?: ExecutorMetrics,
  ) {}

  async run(job: JobRun): Promise<JobResult> {
    // Values of writeOnly input fields are blanked like secrets, for this job only.
    const redactor = this.redactor.with(writeOnlyValues(job.input, job.template.writeOnly));
    try {
      const output = redactor.json(await this.steps(job));
      const problems = job.template.outputProblems(output);
      if (problems.length > 0) {
        throw new OutputSchemaError(`output does not match the outputSchema of ${job.template.templateId}@${job.template.version}: ${problemText(problems)}`, {
          problems: problems as unknown as JsonValue,
        });
      }
      return { ok: true, output };
    } catch (error) {
      return { ok: false, failure: redacted(asJobFailure(error), redactor) };
    }
  }

  private async steps(job: JobRun): Promise<JsonValue> {
    if (job.template.failure) throw job.template.failure();
    let current = job.input;
    for (const step of job.template.steps) {
      if (job.signal.aborted) throw job.signal.reason;
      const runner = this.runners[step.type] as StepRunner<unknown>;
      const started = performance.now();
      try {
        current = await runner.run(step.config, current, { signal: job.signal, jobInput: job.input, idempotencyKey: `${job.jobKey}:${step.name}` });
        this.observe(step.type, 'succeeded', started);
      } catch (error) {
        this.observe(step.type, 'failed', started);
        // An abort surfaces as the reason the worker gave (timeout, cancel), not as what the step saw.
        const failure = asJobFailure(job.signal.aborted ? job.signal.reason : error);
        failure.step ??= step.name;
        throw failure;
      }
    }
    return current;
  }

  private observe(type: StepTypeName, outcome: 'succeeded' | 'failed', started: number): void {
    this.metrics?.stepFinished(type, outcome, (performance.now() - started) / 1000);
  }
}

function redacted(failure: JobFailure, redactor: Redactor): JobFailure {
  failure.message = redactor.text(failure.message);
  if (failure.stack) failure.stack = redactor.text(failure.stack);
  const details = redactor.json(failure.details);
  if (details !== failure.details) Object.defineProperty(failure, 'details', { value: details });
  return failure;
}
