import { childPointer, REFERENCE_KEYWORD, referenceExpression, referenceKeyword, type JsonValue, type ReferenceKeyword } from '@base-shift/core';
import type { FieldProblem } from '../domain/workflow-errors';

/**
 * `{"$from": "input.orderId"}` or `{"$from": "jobs.order_validation.output.orderId"}`
 * anywhere inside a job's input is replaced by the value it points at when the
 * job is enqueued (`$ref`, the keyword's old name, is still read: see
 * `referenceKeyword`). See libs/workflow/README.md "Input references".
 */
export type RefTarget = { source: 'input'; path: string[] } | { source: 'job'; jobId: string; path: string[] };

export interface RefOccurrence {
  /** Where the reference object sits, e.g. `/jobs/1/input/payment/amount`. */
  pointer: string;
  /** `$from`, or `$ref` in a request written before the rename (messages name what the caller wrote). */
  keyword: ReferenceKeyword;
  expression: string;
  target: RefTarget;
}

export interface RefSources {
  input: JsonValue;
  /** Outputs of finished jobs, by job id. */
  outputs: ReadonlyMap<string, JsonValue>;
}

const SEGMENT = /^[A-Za-z0-9_-]+$/;
const SYNTAX = 'expected "input[.<key>...]" or "jobs.<jobId>.output[.<key>...]"';

export function parseRef(expression: string, keyword: ReferenceKeyword = REFERENCE_KEYWORD): RefTarget | { error: string } {
  const parts = expression.split('.');
  if (parts.some((part) => !SEGMENT.test(part))) {
    return { error: `${keyword} ${JSON.stringify(expression)} is malformed: segments are letters, digits, "_" or "-" separated by "."; ${SYNTAX}` };
  }
  if (parts[0] === 'input') return { source: 'input', path: parts.slice(1) };
  if (parts[0] === 'jobs' && parts.length >= 3 && parts[2] === 'output') {
    return { source: 'job', jobId: parts[1], path: parts.slice(3) };
  }
  return { error: `${keyword} ${JSON.stringify(expression)} is malformed: ${SYNTAX}` };
}

/** Every reference in `value` (which sits at `pointer`), plus a problem for each malformed one. */
export function findRefs(value: JsonValue, pointer: string): { refs: RefOccurrence[]; problems: FieldProblem[] } {
  const refs: RefOccurrence[] = [];
  const problems: FieldProblem[] = [];
  const walk = (node: JsonValue, at: string): void => {
    const keyword = referenceKeyword(node);
    if (keyword) {
      const expression = (node as Record<string, JsonValue>)[keyword];
      if (Object.keys(node as object).length !== 1) problems.push({ pointer: at, message: `a {"${keyword}": ...} object must have no other keys` });
      else if (typeof expression !== 'string') problems.push({ pointer: at, message: `${keyword} must be a string` });
      else {
        const target = parseRef(expression, keyword);
        if ('error' in target) problems.push({ pointer: at, message: target.error });
        else refs.push({ pointer: at, keyword, expression, target });
      }
      return;
    }
    if (Array.isArray(node)) node.forEach((item, index) => walk(item, childPointer(at, index)));
    else if (typeof node === 'object' && node !== null) for (const [key, item] of Object.entries(node)) walk(item, childPointer(at, key));
  };
  walk(value, pointer);
  return { refs, problems };
}

/** Follows `path` from `root`; own properties and array indices only. */
function lookup(root: JsonValue, path: readonly string[], rootName: string): { value: JsonValue } | { error: string } {
  let node = root;
  let where = rootName;
  for (const segment of path) {
    if (Array.isArray(node) && /^\d+$/.test(segment)) {
      const index = Number(segment);
      if (index >= node.length) return { error: `${where} has no item ${index} (length ${node.length})` };
      node = node[index];
    } else if (typeof node === 'object' && node !== null && !Array.isArray(node)) {
      if (!Object.hasOwn(node, segment)) return { error: `${where} has no property ${JSON.stringify(segment)}` };
      node = node[segment];
    } else {
      return { error: `${where} is ${node === null ? 'null' : Array.isArray(node) ? 'an array' : typeof node}, not an object` };
    }
    where = `${where}.${segment}`;
  }
  return { value: node };
}

/**
 * A copy of `value` with every reference replaced. Returns the problems instead
 * when a reference points at nothing, so the caller can fail the job with them.
 */
export function resolveRefs(value: JsonValue, pointer: string, sources: RefSources): { value: JsonValue } | { problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const walk = (node: JsonValue, at: string): JsonValue => {
    const keyword = referenceKeyword(node);
    if (keyword) {
      const expression = (node as Record<string, JsonValue>)[keyword];
      const target = typeof expression === 'string' ? parseRef(expression, keyword) : { error: `${keyword} must be a string` };
      if ('error' in target) {
        problems.push({ pointer: at, message: target.error });
        return null;
      }
      const found =
        target.source === 'input'
          ? lookup(sources.input, target.path, 'input')
          : sources.outputs.has(target.jobId)
            ? lookup(sources.outputs.get(target.jobId) as JsonValue, target.path, `jobs.${target.jobId}.output`)
            : { error: `job ${target.jobId} has no output yet` };
      if ('error' in found) {
        problems.push({ pointer: at, message: `${keyword} ${JSON.stringify(expression)}: ${found.error}` });
        return null;
      }
      return found.value;
    }
    if (Array.isArray(node)) return node.map((item, index) => walk(item, childPointer(at, index)));
    if (typeof node === 'object' && node !== null) {
      // fromEntries defines own properties, so a "__proto__" key stays data, never a prototype.
      return Object.fromEntries(Object.entries(node).map(([key, item]) => [key, walk(item, childPointer(at, key))]));
    }
    return node;
  };
  const resolved = walk(value, pointer);
  return problems.length > 0 ? { problems } : { value: resolved };
}

/**
 * The UTF-8 length of `JSON.stringify(value)` once its `input.*` refs are
 * resolved, computed without building the copy: each distinct target is
 * serialised once, so 200 × `{"$from": "input"}` costs one walk of the input.
 * Refs to job outputs (unknown yet) and unresolvable refs count as written.
 */
export function resolvedByteLength(value: JsonValue, workflowInput: JsonValue, targets = new Map<string, number>()): number {
  const bytes = (node: JsonValue): number => Buffer.byteLength(JSON.stringify(node));
  const walk = (node: JsonValue): number => {
    const expression = referenceExpression(node);
    if (expression !== undefined) {
      let size = targets.get(expression);
      if (size === undefined) {
        const target = parseRef(expression);
        const found = 'error' in target || target.source === 'job' ? undefined : lookup(workflowInput, target.path, 'input');
        size = found && 'value' in found ? bytes(found.value) : bytes(node);
        targets.set(expression, size);
      }
      return size;
    }
    if (Array.isArray(node)) return 2 + Math.max(0, node.length - 1) + node.reduce<number>((sum, item) => sum + walk(item), 0);
    if (typeof node === 'object' && node !== null) {
      const entries = Object.entries(node);
      return 2 + Math.max(0, entries.length - 1) + entries.reduce((sum, [key, item]) => sum + bytes(key) + 1 + walk(item), 0);
    }
    return bytes(node);
  };
  return walk(value);
}
