import { buildSchema, parse, validate } from 'graphql';
import { operationLimitsRule } from './operation-limits.rule';

const schema = buildSchema(`
  type Item { name: String, tags(first: Int = 5): [String] }
  type Edge { node: Item }
  type Page { edges: [Edge], nodes: [Item] }
  type Query { items(first: Int = 20): [Item], one: Item, page(first: Int = 20): Page }
`);
const limits = { maxAliases: 2, maxFields: 10, maxCost: 200 };
const errorsFor = (query: string) => validate(schema, parse(query), [operationLimitsRule(limits)]).map((e) => e.message);

describe('operationLimitsRule', () => {
  it('lets an operation within the limits through', () => {
    expect(errorsFor('query Q { a: one { name } b: one { name } }')).toEqual([]);
  });

  it('counts aliases and fields, fragments where they are spread', () => {
    expect(errorsFor('query Q { a: one { ...F } b: one { ...F } c: one { ...F } } fragment F on Item { name }')).toEqual([
      '"Q" uses 3 aliases; the maximum is 2',
    ]);
    expect(errorsFor('query Q { one { ...F ...F } } fragment F on Item { x: name y: name z: name w: name n: name }')[0]).toBe(
      '"Q" uses 10 aliases; the maximum is 2',
    );
  });

  it('multiplies the cost of what sits in a list by its page size', () => {
    // 10 (root) + 20 items × (1 name + 1 tags + 5 × 0 below tags) = 50
    expect(errorsFor('query Q { items { name tags } }')).toEqual([]);
    // 10 + 100 × 2 = 210
    expect(errorsFor('query Q($n: Int) { items(first: $n) { name tags } }')).toEqual([
      '"Q" costs 210 (a root field 10, any other field 1, times the list sizes it sits in); the maximum is 200',
    ]);
  });

  it("counts a connection's edges and nodes by the connection's page size, fragments included", () => {
    // 10 (page, the root field) + 1 (edges) + 20 edges × (1 node + 1 name) = 51
    expect(errorsFor('query Q { page { edges { node { name } } } }')).toEqual([]);
    // 10 + 1 + 100 × 2 = 211 (edges without the connection's page size would count 10 × 2)
    const over = '"Q" costs 211 (a root field 10, any other field 1, times the list sizes it sits in); the maximum is 200';
    expect(errorsFor('query Q { page(first: 100) { edges { node { name } } } }')).toEqual([over]);
    expect(errorsFor('query Q { page(first: 100) { ...P } } fragment P on Page { edges { node { name } } }')).toEqual([over]);
    expect(errorsFor('query Q { page(first: 100) { nodes { name tags } } }')).toEqual([over]);
  });

  it('stays cheap on fragments that spread each other exponentially', () => {
    const levels = Array.from({ length: 40 }, (_, i) => `fragment F${i + 1} on Item { ...F${i} ...F${i} }`).join(' ');
    const errors = errorsFor(`query Q { one { ...F40 } } fragment F0 on Item { name } ${levels}`);
    expect(errors).toContain(`"Q" selects ${2 ** 40 + 1} fields; the maximum is 10`);
  });
});
