import { childPointer, isJsonObject, type JsonValue } from '@base-shift/core';
import { createDocumentValidator } from '@base-shift/steps';
import { WorkflowValidationError, type FieldProblem } from '../domain/workflow-errors';
import { ancestorsOf, findCycle } from './dependency-graph';
import { findRefs } from './input-refs';
import type { JobDefinition, WorkflowDefinition } from './workflow-request';
import { MAX_INPUT_DEPTH, WORKFLOW_REQUEST_SCHEMA, type CreateWorkflowRequest } from './workflow-request.schema';

const checkShape = createDocumentValidator(WORKFLOW_REQUEST_SCHEMA);

/** Depth of a JSON value, counting only up to `limit + 1` (cheap on hostile input). */
function depthExceeds(value: unknown, limit: number): boolean {
  const pending: Array<[unknown, number]> = [[value, 1]];
  while (pending.length > 0) {
    const [node, depth] = pending.pop() as [unknown, number];
    if (typeof node !== 'object' || node === null) continue;
    if (depth > limit) return true;
    for (const child of Object.values(node)) pending.push([child, depth + 1]);
  }
  return false;
}

/**
 * What a schema cannot say but needs no valid shape to find: inputs nested too
 * deep (walked iteratively: a body may be far deeper than the stack allows)
 * and repeated job ids. Checked together with the schema, so one answer lists all.
 */
function beyondSchemaProblems(body: unknown): FieldProblem[] {
  if (!isJsonObject(body)) return [];
  const problems: FieldProblem[] = [];
  const checkDepth = (input: JsonValue | undefined, pointer: string) => {
    if (isJsonObject(input) && depthExceeds(input, MAX_INPUT_DEPTH)) problems.push({ pointer, message: `must not nest deeper than ${MAX_INPUT_DEPTH} levels` });
  };
  checkDepth(body['input'], '/input');
  const firstIndex = new Map<string, number>();
  const jobs = Array.isArray(body['jobs']) ? body['jobs'] : [];
  jobs.forEach((job, index) => {
    if (!isJsonObject(job)) return;
    const id = job['id'];
    const first = typeof id === 'string' ? firstIndex.get(id) : undefined;
    if (first !== undefined) {
      problems.push({
        pointer: childPointer('/jobs', index, 'id'),
        message: `duplicates ${childPointer('/jobs', first, 'id')} ${JSON.stringify(id)}; job ids must be unique`,
      });
    } else if (typeof id === 'string') firstIndex.set(id, index);
    checkDepth(job['input'], childPointer('/jobs', index, 'input'));
  });
  return problems;
}

/**
 * Checks a create request and returns the definition the engine runs. First
 * the shape and every limit, by WORKFLOW_REQUEST_SCHEMA (plus input depth and
 * unique ids); then, on a well-formed body, the graph: dependsOn naming known
 * jobs, no cycle, references only to jobs that run before. Throws
 * WorkflowValidationError listing every problem of the first stage that finds
 * any, each named by its JSON Pointer. Templates and schemas are checked later,
 * by the engine.
 *
 * Order: when no job declares `dependsOn`, job i depends on job i-1 (the list
 * is the run order). When any job declares it, every job depends on exactly
 * what it declares and jobs without it start at once.
 */
export function validateWorkflowDefinition(body: unknown): WorkflowDefinition {
  const shapeProblems = [...checkShape(body), ...beyondSchemaProblems(body)];
  if (shapeProblems.length > 0) throw new WorkflowValidationError(shapeProblems);
  const request = body as CreateWorkflowRequest;
  const problems: FieldProblem[] = [];
  const add = (pointer: string, message: string) => problems.push({ pointer, message });
  const ids = new Map(request.jobs.map((job, index) => [job.id, index]));

  const mode = request.jobs.some((job) => job.dependsOn !== undefined) ? 'dag' : 'sequential';
  const deps = new Map<string, string[]>();
  request.jobs.forEach((job, index) => {
    if (mode === 'sequential') return deps.set(job.id, index === 0 ? [] : [request.jobs[index - 1].id]);
    const declared = job.dependsOn ?? [];
    declared.forEach((dep, depIndex) => {
      const at = childPointer('/jobs', index, 'dependsOn', depIndex);
      if (dep === job.id) add(at, `job ${job.id} cannot depend on itself`);
      else if (!ids.has(dep)) add(at, `refers to unknown job ${JSON.stringify(dep)}; known jobs: ${[...ids.keys()].join(', ')}`);
      else if (declared.indexOf(dep) !== depIndex) add(at, `lists ${JSON.stringify(dep)} twice`);
    });
    deps.set(job.id, [...new Set(declared)]);
  });
  if (problems.length > 0) throw new WorkflowValidationError(problems);

  const cycle = findCycle(
    request.jobs.map((job) => job.id),
    deps,
  );
  if (cycle) {
    const at = childPointer('/jobs', ids.get(cycle[0]) as number, 'dependsOn');
    throw new WorkflowValidationError([{ pointer: at, message: `dependsOn forms a cycle: ${cycle.join(' -> ')}` }]);
  }

  const jobs: JobDefinition[] = request.jobs.map((job, index) => {
    const input = job.input ?? {};
    const found = findRefs(input, childPointer('/jobs', index, 'input'));
    problems.push(...found.problems);
    const ancestors = ancestorsOf(job.id, deps);
    for (const ref of found.refs) {
      if (ref.target.source !== 'job') continue;
      const target = ref.target.jobId;
      if (!ids.has(target)) add(ref.pointer, `${ref.keyword} ${JSON.stringify(ref.expression)} names unknown job ${JSON.stringify(target)}`);
      else if (!ancestors.has(target)) {
        add(ref.pointer, `${ref.keyword} ${JSON.stringify(ref.expression)}: job ${target} does not run before ${job.id} (add it to ${job.id}'s dependsOn)`);
      }
    }
    return {
      id: job.id,
      templateId: job.templateId,
      ...(job.version !== undefined ? { version: job.version.trim() } : {}),
      input,
      ...(job.priority !== undefined ? { priority: job.priority } : {}),
      dependsOn: deps.get(job.id) as string[],
    };
  });
  if (problems.length > 0) throw new WorkflowValidationError(problems);

  const { name, input, priority, timeoutSeconds, retentionSeconds } = request;
  return {
    ...(name !== undefined ? { name: name.trim() } : {}),
    input: input ?? {},
    ...(priority !== undefined ? { priority } : {}),
    ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}),
    ...(retentionSeconds !== undefined ? { retentionSeconds } : {}),
    mode,
    jobs,
  };
}
