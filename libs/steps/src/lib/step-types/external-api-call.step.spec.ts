import { validateStepConfig, requiredSecrets } from '../registry/step-registry';

const base = { api_endpoint: 'https://api.example.com/pay', method: 'POST' };
const check = (config: object) => validateStepConfig('external_api_call', { ...base, ...config });

describe('external_api_call step config', () => {
  it('never allows a ${NAME} placeholder in the URL: the host a secret goes to must be known when stored', () => {
    expect(check({ api_endpoint: '${PAYMENT_API_URL}/payments' })).toEqual([
      { pointer: '/config/api_endpoint', message: expect.stringMatching(/^must be an absolute http\(s\) URL .*placeholders are not allowed in a URL$/) },
    ]);
    for (const endpoint of [
      'https://api.example.com/accounts/${ACCOUNT_ID}/charges',
      'https://${HOST}.example.com/',
      'https://api.example.com/?k=${API_KEY}',
    ]) {
      expect(check({ api_endpoint: endpoint })).toEqual([
        { pointer: '/config/api_endpoint', message: expect.stringMatching(/^must not contain \$\{\.\.\.\}/) },
      ]);
    }
  });

  it('refuses non-http(s) endpoints, embedded credentials and malformed placeholders', () => {
    expect(check({ api_endpoint: 'file:///etc/passwd' })).toEqual([
      { pointer: '/config/api_endpoint', message: expect.stringMatching(/^must be an absolute http\(s\) URL/) },
    ]);
    expect(check({ api_endpoint: 'https://user:pw@api.example.com/' })).toEqual([
      { pointer: '/config/api_endpoint', message: 'must not contain credentials; send them in a header with a ${NAME} placeholder' },
    ]);
    expect(check({ api_endpoint: 'https://api.example.com/${account}' })).toEqual([
      { pointer: '/config/api_endpoint', message: expect.stringMatching(/^must not contain \$\{\.\.\.\}/) },
    ]);
  });

  it('requires credential headers to come from a secret placeholder, without echoing the value', () => {
    const problems = check({ headers: { Authorization: 'Bearer sk_live_123', 'X-Trace': 'abc' } });
    expect(problems).toEqual([
      {
        pointer: '/config/headers/Authorization',
        message: 'must take its credential from a ${NAME} secret placeholder (e.g. "Bearer ${API_KEY}"); secret values are never stored in templates',
      },
    ]);
    expect(JSON.stringify(problems)).not.toContain('sk_live_123');
  });

  it('checks header names and values', () => {
    expect(check({ headers: { 'Bad Header': 'x', 'X-Ok': 'line\nbreak', 'X-Num': 5 } })).toEqual([
      { pointer: '/config/headers/Bad Header', message: 'is not a valid HTTP header name' },
      { pointer: '/config/headers/X-Ok', message: 'must be a single-line string of at most 8192 characters' },
      { pointer: '/config/headers/X-Num', message: 'must be a single-line string of at most 8192 characters' },
    ]);
  });

  it('validates the body mapping and refuses a body on GET', () => {
    expect(check({ body: { amount: { $from: 'input.amount' }, note: 'key ${NOTE_KEY}' } })).toEqual([]);
    expect(check({ method: 'GET', body: { a: { $from: 'nope' } } })).toEqual([
      { pointer: '/config/body', message: 'is not allowed with method GET' },
      { pointer: '/config/body/a/$from', message: expect.stringContaining('must be a path starting with input or job.input') },
    ]);
  });

  it('bounds timeoutMs', () => {
    expect(check({ timeoutMs: 300_000 })).toEqual([]);
    expect(check({ timeoutMs: 300_001 })).toEqual([{ pointer: '/config/timeoutMs', message: 'must be <= 300000' }]);
    expect(check({ timeoutMs: '5s' })).toEqual([{ pointer: '/config/timeoutMs', message: 'must be an integer' }]);
  });

  it('requires the secrets named in header values and body strings', () => {
    const config = {
      api_endpoint: 'https://payments.example.com/payments',
      method: 'POST',
      headers: { Authorization: 'Bearer ${API_KEY}', 'X-Tenant': '${TENANT}-${API_KEY}' },
      body: { nested: ['${SIGNING_KEY}', { $from: 'input.x', default: '${FALLBACK}' }] },
    };
    expect(validateStepConfig('external_api_call', config)).toEqual([]);
    expect(requiredSecrets('external_api_call', config)).toEqual(['API_KEY', 'FALLBACK', 'SIGNING_KEY', 'TENANT']);
  });
});
