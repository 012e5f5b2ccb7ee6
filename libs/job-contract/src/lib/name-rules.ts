/**
 * Names every project agrees on, each rule written once: the pattern (for JSON
 * Schemas and OpenAPI), a checker, and the words error messages use for it.
 */

/**
 * A pool is a queue pool, a template's `resourceClass` and a Kubernetes label
 * value on its executor pods (libs/pods/README.md), so its name follows the
 * strictest of the three: the label value's.
 */
export const POOL_NAME_PATTERN = '^[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,61}[A-Za-z0-9])?$';
export const POOL_NAME_RULE = "1-63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit";

/** A job template's id, as stored, referenced by workflow jobs and written into queue payloads. */
export const TEMPLATE_ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$';
export const TEMPLATE_ID_RULE = '1-128 characters of letters, digits, _ . - starting with a letter or digit';

const POOL_NAME = new RegExp(POOL_NAME_PATTERN);
const TEMPLATE_ID = new RegExp(TEMPLATE_ID_PATTERN);

export function isPoolName(value: unknown): value is string {
  return typeof value === 'string' && POOL_NAME.test(value);
}

export function isTemplateId(value: unknown): value is string {
  return typeof value === 'string' && TEMPLATE_ID.test(value);
}
