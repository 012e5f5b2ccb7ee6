import { RUN_DEFAULT_LIMITS, TEMPLATE_ID_PATTERN } from '@base-shift/templates';
import { WorkflowValidationError, type FieldProblem } from '../domain/workflow-errors';
import { ancestorsOf, findCycle } from './dependency-graph';
import { childPath } from './field-path';
import { findRefs } from './input-refs';
import {
  JOB_ID_PATTERN,
  MAX_JOBS_PER_WORKFLOW,
  type JobDefinition,
  type JsonObject,
  type JsonValue,
  type WorkflowDefinition,
} from './workflow-request';

const MAX_NAME_LENGTH = 200;
const MAX_TIMEOUT_SECONDS = 30 * 24 * 3600;
const { minimum: MIN_PRIORITY, maximum: MAX_PRIORITY } = RUN_DEFAULT_LIMITS.priority;
const TEMPLATE_ID = new RegExp(TEMPLATE_ID_PATTERN);
const WORKFLOW_KEYS = ['name', 'input', 'priority', 'timeoutSeconds', 'jobs'];
const JOB_KEYS = ['id', 'templateId', 'version', 'input', 'priority', 'dependsOn'];

function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Inputs nest at most this deep: every walker (refs, schemas, JSON) stays far from the stack limit. */
export const MAX_INPUT_DEPTH = 32;

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

function isPriority(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value >= MIN_PRIORITY && value <= MAX_PRIORITY;
}

const PRIORITY_RULE = `must be a number between ${MIN_PRIORITY} and ${MAX_PRIORITY} (higher runs first)`;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? `the string ${JSON.stringify(value.slice(0, 40))}` : `${typeof value} ${JSON.stringify(value)}`;
}

/**
 * Checks a create request and returns the definition the engine runs: ids,
 * references and the dependency graph. Throws WorkflowValidationError listing
 * every problem. Templates and schemas are checked later, by the engine.
 *
 * Order: when no job declares `dependsOn`, job i depends on job i-1 (the list
 * is the run order). When any job declares it, every job depends on exactly
 * what it declares and jobs without it start at once.
 */
