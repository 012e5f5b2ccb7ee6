import request from 'supertest';
import { ApiKeyStore } from '@base-shift/auth';
import { CREATE, TEMPLATE_FIELDS, TemplatesTestApp } from './templates-test-app';

/** Seed 1.2's MongoDB document example, character for character as the plan writes it. */
const SEED_DOCUMENT = `{"templateId": "payment_gateway_template", "version": "1.2.0", "steps": [{"name": "validate_payment_details", "type": "validation", "config": {"rules": ["check_card_number", "check_expiry_date", "check_cvv"]}}, {"name": "process_payment", "type": "external_api_call", "config": {"api_endpoint": "https://payment.gateway.com/process", "method": "POST", "headers": {"Content-Type": "application/json", "Authorization": "Bearer \${API_KEY}"}}}], "inputSchema": {"type": "object", "properties": {"amount": {"type": "number"}, "currency": {"type": "string"}, "cardDetails": {"type": "object"}}, "required": ["amount", "currency", "cardDetails"]}, "outputSchema": {"type": "object", "properties": {"transactionId": {"type": "string"}, "status": {"type": "string"}}, "required": ["transactionId", "status"]}}`;

const seed = (): Record<string, unknown> => JSON.parse(SEED_DOCUMENT) as Record<string, unknown>;
const renamed = (templateId: string) => ({ ...seed(), templateId });

/** The seed's GraphQL queries, as seed 1.2 writes its schema (jobTemplate(id, version), jobTemplates(filter)). */
const SEED_QUERIES = `query Seed($id: ID!, $version: String, $filter: JobTemplateFilter) {
  jobTemplate(id: $id, version: $version) { id name version steps { name type config } inputSchema outputSchema }
  jobTemplates(filter: $filter) { id name version steps { name type config } inputSchema outputSchema }
}`;

interface SeedTemplate {
  id: string;
  name: string;
  version: string;
  steps: unknown[];
  inputSchema: object;
  outputSchema: object;
}

describe("the seed's template document, accepted as written (real FerretDB)", () => {
  let t: TemplatesTestApp;

  beforeAll(async () => {
    t = await TemplatesTestApp.start('seed_documents');
  });

  afterAll(() => t.stop());

  it('is created verbatim by createJobTemplate: templateId and id are the same, name defaults to the templateId', async () => {
    const created = await t.ok<{ createJobTemplate: Record<string, unknown> }>(CREATE, { input: seed() });
    expect(created.createJobTemplate).toMatchObject({
      templateId: 'payment_gateway_template',
      id: 'payment_gateway_template',
      name: 'payment_gateway_template',
      version: '1.2.0',
      requiredSecrets: ['API_KEY'],
    });
    const { templateId: _templateId, ...content } = seed();
    expect(created.createJobTemplate).toMatchObject(content);
  });

  it("answers the seed's own queries as the seed's schema writes them", async () => {
    const answer = await t.ok<{ jobTemplate: SeedTemplate; jobTemplates: SeedTemplate[] }>(SEED_QUERIES, {
      id: 'payment_gateway_template',
      version: '1.2.0',
      filter: { name: 'payment', version: '^1', type: 'external_api_call' },
    });
    const { templateId, ...content } = seed();
    const expected = { id: templateId, name: templateId, ...content };
    expect(answer.jobTemplate).toEqual(expected);
    expect(answer.jobTemplates).toEqual([expected]);
    // Without arguments too, as `jobTemplates(filter: JobTemplateFilter)` allows.
    expect((await t.ok<{ jobTemplates: { id: string }[] }>('{ jobTemplates { id } }')).jobTemplates).toContainEqual({ id: templateId });
  });

  it('is created verbatim by POST /templates, answered with templateId (201, Location)', async () => {
    const response = await t.http().post('/templates').send(renamed('rest_gateway')).expect(201);
    expect(response.headers['location']).toBe('/templates/rest_gateway');
    expect(response.body).toMatchObject({
      ...renamed('rest_gateway'),
      name: 'rest_gateway',
      description: null,
      requiredSecrets: ['API_KEY'],
      deprecated: false,
      versions: [{ version: '1.2.0', deprecated: false, createdAt: expect.any(String) }],
    });
    expect(response.body).not.toHaveProperty('id');
    // The same template through GraphQL and REST GET.
    const viaGraphql = await t.ok<{ jobTemplate: Record<string, unknown> }>(`query { jobTemplate(id: "rest_gateway") { ${TEMPLATE_FIELDS} } }`);
    expect(viaGraphql.jobTemplate).toMatchObject({ templateId: 'rest_gateway', id: 'rest_gateway', version: '1.2.0' });
    expect((await t.http().get('/templates/rest_gateway').expect(200)).body).toEqual(response.body);
  });

  it('answers problem+json on REST: every problem with its pointer, a taken templateId, a body that is not JSON', async () => {
    const invalid = await t
      .http()
      .post('/templates')
      .send({ ...renamed('bad id'), id: 'x', steps: [] })
      .expect(400);
    expect(invalid.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(invalid.body).toMatchObject({ status: 400, code: 'TEMPLATE.INVALID', title: 'Invalid request' });
    expect(invalid.body.errors.map((problem: { pointer: string }) => problem.pointer)).toEqual(['/id', '/templateId', '/steps']);

    const taken = await t.http().post('/templates').send(renamed('rest_gateway')).expect(409);
    expect(taken.body).toMatchObject({ code: 'TEMPLATE.ALREADY_EXISTS', detail: expect.stringContaining('rest_gateway') });

    await t.http().post('/templates').type('form').send('templateId=x').expect(415);
  });

  it('needs templates:write on REST, as createJobTemplate does', async () => {
    const { key } = await t.app.get(ApiKeyStore).create({ name: 'reader', scopes: ['templates:read'] });
    const anonymous = await request(t.app.getHttpServer()).post('/templates').send(renamed('anonymous'));
    expect(anonymous.status).toBe(401);
    const reader = await request(t.app.getHttpServer()).post('/templates').set('Authorization', `Bearer ${key}`).send(renamed('reader'));
    expect(reader.status).toBe(403);
    expect(reader.body).toMatchObject({ missingScope: 'templates:write' });
  });

  it('still takes id, the first schema name, as an alias of templateId; both must agree', async () => {
    const { templateId: _templateId, ...content } = seed();
    const aliased = await t.ok<{ createJobTemplate: { templateId: string; id: string } }>(CREATE, { input: { ...content, id: 'by_id' } });
    expect(aliased.createJobTemplate).toMatchObject({ templateId: 'by_id', id: 'by_id' });
    await t.ok(CREATE, { input: { ...content, id: 'both_same', templateId: 'both_same' } });

    const differing = await t.graphql(CREATE, { input: { ...content, id: 'one', templateId: 'other' } });
    expect(differing.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [{ pointer: '/id', message: 'must equal templateId (id is its alias): give one of them' }],
    });
    const neither = await t.graphql(CREATE, { input: content });
    expect(neither.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ pointer: '/templateId', message: 'is required' }] });
  });
});
