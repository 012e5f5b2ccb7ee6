import { buildSchema, parse, validate } from 'graphql';
import { depthLimitRule } from './depth-limit.rule';

// A recursive type, so depth is only bounded by the rule.
const schema = buildSchema(`type Node { name: String, child: Node } type Query { root: Node }`);
const errorsFor = (query: string, max = 3) => validate(schema, parse(query), [depthLimitRule(max)]).map((e) => e.message);

describe('depthLimitRule', () => {
  it('counts nested fields: { a { b } } is 2 deep', () => {
    expect(errorsFor('{ root { child { name } } }')).toEqual([]);
    expect(errorsFor('query Q { root { child { child { name } } } }')).toEqual(['"Q" is 4 levels deep; the maximum is 3']);
  });

  it('counts fragments and inline fragments where they are spread', () => {
    const query = `
      query Q { root { ...Two } }
      fragment Two on Node { child { ... on Node { ...One } } }
      fragment One on Node { child { name } }`;
    expect(errorsFor(query, 4)).toEqual([]);
    expect(errorsFor(query, 3)).toEqual(['"Q" is 4 levels deep; the maximum is 3']);
  });

  it('stays cheap on fragments that fan out, and leaves cycles to NoFragmentCycles', () => {
    const fanOut = Array.from({ length: 30 }, (_, i) => `fragment F${i} on Node { a: child { ...F${i + 1} } b: child { ...F${i + 1} } }`).join('\n');
    const query = `query Q { root { ...F0 } }\n${fanOut}\nfragment F30 on Node { name }`;
    expect(errorsFor(query, 100)).toEqual([]);
    expect(errorsFor(query, 10)).toEqual(['"Q" is 32 levels deep; the maximum is 10']);
    expect(errorsFor('{ root { ...A } } fragment A on Node { child { ...A } }', 10)).toEqual([]);
  });
});
