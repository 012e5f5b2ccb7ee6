import { describe, expect, it } from 'vitest';
import { schemaFields } from './schema-fields';

describe('schemaFields', () => {
  it('lists properties with type, required, rules and nested paths', () => {
    const fields = schemaFields({
      type: 'object',
      required: ['amount'],
      properties: {
        amount: { type: 'number', minimum: 0, description: 'In cents' },
        card: { type: 'string', writeOnly: true },
        tags: { type: 'array', items: { type: 'string' } },
        address: { type: 'object', required: ['city'], properties: { city: { type: 'string', enum: ['Paris', 'Oslo'] } } },
      },
    });
    expect(fields).toEqual([
      { path: 'amount', type: 'number', required: true, rules: ['minimum 0'], writeOnly: false, description: 'In cents' },
      { path: 'card', type: 'string', required: false, rules: [], writeOnly: true },
      { path: 'tags', type: 'string[]', required: false, rules: [], writeOnly: false },
      { path: 'address', type: 'object', required: false, rules: [], writeOnly: false },
      { path: 'address.city', type: 'string', required: true, rules: ['one of "Paris", "Oslo"'], writeOnly: false },
    ]);
  });
  it('reads nothing from something that is not a schema', () => {
    expect(schemaFields(null)).toEqual([]);
    expect(schemaFields({ type: 'string' })).toEqual([]);
  });
});
