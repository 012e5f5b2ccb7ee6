const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/** `jobs[1].input.amount`: the one notation every problem's `field` uses. */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  if (PLAIN_KEY.test(key)) return parent ? `${parent}.${key}` : key;
  return `${parent}[${JSON.stringify(key)}]`;
}

/** Turns an ajv instancePath (`/cardDetails/0`) into a suffix of `base`. */
export function pointerToPath(base: string, pointer: string): string {
  if (!pointer) return base;
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<string>((path, part) => childPath(path, /^\d+$/.test(part) ? Number(part) : part), base);
}
