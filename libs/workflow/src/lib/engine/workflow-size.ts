import { childPointer } from '@base-shift/core';
import { resolvedByteLength } from '../definition/input-refs';
import type { WorkflowDefinition } from '../definition/workflow-request';
import { WorkflowTooLargeError, type FieldProblem } from '../domain/workflow-errors';

export interface WorkflowSizeLimits {
  /** Largest job input once its `input.*` refs are resolved (bytes). */
  maxJobInputBytes: number;
  /** Largest workflow input plus every job input once resolved: what Redis would hold (bytes). */
  maxStoredBytes: number;
}

/** The queue takes 1 MiB per job; 4 KiB of it is the envelope. */
export const DEFAULT_MAX_JOB_INPUT_BYTES = 1024 * 1024 - 4096;
/** Room for refs (the HTTP body limit is 100 KB), not for one request amplified hundreds of times. */
export const DEFAULT_MAX_STORED_BYTES = 8 * 1024 * 1024;

/**
 * Refuses, before anything is written, a request that is small on the wire
 * but large once references are expanded (200 jobs each `{"$from": "input"}`).
 */
export function assertWithinSizeLimits(definition: WorkflowDefinition, limits: WorkflowSizeLimits): void {
  const targets = new Map<string, number>();
  const problems: FieldProblem[] = [];
  let total = resolvedByteLength(definition.input, null);
  definition.jobs.forEach((job, index) => {
    const bytes = resolvedByteLength(job.input, definition.input, targets);
    total += bytes;
    if (bytes > limits.maxJobInputBytes) {
      problems.push({
        pointer: childPointer('/jobs', index, 'input'),
        message: `is ${bytes} bytes once its references are resolved; at most ${limits.maxJobInputBytes} are accepted (WORKFLOW_MAX_JOB_INPUT_BYTES)`,
      });
    }
  });
  if (total > limits.maxStoredBytes) {
    problems.push({
      pointer: '',
      message: `the workflow would store ${total} bytes once its references are resolved; at most ${limits.maxStoredBytes} are accepted (WORKFLOW_MAX_STORED_BYTES)`,
    });
  }
  if (problems.length > 0) throw new WorkflowTooLargeError(problems);
}
