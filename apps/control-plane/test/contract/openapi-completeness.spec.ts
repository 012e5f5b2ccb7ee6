import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { OPENAPI_FILE } from '../../src/app/http/openapi';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonMap = { [key: string]: Json };
type Operation = JsonMap;

const document = JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')) as JsonMap & {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonMap> };
  tags: Array<{ name: string; description?: string }>;
};
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const operations = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.entries(item)
    .filter(([method]) => METHODS.includes(method))
    .map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, operation })),
);

function map(value: Json | undefined): JsonMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
}

/** Every schema property without a description, walking nested object schemas (not into $refs: they are checked where defined). */
function undescribedProperties(schema: JsonMap, at: string): string[] {
  const missing: string[] = [];
  for (const [name, property] of Object.entries(map(schema['properties']))) {
    const child = map(property);
    if (typeof child['description'] !== 'string' || child['description'] === '') missing.push(`${at}.${name}`);
    missing.push(...undescribedProperties(child, `${at}.${name}`));
    missing.push(...undescribedProperties(map(child['items']), `${at}.${name}[]`));
  }
  return missing;
}

describe('openapi.json describes everything a client needs', () => {
  it('finds the operations (an empty document must not pass)', () => {
    expect(operations.map((entry) => entry.name)).toEqual(
      expect.arrayContaining(['POST /workflows', 'GET /workflows/{id}', 'GET /workflows/{id}/events', 'PUT /workflows/{id}/jobs/{jobId}', 'GET /pools']),
    );
  });

  it('gives every operation an operationId, a summary, a description and a described tag', () => {
    const tags = new Map(document.tags.map((tag) => [tag.name, tag.description]));
    for (const { name, operation } of operations) {
      expect({ name, operationId: typeof operation['operationId'] }).toEqual({ name, operationId: 'string' });
      expect({ name, summary: Boolean(operation['summary']), description: Boolean(operation['description']) }).toEqual({
        name,
        summary: true,
        description: true,
      });
      const operationTags = operation['tags'] as string[];
      expect({ name, tagsDescribed: operationTags.length > 0 && operationTags.every((tag) => Boolean(tags.get(tag))) }).toEqual({ name, tagsDescribed: true });
    }
  });

  it('describes every parameter, schema and schema property', () => {
    const missing: string[] = [];
    for (const { name, operation } of operations) {
      for (const parameter of (operation['parameters'] ?? []) as JsonMap[]) {
        if (!parameter['description']) missing.push(`${name} parameter ${String(parameter['name'])}`);
      }
      if (operation['requestBody'] && !map(operation['requestBody'])['description']) missing.push(`${name} requestBody`);
      for (const [status, response] of Object.entries(map(operation['responses']))) {
        if (!map(response)['description']) missing.push(`${name} ${status}`);
      }
    }
    for (const [name, schema] of Object.entries(document.components.schemas)) {
      if (!schema['description']) missing.push(`schema ${name}`);
      missing.push(...undescribedProperties(schema, name));
    }
    expect(missing).toEqual([]);
  });

  it('answers every error as application/problem+json with the ProblemDetails schema', () => {
    for (const { name, operation } of operations) {
      const errors = Object.entries(map(operation['responses'])).filter(([status]) => Number(status) >= 400);
      expect({ name, hasErrors: errors.length > 0 }).toEqual({ name, hasErrors: true });
      for (const [status, response] of errors) {
        expect({ name, status, content: map(response)['content'] }).toEqual({
          name,
          status,
          content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } },
        });
      }
    }
    expect(document.components.schemas['ProblemDetails']['required']).toEqual(['type', 'title', 'status', 'detail']);
  });

  it('secures every operation with an API key or an OIDC token, and says 401, 403 and 429 can happen', () => {
    const schemes = map(map(document['components'])['securitySchemes']);
    expect(schemes).toEqual({
      apiKey: expect.objectContaining({ type: 'http', scheme: 'bearer', bearerFormat: 'bsk_…' }),
      oidc: expect.objectContaining({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }),
    });
    for (const { name, operation } of operations) {
      expect({ name, security: operation['security'], scopes: Array.isArray(operation['x-required-scopes']) }).toEqual({
        name,
        security: [{ apiKey: [] }, { oidc: [] }],
        scopes: true,
      });
      expect({ name, statuses: Object.keys(map(operation['responses'])) }).toEqual({ name, statuses: expect.arrayContaining(['401', '403', '429']) });
    }
  });

  it('types JSON values and job errors instead of leaving them empty objects', () => {
    const job = map(document.components.schemas['JobResponse']['properties']);
    expect(map(job['output'])['allOf']).toEqual([{ $ref: '#/components/schemas/JsonValue' }]);
    expect(map(job['resolvedInput'])['allOf']).toEqual([{ $ref: '#/components/schemas/JsonValue' }]);
    expect(map(job['error'])['allOf']).toEqual([{ $ref: '#/components/schemas/JobError' }]);
    expect(document.components.schemas['JobError']).toMatchObject({ type: 'object', required: ['message'] });
  });

  it('describes the SSE route as a text/event-stream with its events and an optional Last-Event-ID', () => {
    const stream = document.paths['/workflows/{id}/events']['get'];
    expect(map(map(stream['responses'])['200'])['content']).toEqual({ 'text/event-stream': { schema: { $ref: '#/components/schemas/WorkflowEvent' } } });
    const headers = (stream['parameters'] as JsonMap[]).filter((parameter) => parameter['in'] === 'header');
    expect(headers).toEqual([expect.objectContaining({ name: 'Last-Event-ID', required: false })]);
    expect(document.components.schemas['WorkflowTransitionEvent']).toMatchObject({ required: ['event', 'id', 'data'] });
  });
});

