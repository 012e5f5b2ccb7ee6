import type { JsonValue } from '@base-shift/core';
import type { JsonPath } from './write-only-paths';

/**
 * A copy of `value` without the members `paths` match (OpenAPI's writeOnly:
 * "not sent in responses", so the member is removed, not blanked). An array
 * item that matches is left out of the array. Returns `undefined` when a path
 * is empty (the whole value is sensitive), and `value` itself when nothing
 * matched, so callers can tell "unchanged" by identity.
 */
export function redactJson(value: JsonValue, paths: readonly JsonPath[]): JsonValue | undefined {
  if (paths.length === 0) return value;
  if (paths.some((path) => path.length === 0)) return undefined;
  if (typeof value !== 'object' || value === null) return value;
  let changed = false;
  const child = (item: JsonValue, key: string): JsonValue | undefined => {
    const below = paths.filter((path) => path[0] === null || path[0] === key).map((path) => path.slice(1));
    const redacted = redactJson(item, below);
    if (redacted !== item) changed = true;
    return redacted;
  };
  if (Array.isArray(value)) {
    const items = value.map((item, index) => child(item, String(index))).filter((item): item is JsonValue => item !== undefined);
    return changed ? items : value;
  }
  const entries: Array<[string, JsonValue]> = [];
  for (const [key, item] of Object.entries(value)) {
    const redacted = child(item, key);
    if (redacted !== undefined) entries.push([key, redacted]);
  }
  // fromEntries defines own properties, so a "__proto__" key stays data.
  return changed ? Object.fromEntries(entries) : value;
}
