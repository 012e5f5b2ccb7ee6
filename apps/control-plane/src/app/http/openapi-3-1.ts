import type { OpenAPIObject } from '@nestjs/swagger';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonMap = { [key: string]: Json };

/** Keywords whose value is one schema, a list of schemas, or a map of them (JSON Schema 2020-12). */
const ONE_SCHEMA = ['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties'];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'dependentSchemas'];

/**
 * @nestjs/swagger 11 writes OpenAPI 3.0.0 and has no 3.1 mode; this turns its
 * document into 3.1.0 in place. Schemas (and only schemas: an Example Object's
 * `value` is left alone) get the 3.0 dialect's keywords rewritten:
 * `nullable: true` becomes `null` in a `type` array (or a `oneOf` with
 * `{type: 'null'}` around a `$ref`/combinator), a schema's `example` becomes
 * `examples: [example]`, boolean `exclusiveMinimum`/`exclusiveMaximum` become
 * numbers. `jsonSchemaDialect` is left out: the default, OpenAPI 3.1's own
 * dialect, is the one used.
 */
export function toOpenApi31(document: OpenAPIObject): OpenAPIObject {
  const doc = document as unknown as JsonMap;
  doc['openapi'] = '3.1.0';
  const components = doc['components'] as JsonMap | undefined;
  forEachValue(components?.['schemas'], convertSchema);
  for (const pathItem of Object.values((doc['paths'] ?? {}) as JsonMap)) {
    forEachValue(pathItem, (operation) => {
      if (!isMap(operation)) return;
      for (const parameter of asList(operation['parameters'])) if (isMap(parameter)) convertSchema(parameter['schema']);
      if (isMap(operation['requestBody'])) forEachValue(operation['requestBody']['content'], convertMediaType);
      forEachValue(operation['responses'], (response) => {
        if (!isMap(response)) return;
        forEachValue(response['content'], convertMediaType);
        forEachValue(response['headers'], (header) => isMap(header) && convertSchema(header['schema']));
      });
    });
  }
  return document;
}

function convertMediaType(mediaType: Json): void {
  if (isMap(mediaType)) convertSchema(mediaType['schema']);
}

function convertSchema(schema: Json | undefined): void {
  if (!isMap(schema)) return;
  for (const key of ONE_SCHEMA) convertSchema(schema[key]);
  for (const key of SCHEMA_LISTS) asList(schema[key]).forEach(convertSchema);
  for (const key of SCHEMA_MAPS) forEachValue(schema[key], convertSchema);
  if ('example' in schema) {
    schema['examples'] = [schema['example']];
    delete schema['example'];
  }
  for (const [bound, exclusiveBound] of [
    ['minimum', 'exclusiveMinimum'],
    ['maximum', 'exclusiveMaximum'],
  ] as const) {
    if (typeof schema[exclusiveBound] !== 'boolean') continue;
    if (schema[exclusiveBound] === true) {
      schema[exclusiveBound] = schema[bound];
      delete schema[bound];
    } else delete schema[exclusiveBound];
  }
  if (!('nullable' in schema)) return;
  const nullable = schema['nullable'] === true;
  delete schema['nullable'];
  if (!nullable) return;
  const combined = ['$ref', 'allOf', 'anyOf', 'oneOf'].filter((key) => key in schema);
  if (combined.length > 0) {
    // A $ref or a combinator: the value is that schema, or null (the `type: object` @nestjs/swagger puts beside it goes).
    const inner: JsonMap = {};
    for (const key of combined) {
      inner[key] = schema[key];
      delete schema[key];
    }
    delete schema['type'];
    // allOf of one schema (how @nestjs/swagger refers to a class) is that schema.
    const only = Array.isArray(inner['allOf']) && inner['allOf'].length === 1 && combined.length === 1 ? inner['allOf'][0] : inner;
    schema['oneOf'] = [only, { type: 'null' }];
  } else if (typeof schema['type'] === 'string') {
    schema['type'] = [schema['type'], 'null'];
    if (Array.isArray(schema['enum']) && !schema['enum'].includes(null)) schema['enum'].push(null);
  } else if (Array.isArray(schema['type']) && !schema['type'].includes('null')) {
    schema['type'].push('null');
  }
}

function isMap(value: Json | undefined): value is JsonMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asList(value: Json | undefined): Json[] {
  return Array.isArray(value) ? value : [];
}

function forEachValue(map: Json | undefined, visit: (value: Json) => void): void {
  if (isMap(map)) Object.values(map).forEach(visit);
}
