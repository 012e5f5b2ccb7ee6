import { ApiKeyStore, type Scope } from '@base-shift/auth';
import { startTestOidcIssuer, type TestOidcIssuer } from '@base-shift/auth/testing';
import { orderWorkflow, WorkflowTestApp } from '../workflows/workflow-test-app';

const LIST_TEMPLATES = '{ jobTemplates { id } }';

describe('access control over the HTTP and GraphQL API (real Redis, FerretDB)', () => {
  let t: WorkflowTestApp;

  beforeAll(async () => {
    t = await WorkflowTestApp.start('auth-api');
  });
  afterAll(() => t.stop());

  async function keyWith(...scopes: Scope[]): Promise<{ id: string; key: string }> {
    return t.app.get(ApiKeyStore).create({ name: `test ${scopes.join(' ')}`, scopes });
  }

  it('answers a call without credentials 401, problem+json, with WWW-Authenticate: Bearer', async () => {
    const response = await t.anonymous().get('/workflows').expect(401);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.headers['www-authenticate']).toBe('Bearer');
    expect(response.body).toMatchObject({
      type: 'about:blank',
      title: 'Unauthorized',
      status: 401,
      instance: '/workflows',
      detail: expect.stringContaining('no credentials'),
    });
    const wrong = await t.anonymous().get('/workflows').set('Authorization', 'Bearer bsk_aaaaaaaaaaaa_notthesecret').expect(401);
    expect(wrong.body.detail).toBe('the API key is not valid');
  });

  it('answers a call whose key lacks the scope 403, naming the scope', async () => {
    const { key } = await keyWith('pools:read');
    const response = await t.anonymous().post('/workflows').set('Authorization', `Bearer ${key}`).send(orderWorkflow()).expect(403);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({
      title: 'Forbidden',
      status: 403,
      missingScope: 'workflows:write',
      detail: expect.stringContaining('"workflows:write"'),
    });
    await t.anonymous().get('/pools').set('Authorization', `Bearer ${key}`).expect(200);
  });

  it('creates a key shown once, lists it without the key, and refuses it at once after a revoke', async () => {
    const created = await t
      .http()
      .post('/api-keys')
      .send({ name: 'ci pipeline', scopes: ['workflows:read', 'jobs:write'] })
      .expect(201);
    expect(created.body).toMatchObject({
      id: expect.any(String),
      name: 'ci pipeline',
      scopes: ['workflows:read', 'jobs:write'],
      key: expect.stringMatching(/^bsk_/),
    });
    const { id, key } = created.body as { id: string; key: string };
    await t.anonymous().get('/workflows').set('Authorization', `Bearer ${key}`).expect(200);

    const list = await t.http().get('/api-keys').expect(200);
    const listed = (list.body as { items: Array<Record<string, unknown>> }).items.find((item) => item.id === id);
    expect(listed).toMatchObject({ name: 'ci pipeline', scopes: ['workflows:read', 'jobs:write'], createdAt: expect.any(String) });
    expect(JSON.stringify(list.body)).not.toContain(key.slice(18));
    expect(listed).not.toHaveProperty('key');

    await t.http().delete(`/api-keys/${id}`).expect(204);
    await t.anonymous().get('/workflows').set('Authorization', `Bearer ${key}`).expect(401);
    await t.http().delete(`/api-keys/${id}`).expect(404);
  });

  it('refuses bad key requests, naming the field', async () => {
    const unknownScope = await t
      .http()
      .post('/api-keys')
      .send({ name: 'x', scopes: ['workflows:delete'] })
      .expect(400);
    expect(unknownScope.body.detail).toContain('workflows:delete');
    const noScopes = await t.http().post('/api-keys').send({ name: 'x', scopes: [] }).expect(400);
    expect(noScopes.body.errors[0].pointer).toBe('/scopes');
    const pastExpiry = await t
      .http()
      .post('/api-keys')
      .send({ name: 'x', scopes: ['admin'], expiresAt: '2000-01-01T00:00:00Z' })
      .expect(400);
    expect(pastExpiry.body.errors[0].pointer).toBe('/expiresAt');
    const { key } = await keyWith('workflows:write');
    await t
      .anonymous()
      .post('/api-keys')
      .set('Authorization', `Bearer ${key}`)
      .send({ name: 'x', scopes: ['admin'] })
      .expect(403);
  });

  it('makes the key in AUTH_BOOTSTRAP_KEY_FILE an admin key named bootstrap', async () => {
    const list = await t.http().get('/api-keys').expect(200);
    expect((list.body as { items: Array<{ name: string; scopes: string[] }> }).items).toContainEqual(
      expect.objectContaining({ name: 'bootstrap', scopes: ['admin'] }),
    );
    expect(t.admin.key.startsWith(`bsk_${(list.body as { items: Array<{ id: string; name: string }> }).items.find((k) => k.name === 'bootstrap')?.id}_`)).toBe(
      true,
    );
  });

  it('answers GraphQL without credentials 401 (UNAUTHENTICATED) and without the scope 403 (FORBIDDEN)', async () => {
    const anonymous = await t.anonymous().post('/graphql').send({ query: LIST_TEMPLATES });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers['www-authenticate']).toBe('Bearer');
    expect(anonymous.body.errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(anonymous.body.errors[0].extensions).not.toHaveProperty('http');

    const { key } = await keyWith('templates:read');
    const read = await t.anonymous().post('/graphql').set('Authorization', `Bearer ${key}`).send({ query: LIST_TEMPLATES }).expect(200);
    expect(read.body.errors).toBeUndefined();
    const write = await t
      .anonymous()
      .post('/graphql')
      .set('Authorization', `Bearer ${key}`)
      .send({ query: 'mutation { deleteJobTemplate(id: "order_validation") { id } }' });
    expect(write.status).toBe(403);
    expect(write.body.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', missingScope: 'templates:write' });
  });

  it('records a state change and a denial in the audit trail, never a token', async () => {
    const created = await t.create(orderWorkflow('o-audit'));
    const { key } = await keyWith('workflows:read');
    await t.anonymous().post(`/workflows/${created.id}/cancel`).set('Authorization', `Bearer ${key}`).send({}).expect(403);
    await t.anonymous().post(`/workflows/${created.id}/cancel?access_token=${key}`).send({}).expect(401);
    await t.http().post('/graphql').send({ query: 'mutation { deprecateJobTemplateVersion(id: "inventory_update", version: "1.0.0") { id } }' }).expect(200);

    const audit = await t.http().get('/audit?limit=20').expect(200);
    const entries = (audit.body as { entries: Array<Record<string, unknown>> }).entries;
    const adminId = t.admin.key.split('_')[1];
    expect(entries).toContainEqual(
      expect.objectContaining({
        actor: adminId,
        action: 'POST /workflows',
        target: '/workflows',
        outcome: 'allowed',
        status: 201,
        requestId: expect.any(String),
      }),
    );
    expect(entries).toContainEqual(
      expect.objectContaining({ action: 'POST /workflows/:id/cancel', target: `/workflows/${created.id}/cancel`, outcome: 'denied', status: 403 }),
    );
    expect(entries).toContainEqual(expect.objectContaining({ actor: 'unauthenticated', action: 'POST /workflows/:id/cancel', outcome: 'denied', status: 401 }));
    expect(entries).toContainEqual(
      expect.objectContaining({ actor: adminId, action: 'graphql deprecateJobTemplateVersion', target: 'inventory_update', outcome: 'allowed' }),
    );
    const text = JSON.stringify(audit.body);
    expect(text).not.toContain(key);
    expect(text).not.toContain(t.admin.key);
    expect(text).not.toMatch(/bsk_/);

    const { key: reader } = await keyWith('workflows:read');
    await t.anonymous().get('/audit').set('Authorization', `Bearer ${reader}`).expect(403);
    await t.http().get('/audit?limit=100000').expect(400);
  });

  it('declares the API key and OIDC schemes and each operation’s scopes in the OpenAPI document', async () => {
    const document = (await t.http().get('/docs-json').expect(200)).body as {
      components: { securitySchemes: Record<string, unknown> };
      paths: Record<string, Record<string, { security?: unknown[]; 'x-required-scopes'?: string[] }>>;
    };
    expect(document.components.securitySchemes['apiKey']).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'bsk_…' });
    expect(document.components.securitySchemes['oidc']).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
    expect(document.paths['/workflows']['post']).toMatchObject({ security: [{ apiKey: [] }, { oidc: [] }], 'x-required-scopes': ['workflows:write'] });
    expect(document.paths['/workflows/{id}/jobs/{jobId}']['put']['x-required-scopes']).toEqual(['jobs:write']);
    expect(document.paths['/api-keys']['post']['x-required-scopes']).toEqual(['admin']);
  });
});

