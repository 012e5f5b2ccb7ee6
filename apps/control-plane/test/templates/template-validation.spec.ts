import { PAYMENT_GATEWAY_TEMPLATE, SAMPLE_TEMPLATES } from '../../src/app/templates/samples';
import { CREATE, GET, PUBLISH, TemplatesTestApp } from './templates-test-app';

type Draft = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Problem = { pointer: string; message: string };

/** The seed template under another id, changed by `edit`. */
function seedWith(templateId: string, edit: (draft: Draft) => void): Draft {
  const draft = structuredClone(PAYMENT_GATEWAY_TEMPLATE) as Draft;
  draft['templateId'] = templateId;
  edit(draft);
  return draft;
}

describe('job template validation over GraphQL (real FerretDB)', () => {
  let t: TemplatesTestApp;

  beforeAll(async () => {
    t = await TemplatesTestApp.start('template_validation');
  });

  afterAll(() => t.stop());

  async function expectRefused(draft: Draft, expected: Problem[]): Promise<Problem[]> {
    const response = await t.graphql(CREATE, { input: draft });
    expect(response.data).toBeNull();
    expect(response.errors).toHaveLength(1);
    const extensions = response.errors?.[0].extensions ?? {};
    expect(extensions).toMatchObject({ code: 'BAD_USER_INPUT', domainCode: 'TEMPLATE.INVALID' });
    for (const problem of expected) expect(extensions['problems']).toContainEqual(problem);
    // Nothing is written on failure.
    expect((await t.ok<{ jobTemplate: unknown }>(GET, { id: draft['templateId'] })).jobTemplate).toBeNull();
    return extensions['problems'] as Problem[];
  }

  it.each<[string, (draft: Draft) => void, Problem]>([
    [
      'the input schema must be a valid JSON Schema',
      (d) => (d['inputSchema'].properties.amount.type = 'money'),
      {
        pointer: '/inputSchema/properties/amount/type',
        message: 'must be a JSON Schema type (string, number, integer, boolean, object, array, null) or a list of them',
      },
    ],
    [
      'the output schema must compile',
      (d) => (d['outputSchema'].properties.status = { $ref: '#/$defs/status' }),
      { pointer: '/outputSchema', message: "is not a usable JSON Schema 2020-12: can't resolve reference #/$defs/status from id #" },
    ],
    [
      'schema patterns run on the linear-time engine: no lookaround or backreferences',
      (d) => (d['inputSchema'].properties.amount = { type: 'string', pattern: '^(?!0)\\d+$' }),
      {
        pointer: '/inputSchema/properties/amount/pattern',
        message:
          'is not a supported regular expression (RE2 syntax: no backreferences or lookaround): error parsing regexp: invalid or unsupported Perl syntax: `(?!`',
      },
    ],
    [
      'regex validation rules run on the linear-time engine',
      (d) => d['steps'][0].config.rules.push({ rule: 'regex', field: 'a', pattern: '(a)\\1' }),
      {
        pointer: '/steps/0/config/rules/3/pattern',
        message: 'is not a supported regular expression (RE2 syntax: no backreferences or lookaround): error parsing regexp: invalid escape sequence: `\\1`',
      },
    ],
    ['at least one step', (d) => (d['steps'] = []), { pointer: '/steps', message: 'must contain at least 1 item' }],
    [
      'step names are not empty',
      (d) => (d['steps'][0].name = ''),
      { pointer: '/steps/0/name', message: 'must be a non-empty name of at most 100 letters, digits, _ . - (not starting with . or -)' },
    ],
    [
      'step names are unique',
      (d) => (d['steps'][1].name = 'validate_payment_details'),
      { pointer: '/steps/1/name', message: 'must be unique: /steps/0 is also named "validate_payment_details"' },
    ],
    [
      'the step type is registered',
      (d) => (d['steps'][0].type = 'fraud_check'),
      { pointer: '/steps/0/type', message: 'must be one of validation, external_api_call, transform, delay' },
    ],
    [
      'validation rules are known',
      (d) => d['steps'][0].config.rules.push('check_pin'),
      { pointer: '/steps/0/config/rules/3', message: 'must be one of check_card_number, check_expiry_date, check_cvv' },
    ],
    [
      'the HTTP method is one of the allowed',
      (d) => (d['steps'][1].config.method = 'SEND'),
      { pointer: '/steps/1/config/method', message: 'must be one of GET, POST, PUT, PATCH, DELETE' },
    ],
    [
      'api_endpoint is an http(s) URL',
      (d) => (d['steps'][1].config.api_endpoint = 'payment.gateway.com/process'),
      {
        pointer: '/steps/1/config/api_endpoint',
        message: 'must be an absolute http(s) URL (e.g. https://api.example.com/pay); ${NAME} secret placeholders are not allowed in a URL',
      },
    ],
    [
      'headers are a map of strings',
      (d) => (d['steps'][1].config.headers['X-Retries'] = 3),
      { pointer: '/steps/1/config/headers/X-Retries', message: 'must be a single-line string of at most 8192 characters' },
    ],
    ['timeoutMs is bounded', (d) => (d['steps'][1].config.timeoutMs = 10), { pointer: '/steps/1/config/timeoutMs', message: 'must be >= 100' }],
    [
      '${NAME} placeholders name a secret',
      (d) => (d['steps'][1].config.headers.Authorization = 'Bearer ${api_key}'),
      { pointer: '/steps/1/config/headers/Authorization', message: '${api_key} is not a valid secret placeholder: the name must match ^[A-Z_][A-Z0-9_]*$' },
    ],
    [
      'config has no unknown settings',
      (d) => (d['steps'][1].config.retries = 3),
      { pointer: '/steps/1/config/retries', message: 'is not allowed (allowed: api_endpoint, method, headers, body, timeoutMs)' },
    ],
    ['the version is semver', (d) => (d['version'] = '1.2'), { pointer: '/version', message: 'must be a semantic version such as 1.2.0 or 2.0.0-rc.1' }],
  ])('%s', async (_rule, edit, problem) => {
    await expectRefused(seedWith('seed-variant', edit), [problem]);
  });

  it('never stores a secret value: a literal credential header is refused without being echoed', async () => {
    const response = await t.graphql(CREATE, {
      input: seedWith('literal-secret', (d) => (d['steps'][1].config.headers.Authorization = 'Bearer sk_live_51H7')),
    });
    expect(response.errors?.[0].extensions?.['problems']).toEqual([
      {
        pointer: '/steps/1/config/headers/Authorization',
        message: 'must take its credential from a ${NAME} secret placeholder (e.g. "Bearer ${API_KEY}"); secret values are never stored in templates',
      },
    ]);
    expect(JSON.stringify(response)).not.toContain('sk_live_51H7');
  });

  it('reports every problem of a template at once', async () => {
    const problems = await expectRefused(
      seedWith('many-problems', (d) => {
        d['steps'][0].type = 'fraud_check';
        d['steps'][1].config.method = 'SEND';
        d['steps'][1].name = 'fraud_check_step';
        d['inputSchema'] = { type: 'object', required: 'amount' };
        d['priority'] = 5000;
      }),
      [],
    );
    expect(problems.map((p) => p.pointer).sort()).toEqual(['/inputSchema/required', '/priority', '/steps/0/type', '/steps/1/config/method']);
  });

  it('a JSONObject argument must be an object', async () => {
    const response = await t.graphql(CREATE, { input: { ...PAYMENT_GATEWAY_TEMPLATE, templateId: 'arrays', inputSchema: [] } });
    expect(response.status).toBe(400);
    expect(response.errors?.[0].message).toContain('must be a JSON object, got an array');
    expect(response.errors?.[0].extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it('validates a published version too, and writes nothing when it is refused', async () => {
    await t.ok(CREATE, { input: seedWith('publish-check', () => undefined) });
    const steps = structuredClone(PAYMENT_GATEWAY_TEMPLATE.steps) as Draft[];
    steps[1].config.method = 'SEND';
    const refused = await t.graphql(PUBLISH, { id: 'publish-check', bump: 'PATCH', changes: { steps } });
    expect(refused.errors?.[0].extensions?.['problems']).toEqual([
      { pointer: '/steps/1/config/method', message: 'must be one of GET, POST, PUT, PATCH, DELETE' },
    ]);

    const both = await t.graphql(PUBLISH, { id: 'publish-check', bump: 'PATCH', version: '9.0.0' });
    expect(both.errors?.[0].extensions?.['problems']).toEqual([{ pointer: '/bump', message: 'give exactly one of bump (major, minor, patch) or version' }]);

    const current = await t.ok<{ jobTemplate: { versions: { version: string }[] } }>(GET, { id: 'publish-check' });
    expect(current.jobTemplate.versions.map((v) => v.version)).toEqual(['1.2.0']);
  });

  it('accepts the sample templates of the demo, recording the secrets they need', async () => {
    for (const sample of SAMPLE_TEMPLATES.slice(1)) {
      const created = await t.graphql<{ createJobTemplate: { id: string; requiredSecrets: string[] } }>(CREATE, { input: sample });
      expect(created.errors).toBeUndefined();
    }
    const payment = await t.ok<{ jobTemplate: { requiredSecrets: string[]; steps: { type: string }[] } }>(GET, { id: 'payment_processing' });
    expect(payment.jobTemplate.requiredSecrets).toEqual(['PAYMENT_API_KEY']);
    expect(payment.jobTemplate.steps.map((s) => s.type)).toEqual(['validation', 'external_api_call', 'transform']);
  });
});