export function validateWorkflowDefinition(request: unknown): WorkflowDefinition {
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  if (!isPlainObject(request)) throw new WorkflowValidationError([{ field: '', message: `the body must be a JSON object, got ${describe(request)}` }]);

  const { name, input, priority, timeoutSeconds, jobs } = request as Record<string, unknown>;
  for (const key of Object.keys(request).filter((key) => !WORKFLOW_KEYS.includes(key))) add(key, 'is not a known workflow property');
  if (name !== undefined && (typeof name !== 'string' || name.trim().length === 0 || name.length > MAX_NAME_LENGTH)) {
    add('name', `must be a non-empty string of at most ${MAX_NAME_LENGTH} characters`);
  }
  if (input !== undefined && !isPlainObject(input)) add('input', `must be a JSON object, got ${describe(input)}`);
  else if (depthExceeds(input, MAX_INPUT_DEPTH)) add('input', `must not nest deeper than ${MAX_INPUT_DEPTH} levels`);
  if (priority !== undefined && !isPriority(priority)) add('priority', `${PRIORITY_RULE}, got ${describe(priority)}`);
  if (timeoutSeconds !== undefined && !(Number.isInteger(timeoutSeconds) && (timeoutSeconds as number) >= 1 && (timeoutSeconds as number) <= MAX_TIMEOUT_SECONDS)) {
    add('timeoutSeconds', `must be an integer between 1 and ${MAX_TIMEOUT_SECONDS}, got ${describe(timeoutSeconds)}`);
  }
  if (!Array.isArray(jobs) || jobs.length === 0 || jobs.length > MAX_JOBS_PER_WORKFLOW) {
    add('jobs', `must be an array of 1 to ${MAX_JOBS_PER_WORKFLOW} jobs, got ${Array.isArray(jobs) ? `${jobs.length} jobs` : describe(jobs)}`);
    throw new WorkflowValidationError(problems);
  }

  const ids = new Map<string, number>();
  jobs.forEach((job, index) => {
    const at = childPath('jobs', index);
    if (!isPlainObject(job)) return add(at, `must be an object, got ${describe(job)}`);
    if (typeof job.id !== 'string' || !JOB_ID_PATTERN.test(job.id)) {
      add(childPath(at, 'id'), `must match ${JOB_ID_PATTERN} (a letter, then up to 63 letters, digits, "_" or "-"), got ${describe(job.id)}`);
    } else if (ids.has(job.id)) {
      add(childPath(at, 'id'), `duplicates jobs[${ids.get(job.id)}].id ${JSON.stringify(job.id)}; job ids must be unique`);
    } else ids.set(job.id, index);
    if (typeof job.templateId !== 'string' || !TEMPLATE_ID.test(job.templateId)) {
      add(childPath(at, 'templateId'), `must be a template id (1-128 letters, digits, "_", "." or "-", starting with a letter or digit), got ${describe(job.templateId)}`);
    }
    if (job.version !== undefined && (typeof job.version !== 'string' || job.version.trim().length === 0 || job.version.length > 100)) {
      add(childPath(at, 'version'), `must be a version or semver range string, got ${describe(job.version)}`);
    }
    if (job.input !== undefined && !isPlainObject(job.input)) add(childPath(at, 'input'), `must be a JSON object, got ${describe(job.input)}`);
    else if (depthExceeds(job.input, MAX_INPUT_DEPTH)) add(childPath(at, 'input'), `must not nest deeper than ${MAX_INPUT_DEPTH} levels`);
    if (job.priority !== undefined && !isPriority(job.priority)) add(childPath(at, 'priority'), `${PRIORITY_RULE}, got ${describe(job.priority)}`);
    if (job.dependsOn !== undefined && !(Array.isArray(job.dependsOn) && job.dependsOn.every((dep) => typeof dep === 'string'))) {
      add(childPath(at, 'dependsOn'), `must be an array of job ids, got ${describe(job.dependsOn)}`);
    }
    const unknownKeys = Object.keys(job).filter((key) => !JOB_KEYS.includes(key));
    for (const key of unknownKeys) add(childPath(at, key), 'is not a known job property');
  });
  if (problems.length > 0) throw new WorkflowValidationError(problems);

  const requests = jobs as Array<JsonObject & { id: string; templateId: string; version?: string; input?: JsonObject; priority?: number; dependsOn?: string[] }>;
  const mode = requests.some((job) => job.dependsOn !== undefined) ? 'dag' : 'sequential';
  const deps = new Map<string, string[]>();
  requests.forEach((job, index) => {
    if (mode === 'sequential') return deps.set(job.id, index === 0 ? [] : [requests[index - 1].id]);
    const declared = job.dependsOn ?? [];
    declared.forEach((dep, depIndex) => {
      const at = childPath(childPath(childPath('jobs', index), 'dependsOn'), depIndex);
      if (dep === job.id) add(at, `job ${job.id} cannot depend on itself`);
      else if (!ids.has(dep)) add(at, `refers to unknown job ${JSON.stringify(dep)}; known jobs: ${[...ids.keys()].join(', ')}`);
      else if (declared.indexOf(dep) !== depIndex) add(at, `lists ${JSON.stringify(dep)} twice`);
    });
    deps.set(job.id, [...new Set(declared)]);
  });
  if (problems.length > 0) throw new WorkflowValidationError(problems);

  const order = requests.map((job) => job.id);
  const cycle = findCycle(order, deps);
  if (cycle) {
    const first = cycle[0];
    add(childPath(childPath('jobs', ids.get(first) as number), 'dependsOn'), `dependsOn forms a cycle: ${cycle.join(' -> ')}`);
    throw new WorkflowValidationError(problems);
  }

  const definitions: JobDefinition[] = requests.map((job, index) => {
    const at = childPath(childPath('jobs', index), 'input');
    const jobInput = (job.input ?? {}) as JsonObject;
    const found = findRefs(jobInput, at);
    problems.push(...found.problems);
    const ancestors = ancestorsOf(job.id, deps);
    for (const ref of found.refs) {
      if (ref.target.source !== 'job') continue;
      const target = ref.target.jobId;
      if (!ids.has(target)) add(ref.field, `$ref ${JSON.stringify(ref.expression)} names unknown job ${JSON.stringify(target)}`);
      else if (!ancestors.has(target)) {
        add(ref.field, `$ref ${JSON.stringify(ref.expression)}: job ${target} does not run before ${job.id} (add it to ${job.id}'s dependsOn)`);
      }
    }
    return {
      id: job.id,
      templateId: job.templateId,
      ...(job.version !== undefined ? { version: job.version.trim() } : {}),
      input: jobInput,
      ...(job.priority !== undefined ? { priority: job.priority } : {}),
      dependsOn: deps.get(job.id) as string[],
    };
  });
  if (problems.length > 0) throw new WorkflowValidationError(problems);

  return {
    ...(typeof name === 'string' ? { name: name.trim() } : {}),
    input: (input ?? {}) as JsonObject,
    ...(priority !== undefined ? { priority: priority as number } : {}),
    ...(timeoutSeconds !== undefined ? { timeoutSeconds: timeoutSeconds as number } : {}),
    mode,
    jobs: definitions,
  };
}

/** Refs of a job's input that point at other jobs (resolved only when the job is enqueued). */
export function hasJobRefs(input: JsonValue): boolean {
  return findRefs(input, '').refs.some((ref) => ref.target.source === 'job');
}
