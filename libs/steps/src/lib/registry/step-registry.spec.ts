import { requiredSecrets, STEP_TYPE_NAMES, STEP_TYPES, validateStepConfig } from './step-registry';

const seedApiCall = {
  api_endpoint: 'https://payment.gateway.com/process',
  method: 'POST',
  headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ${API_KEY}' },
};

describe('step registry', () => {
  it('registers the four step types as data, each with a description and a config schema', () => {
    expect(STEP_TYPE_NAMES).toEqual(['validation', 'external_api_call', 'transform', 'delay']);
    for (const name of STEP_TYPE_NAMES) {
      expect(STEP_TYPES[name].type).toBe(name);
      expect(STEP_TYPES[name].description.length).toBeGreaterThan(10);
      expect(STEP_TYPES[name].configSchema).toMatchObject({ type: 'object' });
    }
  });

  it("accepts the seed's two steps", () => {
    expect(validateStepConfig('validation', { rules: ['check_card_number', 'check_expiry_date', 'check_cvv'] })).toEqual([]);
    expect(validateStepConfig('external_api_call', seedApiCall)).toEqual([]);
  });

  it('refuses an unknown type, naming the registered ones', () => {
    expect(validateStepConfig('sleep', {}, '/steps/3')).toEqual([
      { pointer: '/steps/3/type', message: 'must be one of validation, external_api_call, transform, delay' },
    ]);
  });

  it('reports every config problem at its pointer below the step', () => {
    const problems = validateStepConfig('external_api_call', { api_endpoint: 'ftp://x', method: 'FETCH', timeoutMs: 5, retries: 2 }, '/steps/1');
    expect(problems).toEqual(
      expect.arrayContaining([
        { pointer: '/steps/1/config/method', message: 'must be one of GET, POST, PUT, PATCH, DELETE' },
        { pointer: '/steps/1/config/api_endpoint', message: expect.stringMatching(/^must be an absolute http\(s\) URL/) },
        { pointer: '/steps/1/config/timeoutMs', message: 'must be >= 100' },
        { pointer: '/steps/1/config/retries', message: 'is not allowed (allowed: api_endpoint, method, headers, body, timeoutMs)' },
      ]),
    );
    expect(problems).toHaveLength(4);
  });

  it('refuses a config that is not an object', () => {
    expect(validateStepConfig('delay', [1], '/steps/0')).toEqual([{ pointer: '/steps/0/config', message: 'must be an object' }]);
  });

  it('collects required secrets, sorted and unique', () => {
    expect(requiredSecrets('external_api_call', seedApiCall)).toEqual(['API_KEY']);
    expect(requiredSecrets('delay', { ms: 5 })).toEqual([]);
  });
});

describe('delay step', () => {
  it('bounds ms to whole milliseconds between 0 and 600000', () => {
    expect(validateStepConfig('delay', { ms: 0 })).toEqual([]);
    expect(validateStepConfig('delay', { ms: 1.5 })).toEqual([{ pointer: '/config/ms', message: 'must be an integer' }]);
    expect(validateStepConfig('delay', { ms: 600_001 })).toEqual([{ pointer: '/config/ms', message: 'must be <= 600000' }]);
    expect(validateStepConfig('delay', {})).toEqual([{ pointer: '/config/ms', message: 'is required' }]);
  });
});

describe('transform step', () => {
  it('accepts a mapping and reports malformed references where they are', () => {
    expect(validateStepConfig('transform', { output: { total: { $from: 'input.amount' }, fixed: [1, 'a'] } })).toEqual([]);
    expect(validateStepConfig('transform', { output: { a: [{ $from: 'amount' }], b: { $from: 'input.x', fallback: 1 } } })).toEqual([
      { pointer: '/config/output/a/0/$from', message: 'must be a path starting with input or job.input, e.g. "input.amount" or "job.input.items.0.sku"' },
      { pointer: '/config/output/b/fallback', message: 'is not allowed next to $from (only "default" is)' },
    ]);
    expect(validateStepConfig('transform', {})).toEqual([{ pointer: '/config/output', message: 'is required' }]);
  });
});
