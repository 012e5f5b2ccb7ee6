/**
 * Reads a dot path (`cardDetails.number`, `items.0.sku`) from a JSON value:
 * the one notation of a validation rule's `field` and of a mapping's references
 * (after its root). Property names of objects, indexes of arrays; undefined
 * when any part is missing.
 */
export function readDotPath(value: unknown, path: string): unknown {
  let current = value;
  for (const segment of path.split('.')) {
    if (Array.isArray(current)) {
      if (!/^\d+$/.test(segment)) return undefined;
      current = current[Number(segment)];
    } else if (typeof current === 'object' && current !== null && Object.prototype.hasOwnProperty.call(current, segment)) {
      current = (current as Record<string, unknown>)[segment];
    } else {
      return undefined;
    }
  }
  return current;
}