describe('every example in openapi.json validates against its schema', () => {
  // The document is registered whole, so the component refs of a schema resolve inside it.
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  addFormats(ajv);
  ajv.addKeyword('discriminator'); // OpenAPI's own keyword, not JSON Schema's.
  ajv.addSchema(document as object, 'openapi.json');

  function validate(schema: Json, example: Json, where: string): string[] {
    const check = ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi.json#/components/')) as object);
    return check(example) ? [] : [`${where}: ${ajv.errorsText(check.errors)}`];
  }

  const checked: string[] = [];

  it('checks the examples of schemas, parameters, request bodies and responses', () => {
    const problems: string[] = [];
    const visitSchema = (schema: Json, where: string) => {
      const node = map(schema);
      for (const [index, example] of (Array.isArray(node['examples']) ? node['examples'] : []).entries()) {
        problems.push(...validate(schema, example, `${where} examples[${index}]`));
        checked.push(where);
      }
      for (const [name, property] of Object.entries(map(node['properties']))) visitSchema(property, `${where}.${name}`);
    };
    for (const [name, schema] of Object.entries(document.components.schemas)) visitSchema(schema, name);
    for (const { name, operation } of operations) {
      for (const parameter of (operation['parameters'] ?? []) as JsonMap[]) visitSchema(parameter['schema'] ?? null, `${name} ${String(parameter['name'])}`);
      const media = [
        ...Object.entries(map(map(operation['requestBody'])['content'])).map(([type, content]) => [`${name} request ${type}`, content] as const),
        ...Object.entries(map(operation['responses'])).flatMap(([status, response]) =>
          Object.entries(map(map(response)['content'])).map(([type, content]) => [`${name} ${status} ${type}`, content] as const),
        ),
      ];
      for (const [where, content] of media) {
        const schema = map(content)['schema'] ?? null;
        for (const [key, example] of Object.entries(map(map(content)['examples']))) {
          problems.push(...validate(schema, map(example)['value'] ?? null, `${where} examples.${key}`));
          checked.push(where);
        }
        if ('example' in map(content)) problems.push(...validate(schema, map(content)['example'] ?? null, `${where} example`));
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toEqual(expect.arrayContaining(['POST /workflows request application/json', 'ProblemDetails', 'JobError']));
  });
});
