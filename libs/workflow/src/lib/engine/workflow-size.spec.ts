import type { JsonValue } from '@base-shift/core';
import { resolvedByteLength, resolveRefs } from '../definition/input-refs';
import { validateWorkflowDefinition } from '../definition/validate-definition';
import { WorkflowTooLargeError } from '../domain/workflow-errors';
import { assertWithinSizeLimits } from './workflow-size';

const input: JsonValue = { blob: 'x'.repeat(1000), name: 'ünïcode', list: [1, { deep: true }, null] };

function refused(request: unknown, limits: { maxJobInputBytes: number; maxStoredBytes: number }): WorkflowTooLargeError {
  try {
    assertWithinSizeLimits(validateWorkflowDefinition(request), limits);
  } catch (error) {
    if (error instanceof WorkflowTooLargeError) return error;
    throw error;
  }
  throw new Error('expected the request to be refused');
}

describe('workflow size limits', () => {
  it('counts a job input as the bytes of its JSON once input refs are resolved', () => {
    const jobInput: JsonValue = { all: { $from: 'input' }, name: { $from: 'input.name' }, later: { $from: 'jobs.a.output.x' }, n: [1, 'two'] };
    const resolved = resolveRefs(jobInput, '/input', { input, outputs: new Map([['a', { x: { $from: 'jobs.a.output.x' } }]]) });
    const expected = 'value' in resolved ? { ...(resolved.value as object), later: { $from: 'jobs.a.output.x' } } : null;
    expect(resolvedByteLength(jobInput, input)).toBe(Buffer.byteLength(JSON.stringify(expected)));
  });

  it('refuses 200 jobs that each reference a large input, naming the total and the limit', () => {
    const request = {
      input: { blob: 'x'.repeat(100_000) },
      jobs: Array.from({ length: 200 }, (_, index) => ({ id: `j${index}`, templateId: 'echo', input: { $from: 'input' } })),
    };
    const error = refused(request, { maxJobInputBytes: 1024 * 1024, maxStoredBytes: 8 * 1024 * 1024 });
    expect(error.problems).toEqual([
      { pointer: '', message: expect.stringMatching(/^the workflow would store 20\d{6} bytes .* at most 8388608 are accepted/) },
    ]);
  });

  it('names each job input over the per-job limit by its JSON Pointer', () => {
    const request = {
      input: { blob: 'x'.repeat(5000) },
      jobs: [
        { id: 'small', templateId: 'echo', input: { a: 1 } },
        { id: 'big', templateId: 'echo', input: { copy: { $from: 'input.blob' } } },
      ],
    };
    expect(refused(request, { maxJobInputBytes: 4096, maxStoredBytes: 1_000_000 }).problems).toEqual([
      { pointer: '/jobs/1/input', message: 'is 5011 bytes once its references are resolved; at most 4096 are accepted (WORKFLOW_MAX_JOB_INPUT_BYTES)' },
    ]);
  });

  it('lets a request within the limits through', () => {
    const request = { input: { a: 1 }, jobs: [{ id: 'a', templateId: 'echo', input: { $from: 'input' } }] };
    expect(() => assertWithinSizeLimits(validateWorkflowDefinition(request), { maxJobInputBytes: 100, maxStoredBytes: 100 })).not.toThrow();
  });
});
