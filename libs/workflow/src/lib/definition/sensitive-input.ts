import { referenceExpression, type JsonValue } from '@base-shift/core';
import type { JsonPath } from '@base-shift/steps';
import { findRefs, parseRef } from './input-refs';

/** What of a workflow is sensitive because of one job (its template's writeOnly fields). */
export interface SensitiveInput {
  /** Workflow-input paths a reference at, above or below a writeOnly field points at. */
  inputPaths: JsonPath[];
  /** Members of the job's requested input written literally at a writeOnly field (concrete paths). */
  literalPaths: JsonPath[];
}

/**
 * Follows each writeOnly path (of the resolved input, as the template's
 * inputSchema describes it) through the job's input as requested:
 * - a `{"$from": "input.x"}` on the way (at or above the field) makes
 *   `x` + the rest of the path sensitive in the workflow input;
 * - a literal value at the field is sensitive in the job's input, and so is
 *   every `input.*` target of a reference inside it (below the field).
 * Refs to job outputs are not followed: those values live in the other job's
 * output, and the resolved input is redacted by the writeOnly paths directly.
 */
export function sensitiveInput(jobInput: JsonValue, writeOnly: readonly JsonPath[]): SensitiveInput {
  const inputPaths: JsonPath[] = [];
  const literalPaths: JsonPath[] = [];
  const visit = (node: JsonValue, rest: JsonPath, at: string[]): void => {
    const expression = referenceExpression(node);
    if (expression !== undefined) {
      const target = parseRef(expression);
      if (!('error' in target) && target.source === 'input') inputPaths.push([...target.path, ...rest]);
      return;
    }
    if (rest.length === 0) {
      literalPaths.push(at);
      for (const ref of findRefs(node, '').refs) if (ref.target.source === 'input') inputPaths.push(ref.target.path);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const [step, ...below] = rest;
    const children: Array<[string, JsonValue]> = Array.isArray(node) ? node.map((item, index) => [String(index), item]) : Object.entries(node);
    for (const [key, child] of children) if (step === null || step === key) visit(child, below, [...at, key]);
  };
  for (const path of writeOnly) visit(jobInput, path, []);
  return { inputPaths, literalPaths };
}

/** Every workflow-input path the job's references read (what the job needs to run again). */
export function referencedInputPaths(jobInput: JsonValue): JsonPath[] {
  return findRefs(jobInput, '')
    .refs.map((ref) => ref.target)
    .flatMap((target) => (target.source === 'input' ? [target.path] : []));
}

/** Two paths overlap when one lies at or below the other (`null` matches any step). */
export function pathsOverlap(a: JsonPath, b: JsonPath): boolean {
  const shared = Math.min(a.length, b.length);
  for (let i = 0; i < shared; i++) if (a[i] !== null && b[i] !== null && a[i] !== b[i]) return false;
  return true;
}
