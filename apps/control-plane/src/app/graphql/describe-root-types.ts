import type { GraphQLSchema } from 'graphql';

const ROOT_DESCRIPTIONS = {
  query: 'Reads. Every field needs a bearer token with the templates:read scope (Authorization: Bearer <API key>).',
  mutation: 'Writes. Every field needs a bearer token with the templates:write scope (Authorization: Bearer <API key>).',
} as const;

/**
 * Code first has no decorator for the root types' own descriptions, so they
 * are set on the built schema (before the schema file is written:
 * transformAutoSchemaFile). The type objects are this schema's own, built
 * moments ago, so setting a field on them changes nothing else.
 */
export function describeRootTypes(schema: GraphQLSchema): GraphQLSchema {
  const query = schema.getQueryType();
  const mutation = schema.getMutationType();
  if (query && !query.description) query.description = ROOT_DESCRIPTIONS.query;
  if (mutation && !mutation.description) mutation.description = ROOT_DESCRIPTIONS.mutation;
  return schema;
}
