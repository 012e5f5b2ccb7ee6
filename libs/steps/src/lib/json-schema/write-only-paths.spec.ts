import { pathPointer, writeOnlyPaths } from './write-only-paths';

const pointers = (schema: unknown): string[] => writeOnlyPaths(schema).map(pathPointer).sort();

describe('writeOnlyPaths', () => {
  it('finds writeOnly properties at any depth', () => {
    const schema = {
      type: 'object',
      properties: {
        cardNumber: { type: 'string', writeOnly: true },
        amount: { type: 'number' },
        holder: { type: 'object', properties: { name: { type: 'string' }, pin: { type: 'string', writeOnly: true } } },
      },
    };
    expect(pointers(schema)).toEqual(['/cardNumber', '/holder/pin']);
  });

  it('treats a writeOnly object as wholly sensitive (nothing below it is listed)', () => {
    expect(pointers({ properties: { card: { type: 'object', writeOnly: true, properties: { number: { writeOnly: true } } } } })).toEqual(['/card']);
    expect(pointers({ type: 'object', writeOnly: true })).toEqual(['']);
  });

  it('follows items, prefixItems, tuples and every-member keywords', () => {
    expect(pointers({ properties: { cards: { type: 'array', items: { properties: { number: { writeOnly: true } } } } } })).toEqual(['/cards/*/number']);
    expect(pointers({ prefixItems: [{}, { writeOnly: true }] })).toEqual(['/1']);
    expect(pointers({ items: [{ writeOnly: true }] })).toEqual(['/0']);
    expect(pointers({ additionalProperties: { writeOnly: true } })).toEqual(['/*']);
    expect(pointers({ patternProperties: { '^s_': { writeOnly: true } } })).toEqual(['/*']);
  });

  it('follows combinators and local $refs, and stops on recursive ones', () => {
    const schema = {
      $defs: { secret: { type: 'string', writeOnly: true }, node: { properties: { next: { $ref: '#/$defs/node' }, key: { $ref: '#/$defs/secret' } } } },
      anyOf: [{ properties: { token: { $ref: '#/$defs/secret' } } }, { properties: { tree: { $ref: '#/$defs/node' } } }],
    };
    const found = pointers(schema);
    expect(found).toContain('/token');
    expect(found).toContain('/tree/key');
    expect(found).toContain('/tree/next/key');
  });

  it('finds nothing in schemas without writeOnly, or in what is not a schema', () => {
    expect(writeOnlyPaths({ type: 'object', properties: { a: { readOnly: true }, b: { writeOnly: false } } })).toEqual([]);
    expect(writeOnlyPaths(undefined)).toEqual([]);
    expect(writeOnlyPaths(true)).toEqual([]);
  });

  it('escapes pointer tokens', () => {
    expect(pointers({ properties: { 'a/b~c': { writeOnly: true } } })).toEqual(['/a~1b~0c']);
  });
});
