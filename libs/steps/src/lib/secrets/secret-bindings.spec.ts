import { secretDestinationProblems } from '../registry/step-registry';
import { hostMatchesPattern, parseSecretBindings, SecretBindings } from './secret-bindings';

describe('secret bindings', () => {
  it('matches exact hosts, case-insensitively and ignoring a trailing dot', () => {
    expect(hostMatchesPattern('payments.example.com', 'payments.example.com')).toBe(true);
    expect(hostMatchesPattern('payments.example.com', 'PAYMENTS.Example.com.')).toBe(true);
    expect(hostMatchesPattern('payments.example.com', 'evil-payments.example.com')).toBe(false);
    expect(hostMatchesPattern('payments.example.com', 'payments.example.com.evil.net')).toBe(false);
    expect(hostMatchesPattern('127.0.0.1', '127.0.0.1')).toBe(true);
    expect(hostMatchesPattern('127.0.0.1', '127.0.0.2')).toBe(false);
  });

  it('matches *.<domain> against every subdomain, never the domain itself or a look-alike', () => {
    const pattern = '*.svc.cluster.local';
    expect(hostMatchesPattern(pattern, 'payments.default.svc.cluster.local')).toBe(true);
    expect(hostMatchesPattern(pattern, 'x.svc.cluster.local')).toBe(true);
    expect(hostMatchesPattern(pattern, 'svc.cluster.local')).toBe(false);
    expect(hostMatchesPattern(pattern, 'evilsvc.cluster.local')).toBe(false);
    expect(hostMatchesPattern(pattern, 'svc.cluster.local.evil.net')).toBe(false);
  });

  it('parses and normalizes bindings, reporting every problem at its pointer', () => {
    const { bindings, problems } = parseSecretBindings(
      [
        { name: 'PAYMENT_API_KEY', allowedHosts: ['Payments.Example.com.', '*.svc.cluster.local', '[::1]', '127.0.0.1'] },
        { name: 'api_key', allowedHosts: ['https://x.example.com/'] },
        { name: 'PAYMENT_API_KEY', allowedHosts: [] },
        { name: 'WIDE', allowedHosts: ['*.com', '*', 'a..b'], extra: 1 },
        'nope',
      ],
      '/pools/0/secrets',
    );
    expect(bindings[0]).toEqual({ name: 'PAYMENT_API_KEY', allowedHosts: ['payments.example.com', '*.svc.cluster.local', '[::1]', '127.0.0.1'] });
    expect(problems.map((p) => p.pointer)).toEqual([
      '/pools/0/secrets/1/name',
      '/pools/0/secrets/1/allowedHosts/0',
      '/pools/0/secrets/2/name',
      '/pools/0/secrets/2/allowedHosts',
      '/pools/0/secrets/3/extra',
      '/pools/0/secrets/3/allowedHosts/0',
      '/pools/0/secrets/3/allowedHosts/1',
      '/pools/0/secrets/3/allowedHosts/2',
      '/pools/0/secrets/4',
    ]);
    expect(problems[0].message).toBe('must be a secret name matching ^[A-Z_][A-Z0-9_]*$ (got "api_key")');
    expect(problems[2].message).toBe('repeats secret PAYMENT_API_KEY (also at /pools/0/secrets/0)');
    expect(parseSecretBindings({ name: 'X' }, '/secrets').problems).toEqual([
      { pointer: '/secrets', message: 'must be a list of at most 100 { name, allowedHosts } entries' },
    ]);
  });

  it('refuses a step sending a secret outside its binding, at the pointer of the URL or of the string using it', () => {
    const bindings = new SecretBindings([{ name: 'PAYMENT_API_KEY', allowedHosts: ['payments.example.com'] }]);
    const config = (url: string, extra: object = {}) => ({
      api_endpoint: url,
      method: 'POST',
      headers: { Authorization: 'Bearer ${PAYMENT_API_KEY}' },
      ...extra,
    });
    expect(secretDestinationProblems('external_api_call', config('https://payments.example.com/pay'), '/steps/1', bindings, 'default')).toEqual([]);
    expect(secretDestinationProblems('external_api_call', config('https://attacker.example.net/collect'), '/steps/1', bindings, 'default')).toEqual([
      {
        pointer: '/steps/1/config/api_endpoint',
        message: 'would send secret PAYMENT_API_KEY to attacker.example.net, which pool "default" does not allow for it (allowed: payments.example.com)',
      },
    ]);
    expect(
      secretDestinationProblems(
        'external_api_call',
        config('https://payments.example.com/pay', { body: { k: '${OTHER_KEY}' } }),
        '/steps/0',
        bindings,
        'small',
      ),
    ).toEqual([
      {
        pointer: '/steps/0/config/body/k',
        message: 'uses secret OTHER_KEY, which pool "small" does not bind to any host (declare it under the pool\'s secrets with its allowedHosts)',
      },
    ]);
    expect(
      secretDestinationProblems('external_api_call', { api_endpoint: 'https://anywhere.example.net/', method: 'GET' }, '/steps/0', SecretBindings.NONE, 'p'),
    ).toEqual([]);
  });
});
