import { readFileSync } from 'node:fs';
import { getConnectionToken } from '@nestjs/mongoose';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { getIntrospectionQuery, lexicographicSortSchema, printSchema } from 'graphql';
import type { Connection } from 'mongoose';
import { SCHEMA_FILE } from '../../src/app/graphql/graphql-api.module';
import { GET, TEMPLATE_FIELDS, TemplatesTestApp } from './templates-test-app';

/** `__type { ofType { ofType { ... name } } }`, `levels` fields deep (Apollo's own introspection limit only counts `fields` cycles). */
function deepQuery(levels: number): string {
  let selection = 'name';
  for (let depth = 2; depth < levels; depth++) selection = `ofType { ${selection} }`;
  return `query Deep { __type(name: "JobTemplate") { ${selection} } }`;
}

describe('the GraphQL endpoint', () => {
  let t: TemplatesTestApp;

  beforeAll(async () => {
    t = await TemplatesTestApp.start('graphql_endpoint');
  });

  afterAll(() => t.stop());

  it('refuses a query nested deeper than the limit before running it', async () => {
    const response = await t.graphql(deepQuery(40));
    expect(response.status).toBe(400);
    expect(response.data).toBeUndefined();
    expect(response.errors).toEqual([
      expect.objectContaining({ message: '"Deep" is 40 levels deep; the maximum is 15', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }),
    ]);
    expect((await t.graphql(deepQuery(16))).errors?.[0].message).toBe('"Deep" is 16 levels deep; the maximum is 15');
    const atTheLimit = await t.graphql(deepQuery(15));
    expect(atTheLimit.errors).toBeUndefined();
    expect(atTheLimit.status).toBe(200);
  });

  it('refuses 1,000 aliases before running anything, and still runs a normal query', async () => {
    const aliases = Array.from({ length: 1000 }, (_, index) => `a${index}: jobTemplates(first: 1) { id }`).join(' ');
    const started = performance.now();
    const response = await t.graphql(`query Aliases { ${aliases} }`);
    console.info(`1,000 aliases refused in ${(performance.now() - started).toFixed(0)} ms`);
    expect(response.status).toBe(400);
    expect(response.data).toBeUndefined();
    expect(response.errors?.map((error) => error.message)).toEqual([
      '"Aliases" uses 1000 aliases; the maximum is 50',
      '"Aliases" selects 2000 fields; the maximum is 500',
      '"Aliases" costs 11000 (a root field 10, any other field 1, times the list sizes it sits in); the maximum is 10000',
    ]);

    const normal = await t.graphql(`query List { jobTemplates(first: 100) { ${TEMPLATE_FIELDS} } }`);
    expect(normal.errors).toBeUndefined();
    expect(normal.status).toBe(200);
  });

  it('refuses an operation whose pages multiply past the cost limit', async () => {
    const page = `jobTemplates(first: 100) { ${TEMPLATE_FIELDS} }`;
    const response = await t.graphql(`query Pages { a: ${page} b: ${page} c: ${page} }`);
    expect(response.status).toBe(400);
    expect(response.errors?.[0].message).toMatch(/^"Pages" costs \d+ .*; the maximum is 10000$/);
  });

  it('still serves the standard introspection query that tools send', async () => {
    const response = await t.graphql<{ __schema: { types: unknown[] } }>(getIntrospectionQuery());
    expect(response.status).toBe(200);
    expect(response.errors).toBeUndefined();
    expect(response.data?.__schema.types.length).toBeGreaterThan(10);
  });

  it('serves the schema committed in apps/control-plane/schema.graphql, sorted', () => {
    const served = printSchema(lexicographicSortSchema(t.app.get(GraphQLSchemaHost).schema));
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    expect(committed.slice(committed.indexOf('\n\n') + 2).trim()).toBe(served.trim());
    expect(served).toContain('scalar JSONObject');
  });

  it('answers an unexpected failure with a generic error: no message internals, no stack trace', async () => {
    const connection = t.app.get<Connection>(getConnectionToken());
    await connection.dropDatabase();
    await connection.close();
    const response = await t.graphql(GET, { id: 'anything' });
    expect(response.errors).toEqual([
      { message: 'Internal server error', locations: expect.any(Array), path: ['jobTemplate'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
    ]);
    expect(JSON.stringify(response)).not.toMatch(/stacktrace|mongo|\.ts:\d+/i);
  });
});
