import type { JsonValue } from './json';

/**
 * The keyword of a reference object, `{"$from": "input.orderId"}`: in a job's
 * input it takes a value from the workflow input or an earlier job's output;
 * in a step's mapping (transform output, API call body), from the step's
 * input. Not `$ref`: every JSON tool (OpenAPI linters and code generators,
 * JSON Schema validators, JSON Reference resolvers) tries to resolve `$ref`.
 */
export const REFERENCE_KEYWORD = '$from';

/**
 * The keyword before the rename, still read so that workflows and templates
 * stored with it (and clients not updated yet) keep working. `$from` wins in
 * an object that has both.
 */
export const LEGACY_REFERENCE_KEYWORD = '$ref';

export type ReferenceKeyword = typeof REFERENCE_KEYWORD | typeof LEGACY_REFERENCE_KEYWORD;

/** The reference keyword `node` carries (an object with an own `$from` or `$ref` member), or undefined for plain data. */
export function referenceKeyword(node: unknown): ReferenceKeyword | undefined {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
  if (Object.hasOwn(node, REFERENCE_KEYWORD)) return REFERENCE_KEYWORD;
  if (Object.hasOwn(node, LEGACY_REFERENCE_KEYWORD)) return LEGACY_REFERENCE_KEYWORD;
  return undefined;
}

/** The expression of a reference object whose only member is its keyword, or undefined. */
export function referenceExpression(node: JsonValue): string | undefined {
  const keyword = referenceKeyword(node);
  if (!keyword) return undefined;
  const object = node as Record<string, JsonValue>;
  return Object.keys(object).length === 1 && typeof object[keyword] === 'string' ? (object[keyword] as string) : undefined;
}
