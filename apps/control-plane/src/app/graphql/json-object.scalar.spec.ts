import { graphql, GraphQLInt, GraphQLObjectType, GraphQLSchema } from 'graphql';
import { JSONObjectScalar } from './json-object.scalar';

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      echo: { type: JSONObjectScalar, args: { value: { type: JSONObjectScalar } }, resolve: (_root, args) => args['value'] },
      count: { type: GraphQLInt },
    },
  }),
});

describe('JSONObject scalar', () => {
  it('reads object literals, variables inside them included', async () => {
    const result = await graphql({
      schema,
      source: 'query ($n: Int) { echo(value: { a: [1, 2.5, "x", true, null, { b: $n }], c: ENUMISH }) }',
      variableValues: { n: 7 },
    });
    expect(result).toEqual({ data: { echo: { a: [1, 2.5, 'x', true, null, { b: 7 }], c: 'ENUMISH' } } });
  });

  it('refuses anything that is not an object, saying what it got', async () => {
    expect((await graphql({ schema, source: '{ echo(value: [1]) }' })).errors?.[0].message).toBe('must be a JSON object, got a ListValue literal');
    const viaVariable = await graphql({ schema, source: 'query ($v: JSONObject) { echo(value: $v) }', variableValues: { v: 'text' } });
    expect(viaVariable.errors?.[0].message).toContain('must be a JSON object, got a string');
  });
});
