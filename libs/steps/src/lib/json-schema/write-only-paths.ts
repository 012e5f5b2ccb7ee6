import { isJsonObject, pointerSegment, pointerTokens, type JsonValue } from '@base-shift/core';

/**
 * A path into a JSON value: each step is a property name (digits also index an
 * array) or `null`, which stands for every child (every array item, every
 * member of an object). Patterns, not places: one path may match many members.
 */
export type JsonPath = ReadonlyArray<string | null>;

// Input documents nest at most 32 levels; a deeper walk can only be a recursive $ref.
const MAX_DEPTH = 64;
const COMBINATORS = ['allOf', 'anyOf', 'oneOf'] as const;

/**
 * Where a JSON Schema marks values `writeOnly: true`: the paths of the
 * instance members that are sensitive (sent in, never sent back). Followed:
 * `properties` at any depth, `items` (one schema: every item; a list: by
 * position), `prefixItems`, `additionalProperties` / `patternProperties`
 * (every member), `allOf`/`anyOf`/`oneOf`, and local `$ref`s (`#/$defs/…`).
 * A writeOnly object or array is wholly sensitive, so nothing below it is
 * listed. Err on the side of hiding: a branch of `anyOf` counts even if the
 * value may match another branch.
 */
export function writeOnlyPaths(schema: unknown): JsonPath[] {
  const found = new Map<string, JsonPath>();
  const walk = (node: unknown, path: JsonPath, depth: number): void => {
    if (!isJsonObject(node) || depth > MAX_DEPTH) return;
    if (node['writeOnly'] === true) {
      found.set(JSON.stringify(path), path);
      return;
    }
    const ref = node['$ref'];
    if (typeof ref === 'string' && ref.startsWith('#')) walk(localTarget(schema, ref), path, depth + 1);
    for (const key of COMBINATORS) each(node[key], (sub) => walk(sub, path, depth + 1));
    members(node['properties'], (key, sub) => walk(sub, [...path, key], depth + 1));
    members(node['patternProperties'], (_key, sub) => walk(sub, [...path, null], depth + 1));
    walk(node['additionalProperties'], [...path, null], depth + 1);
    each(node['prefixItems'], (sub, index) => walk(sub, [...path, String(index)], depth + 1));
    if (Array.isArray(node['items'])) each(node['items'], (sub, index) => walk(sub, [...path, String(index)], depth + 1));
    else walk(node['items'], [...path, null], depth + 1);
  };
  walk(schema, [], 0);
  return [...found.values()];
}

/** A path as a JSON Pointer for messages and docs; "every child" is written `*`. */
export function pathPointer(path: JsonPath): string {
  return path.map((step) => `/${step === null ? '*' : pointerSegment(step)}`).join('');
}

function localTarget(root: unknown, ref: string): unknown {
  let node = root;
  for (const token of pointerTokens(decodeURIComponent(ref.slice(1)))) node = isJsonObject(node) ? node[token] : undefined;
  return node;
}

function each(list: unknown, visit: (item: JsonValue, index: number) => void): void {
  if (Array.isArray(list)) list.forEach((item, index) => visit(item as JsonValue, index));
}

function members(object: unknown, visit: (key: string, value: JsonValue) => void): void {
  if (isJsonObject(object)) for (const [key, value] of Object.entries(object)) visit(key, value);
}
