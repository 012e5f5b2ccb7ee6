import type { JsonValue } from '@base-shift/core';
import type { JsonPath } from '@base-shift/steps';

// As for secret variants: blanking shorter strings would mangle ordinary text.
const MIN_LENGTH = 4;

/**
 * The text of every value at a writeOnly path of `input` (strings, and
 * numbers as written, at the path or anywhere below it), for the Redactor:
 * a card number echoed back by a server, or quoted by a step, never leaves
 * the executor in an output, an error or a log line.
 */
export function writeOnlyValues(input: JsonValue, paths: readonly JsonPath[]): string[] {
  const found = new Set<string>();
  const leaves = (node: JsonValue): void => {
    if (typeof node === 'string' || typeof node === 'number') {
      const text = String(node);
      if (text.length >= MIN_LENGTH) found.add(text);
    } else if (Array.isArray(node)) node.forEach(leaves);
    else if (node !== null && typeof node === 'object') Object.values(node).forEach(leaves);
  };
  const visit = (node: JsonValue, rest: JsonPath): void => {
    if (rest.length === 0) return leaves(node);
    if (node === null || typeof node !== 'object') return;
    const [step, ...below] = rest;
    const children = Array.isArray(node) ? node.map((item, index) => [String(index), item] as const) : Object.entries(node);
    for (const [key, child] of children) if (step === null || step === key) visit(child, below);
  };
  for (const path of paths) visit(input, path);
  return [...found];
}
