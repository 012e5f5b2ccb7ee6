import { generateApiKey } from '../api-keys/api-key-format';
import { redactCredentials } from './credential-redaction';

const segment = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = `${segment({ alg: 'RS256', kid: 'k1' })}.${segment({ sub: 'alice', scope: 'admin' })}.c2lnbmF0dXJlLWJ5dGVz`;

describe('redactCredentials', () => {
  it('replaces an API key wherever it appears', () => {
    const key = generateApiKey();
    expect(redactCredentials(`Bearer ${key}`)).toBe('Bearer [redacted]');
    expect(redactCredentials(`/hooks?key=${key}&x=1`)).toBe('/hooks?key=[redacted]&x=1');
  });

  it('replaces a JWT, signed, unsigned or behind a dotted prefix', () => {
    expect(redactCredentials(`Bearer ${jwt}`)).toBe('Bearer [redacted]');
    expect(redactCredentials(`/callback?access_token=${jwt}#x`)).toBe('/callback?access_token=[redacted]#x');
    expect(redactCredentials(`${segment({ alg: 'none' })}.${segment({ sub: 'x' })}.`)).toBe('[redacted]');
    expect(redactCredentials(`v1.${jwt}`)).toBe('v1.[redacted]');
    // JWE compact form: five segments.
    expect(redactCredentials(`${segment({ alg: 'RSA-OAEP', enc: 'A256GCM' })}.a.b.c.d`)).toBe('[redacted]');
  });

  it('leaves dotted text that is not a token alone', () => {
    for (const text of ['api.example.com', 'v1.2.3', 'workflows.templates.read', 'wf-123/step.a.b', 'bs-key abc123']) {
      expect(redactCredentials(text)).toBe(text);
    }
  });
});
