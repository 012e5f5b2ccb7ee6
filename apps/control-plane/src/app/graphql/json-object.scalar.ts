import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { isJsonObject, type JsonObject } from '@base-shift/core';

/** JSON objects (step configs, JSON Schemas) in and out; arrays, strings and null are refused. */
export const JSONObjectScalar = new GraphQLScalarType<JsonObject, JsonObject>({
  name: 'JSONObject',
  description: 'A JSON object, e.g. a JSON Schema or a step config. Arrays, strings, numbers and null are not JSON objects.',
  serialize(value) {
    if (!isJsonObject(value)) throw new GraphQLError('JSONObject cannot represent a value that is not an object');
    return value;
  },
  parseValue(value) {
    if (!isJsonObject(value)) throw new GraphQLError(`must be a JSON object, got ${describe(value)}`);
    return value;
  },
  parseLiteral(ast, variables) {
    if (ast.kind !== Kind.OBJECT) throw new GraphQLError(`must be a JSON object, got a ${ast.kind} literal`, { nodes: ast });
    return literalValue(ast, variables) as JsonObject;
  },
});

function literalValue(ast: ValueNode, variables: Record<string, unknown> | null | undefined): unknown {
  switch (ast.kind) {
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((field) => [field.name.value, literalValue(field.value, variables)]));
    case Kind.LIST:
      return ast.values.map((item) => literalValue(item, variables));
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.STRING:
    case Kind.ENUM:
      return ast.value;
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.NULL:
      return null;
    case Kind.VARIABLE:
      return variables?.[ast.name.value];
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}
