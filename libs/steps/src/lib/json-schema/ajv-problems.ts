import type { ErrorObject } from 'ajv';
import { pointerSegment, type ValidationProblem } from '@base-shift/core';

/** Keywords whose error points at a child property, so a schema's own errorMessage does not describe it. */
const CHILD_KEYWORDS = new Set(['required', 'additionalProperties', 'dependentRequired', 'unevaluatedProperties']);

/**
 * Turns ajv errors (compiled with `allErrors` and `verbose`) into problems whose
 * messages name the rule and what would be accepted. Noise is dropped: the
 * `if` error that merely says "must match then" (its `then` errors carry the
 * reason) and the outer `propertyNames` error (its inner error names the key).
 */
export function ajvErrorsToProblems(errors: readonly ErrorObject[] | null | undefined, base = ''): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  for (const error of errors ?? []) {
    const problem = toProblem(error, base);
    if (problem && !problems.some((p) => p.pointer === problem.pointer && p.message === problem.message)) {
      problems.push(problem);
    }
  }
  return problems;
}

function toProblem(error: ErrorObject, base: string): ValidationProblem | undefined {
  if (error.keyword === 'if' || error.keyword === 'propertyNames') return undefined;
  const at = base + error.instancePath;
  const params = error.params as Record<string, unknown>;
  const custom = (error.parentSchema as { errorMessage?: unknown } | undefined)?.errorMessage;
  if (error.propertyName !== undefined) {
    return { pointer: `${at}/${pointerSegment(error.propertyName)}`, message: typeof custom === 'string' ? custom : 'is not an allowed name' };
  }
  if (typeof custom === 'string' && !CHILD_KEYWORDS.has(error.keyword)) return { pointer: at, message: custom };
  switch (error.keyword) {
    case 'required':
      return { pointer: `${at}/${pointerSegment(String(params['missingProperty']))}`, message: 'is required' };
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const key = String(params['additionalProperty'] ?? params['unevaluatedProperty']);
      const allowed = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      return { pointer: `${at}/${pointerSegment(key)}`, message: allowed.length > 0 ? `is not allowed (allowed: ${allowed.join(', ')})` : 'is not allowed' };
    }
    default:
      return { pointer: at, message: describe(error.keyword, params, error.message) };
  }
}

function describe(keyword: string, params: Record<string, unknown>, fallback: string | undefined): string {
  switch (keyword) {
    case 'enum':
      return `must be one of ${(params['allowedValues'] as unknown[]).map(display).join(', ')}`;
    case 'const':
      return `must be ${display(params['allowedValue'])}`;
    case 'type':
      return `must be ${String(params['type']).split(',').map(withArticle).join(' or ')}`;
    case 'minimum':
      return `must be >= ${params['limit']}`;
    case 'maximum':
      return `must be <= ${params['limit']}`;
    case 'exclusiveMinimum':
      return `must be > ${params['limit']}`;
    case 'exclusiveMaximum':
      return `must be < ${params['limit']}`;
    case 'minLength':
      return params['limit'] === 1 ? 'must not be empty' : `must be at least ${params['limit']} characters long`;
    case 'maxLength':
      return `must be at most ${params['limit']} characters long`;
    case 'minItems':
      return `must contain at least ${params['limit']} item${params['limit'] === 1 ? '' : 's'}`;
    case 'maxItems':
      return `must contain at most ${params['limit']} items`;
    case 'maxProperties':
      return `must have at most ${params['limit']} entries`;
    case 'pattern':
      return `must match the pattern ${String(params['pattern'])}`;
    case 'format':
      return `must be a valid ${String(params['format'])}`;
    case 'false schema':
      return 'is not allowed';
    default:
      return fallback ?? `fails the ${keyword} rule`;
  }
}

function display(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function withArticle(type: string): string {
  if (type === 'null') return 'null';
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