describe('rate limits per caller', () => {
  let t: WorkflowTestApp;

  beforeAll(async () => {
    t = await WorkflowTestApp.start('auth-rate', { auth: { rate: { perSecond: 0.2, burst: 3 } } });
  });
  afterAll(() => t.stop());

  it('answers 429 problem+json with Retry-After once the burst is spent, for that caller only', async () => {
    const { key } = await t.app.get(ApiKeyStore).create({ name: 'busy', scopes: ['workflows:read'] });
    const busy = () => t.anonymous().get('/workflows').set('Authorization', `Bearer ${key}`);
    for (let i = 0; i < 3; i++) await busy().expect(200);
    const refused = await busy().expect(429);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(refused.body).toMatchObject({ status: 429, title: 'Too Many Requests' });
    // Another caller has a bucket of its own.
    await t.http().get('/workflows').expect(200);
  });
});

describe('OIDC access tokens through the HTTP API', () => {
  let t: WorkflowTestApp;
  let issuer: TestOidcIssuer;

  beforeAll(async () => {
    issuer = await startTestOidcIssuer();
    t = await WorkflowTestApp.start('auth-oidc', { auth: { oidc: { issuerUrl: issuer.issuerUrl, audience: issuer.audience, scopesClaim: 'scope' } } });
  });
  afterAll(async () => {
    await t?.stop();
    await issuer?.close();
  });

  it('accepts a valid token with the scope, refuses one without it, a wrong audience and an expired one', async () => {
    const bearer = async (claims: Record<string, unknown>) => `Bearer ${await issuer.sign(claims)}`;
    await t
      .anonymous()
      .get('/workflows')
      .set('Authorization', await bearer({ sub: 'alice', scope: 'workflows:read' }))
      .expect(200);
    const forbidden = await t
      .anonymous()
      .get('/workflows')
      .set('Authorization', await bearer({ sub: 'bob', scope: 'pools:read' }))
      .expect(403);
    expect(forbidden.body.missingScope).toBe('workflows:read');
    await t
      .anonymous()
      .get('/workflows')
      .set('Authorization', await bearer({ sub: 'eve', scope: 'admin', aud: 'someone-else' }))
      .expect(401);
    await t
      .anonymous()
      .get('/workflows')
      .set('Authorization', await bearer({ sub: 'eve', scope: 'admin', exp: Math.floor(Date.now() / 1000) - 3600 }))
      .expect(401);
  });
});

