import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { ApiKeyStore, SCOPES, type Scope } from '@base-shift/auth';
import { WorkflowTestApp } from '../workflows/workflow-test-app';

/**
 * Probes, the API documentation (Swagger UI and its document under /docs), the GraphQL IDE (GraphiQL's page and
 * files; GraphQL requests themselves fall through to the guarded endpoint) and the operator console's static files
 * (its API calls carry the user's key) with its sign-in settings (/ui/config.json, nothing secret): the only routes
 * open without credentials.
 */
const PUBLIC_ROUTES = new Set(['GET /healthz', 'GET /readyz', 'GET /graphql', 'GET /graphql/ide/:file', 'GET /ui', 'GET /ui/config.json', 'GET /ui/*path']);
const isPublic = (route: Route) =>
  PUBLIC_ROUTES.has(`${route.method} ${route.path}`) || (route.method === 'GET' && /^\/docs(\/|-json$|-yaml$|$)/.test(route.path));

interface Route {
  method: string;
  path: string;
}

interface RouterLayer {
  route?: { path: string; methods: Record<string, boolean>; stack: Array<{ handle: { name: string } }> };
}

// Nest mounts route-scoped middleware (JsonContentTypeMiddleware) as routes whose handlers are all named
// `handler`; they answer nothing themselves, so they are not routes the app serves.
const isMiddlewareOnly = (layer: RouterLayer) => layer.route?.stack.every((entry) => entry.handle.name === 'handler') ?? true;

/** Every route Express serves, read from its router: what the running app answers, not what we meant to declare. */
function servedRoutes(t: WorkflowTestApp): Route[] {
  const express = t.app.getHttpAdapter().getInstance() as { router?: { stack: RouterLayer[] }; _router?: { stack: RouterLayer[] } };
  const stack = (express.router ?? express._router)?.stack ?? [];
  return stack.flatMap((layer) =>
    layer.route && !isMiddlewareOnly(layer)
      ? Object.keys(layer.route.methods)
          .filter((method) => method !== '_all')
          .map((method) => ({ method: method.toUpperCase(), path: layer.route?.path ?? '' }))
      : [],
  );
}

function concrete(path: string): string {
  return path.replace(/\{?\*(\w+)\}?/g, 'x').replace(/:(\w+)/g, 'x-$1');
}

/** A value of the type that passes GraphQL validation, so the request reaches the guard of the root field. */
function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((field) => isNonNullType(field.type))
        .map((field) => [field.name, sample(field.type)]),
    );
  }
  if (isScalarType(type)) return { Int: 1, Float: 1, Boolean: true }[type.name] ?? (type.name === 'JSONObject' ? {} : 'x');
  return null;
}

function operationOf(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): { query: string; variables: Record<string, unknown> } {
  const args = field.args.filter((arg) => isNonNullType(arg.type));
  const declarations = args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
  const uses = args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection = isObjectType(getNamedType(field.type)) ? '{ __typename }' : '';
  return {
    query: `${kind}${declarations ? `(${declarations})` : ''} { ${field.name}${uses ? `(${uses})` : ''} ${selection} }`,
    variables: Object.fromEntries(args.map((arg) => [arg.name, sample(arg.type)])),
  };
}

describe('every route and GraphQL root field is guarded (the running app, enumerated)', () => {
  let t: WorkflowTestApp;
  let openApi: { paths: Record<string, Record<string, { 'x-required-scopes'?: Scope[] }>> };
  const keys = new Map<Scope, string>();

  /** A key with one scope that does not grant `required` (a key without scopes cannot be made). */
  async function unrelatedKey(required: readonly Scope[]): Promise<{ scope: Scope; key: string }> {
    const scope = SCOPES.find((candidate) => candidate !== 'admin' && !required.includes(candidate)) as Scope;
    if (!keys.has(scope)) keys.set(scope, (await t.app.get(ApiKeyStore).create({ name: `only ${scope}`, scopes: [scope] })).key);
    return { scope, key: keys.get(scope) as string };
  }

  beforeAll(async () => {
    t = await WorkflowTestApp.start('auth-enumeration');
    openApi = (await t.http().get('/docs-json').expect(200)).body as typeof openApi;
  });
  afterAll(() => t.stop());

  it('finds the routes (a broken enumeration must not pass as "nothing unguarded")', () => {
    const names = servedRoutes(t).map((route) => `${route.method} ${route.path}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'POST /workflows',
        'GET /workflows/:id/events',
        'PUT /workflows/:id/jobs/:jobId',
        'GET /pools',
        'DELETE /api-keys/:id',
        'GET /audit',
        'GET /healthz',
      ]),
    );
  });

  it('answers every non-public route 401 without a token and 403 with a token of one unrelated scope', async () => {
    const checked: string[] = [];
    for (const route of servedRoutes(t)) {
      const name = `${route.method} ${route.path}`;
      if (isPublic(route)) continue;
      const openApiPath = route.path.replace(/:(\w+)/g, '{$1}');
      const required = openApi.paths[openApiPath]?.[route.method.toLowerCase()]?.['x-required-scopes'];
      expect({ route: name, declaresScopesInOpenApi: Array.isArray(required) && required.length > 0 }).toEqual({ route: name, declaresScopesInOpenApi: true });
      const call = (authorization?: string) => {
        const request = t.anonymous()[route.method.toLowerCase() as 'get'](concrete(route.path));
        if (authorization) request.set('Authorization', authorization);
        return ['POST', 'PUT', 'PATCH'].includes(route.method) ? request.send({}) : request;
      };
      const anonymous = await call();
      expect({ route: name, status: anonymous.status, challenge: anonymous.headers['www-authenticate'] }).toEqual({
        route: name,
        status: 401,
        challenge: 'Bearer',
      });
      const { key } = await unrelatedKey(required ?? []);
      const forbidden = await call(`Bearer ${key}`);
      expect({ route: name, status: forbidden.status, missingScope: forbidden.body.missingScope }).toEqual({
        route: name,
        status: 403,
        missingScope: required?.[0],
      });
      checked.push(name);
    }
    expect(checked.length).toBeGreaterThanOrEqual(13);
  });

  it('answers every GraphQL root field 401 without a token and 403 with a token of one unrelated scope', async () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const roots = [
      ['query', schema.getQueryType(), 'templates:read'],
      ['mutation', schema.getMutationType(), 'templates:write'],
    ] as const;
    const checked: string[] = [];
    for (const [kind, type, required] of roots) {
      for (const field of Object.values(type?.getFields() ?? {})) {
        const body = operationOf(kind, field);
        const anonymous = await t.anonymous().post('/graphql').send(body);
        expect({ field: field.name, status: anonymous.status, code: anonymous.body.errors?.[0]?.extensions?.code }).toEqual({
          field: field.name,
          status: 401,
          code: 'UNAUTHENTICATED',
        });
        const { key } = await unrelatedKey([required]);
        const forbidden = await t.anonymous().post('/graphql').set('Authorization', `Bearer ${key}`).send(body);
        expect({ field: field.name, status: forbidden.status, extensions: forbidden.body.errors?.[0]?.extensions }).toEqual({
          field: field.name,
          status: 403,
          extensions: expect.objectContaining({ code: 'FORBIDDEN', missingScope: required }),
        });
        checked.push(field.name);
      }
    }
    expect(checked).toEqual(expect.arrayContaining(['jobTemplate', 'jobTemplates', 'createJobTemplate', 'deleteJobTemplate']));
  });
});
