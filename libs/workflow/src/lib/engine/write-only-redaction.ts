import type { JsonObject, JsonValue } from '@base-shift/core';
import { redactJson, type JsonPath } from '@base-shift/steps';
import { pathsOverlap, referencedInputPaths, sensitiveInput } from '../definition/sensitive-input';
import type { ForgetPlan, JobRecord, WorkflowRecord } from '../store/workflow-record';

/** writeOnly paths of each job's pinned inputSchema, by job id (absent or empty: nothing sensitive). */
export type WriteOnlyByJob = ReadonlyMap<string, readonly JsonPath[]>;

const asObject = (value: JsonValue | undefined): JsonObject => (value ?? {}) as JsonObject;

function redactJob(job: JobRecord, writeOnly: readonly JsonPath[]): { input: JsonObject; resolvedInput?: JsonValue } {
  const { literalPaths } = sensitiveInput(job.input, writeOnly);
  return {
    input: asObject(redactJson(job.input, literalPaths)),
    resolvedInput: job.resolvedInput === undefined ? undefined : redactJson(job.resolvedInput, writeOnly),
  };
}

/**
 * The workflow as the API shows it: workflow input, job input (literals) and
 * resolved input without any value of a writeOnly field, whether or not it
 * was already dropped from Redis.
 */
export function redactWorkflow(record: WorkflowRecord, writeOnlyByJob: WriteOnlyByJob): WorkflowRecord {
  const inputPaths: JsonPath[] = [];
  const jobs = record.jobs.map((job): JobRecord => {
    const writeOnly = writeOnlyByJob.get(job.id) ?? [];
    if (writeOnly.length === 0) return job;
    inputPaths.push(...sensitiveInput(job.input, writeOnly).inputPaths);
    const { input, resolvedInput } = redactJob(job, writeOnly);
    const redacted: JobRecord = { ...job, input };
    if (resolvedInput === undefined) delete redacted.resolvedInput;
    else redacted.resolvedInput = resolvedInput;
    return redacted;
  });
  return { ...record, input: asObject(redactJson(record.input, inputPaths)), jobs };
}

/**
 * What no job needs any more. A SUCCEEDED job never runs again, so its own
 * sensitive values go; a workflow-input path goes once no other job may still
 * read it (every job whose references reach it SUCCEEDED). COMPLETED and
 * CANCELLED workflows run nothing again: everything sensitive goes. A FAILED
 * workflow keeps what its unfinished jobs need, since a retry re-runs them.
 */
export function forgetPlan(record: WorkflowRecord, writeOnlyByJob: WriteOnlyByJob): ForgetPlan {
  const final = record.state === 'COMPLETED' || record.state === 'CANCELLED';
  const done = (job: JobRecord): boolean => final || job.state === 'SUCCEEDED';
  const plan: ForgetPlan = { jobs: [] };
  const candidates: JsonPath[] = [];
  for (const job of record.jobs) {
    const writeOnly = writeOnlyByJob.get(job.id) ?? [];
    if (writeOnly.length === 0 || !done(job)) continue;
    candidates.push(...sensitiveInput(job.input, writeOnly).inputPaths);
    const { input, resolvedInput } = redactJob(job, writeOnly);
    const entry: ForgetPlan['jobs'][number] = { id: job.id };
    if (input !== job.input) entry.input = input;
    if (resolvedInput !== job.resolvedInput) entry.resolvedInput = resolvedInput ?? null;
    if (Object.keys(entry).length > 1) plan.jobs.push(entry);
  }
  const needed = record.jobs.filter((job) => !done(job)).flatMap((job) => referencedInputPaths(job.input));
  const droppable = candidates.filter((path) => !needed.some((other) => pathsOverlap(path, other)));
  const input = redactJson(record.input, droppable);
  if (input !== record.input) {
    const readers = record.jobs.filter((job) => referencedInputPaths(job.input).some((path) => droppable.some((dropped) => pathsOverlap(path, dropped))));
    plan.input = { value: asObject(input), succeeded: final ? [] : readers.map((job) => job.id) };
  }
  return plan;
}