describe('OIDC issuer outage', () => {
  let t: WorkflowTestApp;
  let issuer: TestOidcIssuer;

  beforeAll(async () => {
    issuer = await startTestOidcIssuer();
    t = await WorkflowTestApp.start('auth-oidc-down', { auth: { oidc: { issuerUrl: issuer.issuerUrl, audience: issuer.audience, scopesClaim: 'scope' } } });
  });
  afterAll(async () => {
    await t?.stop();
    await issuer?.close();
  });

  it('answers 503 while the issuer cannot be reached (the token may be fine), and accepts it once it is back', async () => {
    const token = await issuer.sign({ sub: 'carol', scope: 'workflows:read' });
    issuer.available = false;
    const down = await t.anonymous().get('/workflows').set('Authorization', `Bearer ${token}`).expect(503);
    expect(down.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(down.body).toMatchObject({ status: 503, title: 'Identity provider unavailable' });
    issuer.available = true;
    await t.anonymous().get('/workflows').set('Authorization', `Bearer ${token}`).expect(200);
  });
});

describe('AUTH_MODE=none', () => {
  let t: WorkflowTestApp;

  beforeAll(async () => {
    t = await WorkflowTestApp.start('auth-none', { auth: { mode: 'none' } });
  });
  afterAll(() => t.stop());

  it('serves every call without credentials and says so in /readyz', async () => {
    await t.anonymous().get('/workflows').expect(200);
    await t.anonymous().get('/audit').expect(200);
    const ready = await t.anonymous().get('/readyz').expect(200);
    expect(ready.body.warnings).toEqual([expect.stringContaining('AUTH_MODE=none')]);
  });
});
