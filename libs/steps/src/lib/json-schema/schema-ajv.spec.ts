import { jsonSchemaProblems } from './schema-ajv';

describe('jsonSchemaProblems', () => {
  it('accepts the seed input schema and 2020-12 features', () => {
    expect(
      jsonSchemaProblems({ type: 'object', properties: { amount: { type: 'number' }, cardDetails: { type: 'object' } }, required: ['amount'] }, '/inputSchema'),
    ).toEqual([]);
    expect(jsonSchemaProblems({ $defs: { id: { type: 'string', format: 'uuid' } }, prefixItems: [{ $ref: '#/$defs/id' }] }, '/s')).toEqual([]);
  });

  it('reports meta-schema violations at their place inside the schema', () => {
    expect(jsonSchemaProblems({ type: 'object', properties: { a: { minLength: -1 } } }, '/inputSchema')).toEqual([
      { pointer: '/inputSchema/properties/a/minLength', message: 'must be >= 0' },
    ]);
  });

  it('refuses what would not compile: unknown keywords and formats, dangling $refs', () => {
    expect(jsonSchemaProblems({ type: 'object', requried: ['a'] }, '/outputSchema')).toEqual([
      { pointer: '/outputSchema', message: 'is not a usable JSON Schema 2020-12: strict mode: unknown keyword: "requried"' },
    ]);
    expect(jsonSchemaProblems({ type: 'string', format: 'e-mail' }, '/s')[0].message).toMatch(/unknown format "e-mail"/);
    expect(jsonSchemaProblems({ $ref: '#/$defs/missing' }, '/s')[0].message).toMatch(/can't resolve reference/);
  });

  it('requires an object', () => {
    expect(jsonSchemaProblems(true, '/s')).toEqual([{ pointer: '/s', message: 'must be a JSON Schema object' }]);
  });
});
