import { pointerSegment, referenceKeyword, type JsonValue, type ValidationProblem } from '@base-shift/core';
import { readDotPath } from './dot-path';

/**
 * The mapping syntax shared by `transform.output` and `external_api_call.body`
 * (see libs/steps/README.md): any JSON value, in which every object of the form
 * `{ "$from": "<path>" }` or `{ "$from": "<path>", "default": <value> }` is
 * replaced by the value found at <path> (`$ref`, the keyword's old name, is
 * still read: see `referenceKeyword`). A path starts at a root (`input`: this
 * step's input; `job.input`: the job's input) and continues with `.`-separated
 * property names or array indexes: `input.items.0.sku`.
 */
export const MAPPING_DEFAULT_KEY = 'default';
export const MAPPING_ROOTS = ['input', 'job.input'] as const;
const REF_PATH = /^(?:job\.)?input(?:\.[^.]+)*$/;

export interface MappingContext {
  /** This step's input: the job input for the first step, otherwise the previous step's output. */
  input: unknown;
  job: { input: unknown };
}

/** Thrown at run time when a reference without a default finds nothing at its path. */
export class MappingError extends Error {
  constructor(readonly path: string) {
    super(`mapping: nothing at ${path} and no default given`);
    this.name = 'MappingError';
  }
}

/** Problems with the reference objects inside `mapping`, each at its pointer. */
export function mappingProblems(mapping: unknown, pointer: string): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  walk(mapping, pointer, problems);
  return problems;
}

function walk(value: unknown, pointer: string, problems: ValidationProblem[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => walk(item, `${pointer}/${index}`, problems));
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const entries = Object.entries(value as Record<string, unknown>);
  const keyword = referenceKeyword(value);
  if (!keyword) {
    for (const [key, item] of entries) walk(item, `${pointer}/${pointerSegment(key)}`, problems);
    return;
  }
  const ref = (value as Record<string, unknown>)[keyword];
  if (typeof ref !== 'string' || !REF_PATH.test(ref)) {
    problems.push({
      pointer: `${pointer}/${pointerSegment(keyword)}`,
      message: 'must be a path starting with input or job.input, e.g. "input.amount" or "job.input.items.0.sku"',
    });
  }
  for (const [key] of entries) {
    if (key !== keyword && key !== MAPPING_DEFAULT_KEY) {
      problems.push({ pointer: `${pointer}/${pointerSegment(key)}`, message: `is not allowed next to ${keyword} (only "default" is)` });
    }
  }
}

/** Builds the mapped value. Literal parts are copied; references are looked up in `context`. */
export function evaluateMapping(mapping: JsonValue, context: MappingContext): JsonValue {
  if (Array.isArray(mapping)) return mapping.map((item) => evaluateMapping(item, context));
  if (typeof mapping !== 'object' || mapping === null) return mapping;
  const keyword = referenceKeyword(mapping);
  if (keyword) {
    const path = mapping[keyword] as string;
    const found = lookup(context, path);
    if (found !== undefined) return found as JsonValue;
    if (MAPPING_DEFAULT_KEY in mapping) return mapping[MAPPING_DEFAULT_KEY];
    throw new MappingError(path);
  }
  return Object.fromEntries(Object.entries(mapping).map(([key, item]) => [key, evaluateMapping(item, context)]));
}

function lookup(context: MappingContext, path: string): unknown {
  const [root, rest] = path.startsWith('job.input') ? [context.job.input, path.slice('job.input'.length)] : [context.input, path.slice('input'.length)];
  return rest === '' ? root : readDotPath(root, rest.slice(1));
}
