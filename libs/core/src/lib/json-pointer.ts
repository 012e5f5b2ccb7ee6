/**
 * RFC 6901 JSON Pointers: the one notation every problem detail uses to name
 * a field (`/jobs/1/dependsOn/0`), in REST, GraphQL and logs alike.
 */

/** Escapes one reference token (`~` → `~0`, `/` → `~1`). */
export function pointerSegment(key: string | number): string {
  return String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** `/jobs` + (1, `dependsOn`) → `/jobs/1/dependsOn`. */
export function childPointer(parent: string, ...keys: readonly (string | number)[]): string {
  return keys.reduce<string>((pointer, key) => `${pointer}/${pointerSegment(key)}`, parent);
}

/** `/items/0/sku` → [`items`, `0`, `sku`]; the root (`''`) has no tokens. */
export function pointerTokens(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .split('/')
    .slice(1)
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}
