import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SecretBindings } from '@base-shift/steps';
import { SecretDestinationRefusedError, SecretMissingError } from '../errors/executor-errors';
import { REDACTED, Redactor } from './redactor';
import { SecretResolver } from './secret-resolver';

describe('SecretResolver', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'secrets-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const bound = (...names: string[]) => new SecretBindings(names.map((name) => ({ name, allowedHosts: ['api.example.com'] })));

  it('reads SECRETS_DIR/NAME (minus a trailing newline) for a name the pool binds', () => {
    writeFileSync(path.join(dir, 'API_KEY'), 'from-file\n');
    const resolver = new SecretResolver({ secretsDir: dir, bindings: bound('API_KEY'), redactor: new Redactor() });
    expect(resolver.resolve('API_KEY')).toBe('from-file');
  });

  it('never falls back to the environment, and never hands out a name the pool does not bind', () => {
    writeFileSync(path.join(dir, 'UNBOUND'), 'file-value');
    process.env['ENV_ONLY'] = 'env-value';
    try {
      const resolver = new SecretResolver({ secretsDir: dir, bindings: bound('ENV_ONLY'), redactor: new Redactor() });
      expect(() => resolver.resolve('ENV_ONLY')).toThrow(`secret ENV_ONLY is not available (looked in ${path.join(dir, 'ENV_ONLY')})`);
      expect(() => resolver.resolve('UNBOUND')).toThrow("secret UNBOUND is not available (looked in this pool's SECRET_BINDINGS, which does not declare it)");
      expect(() => resolver.resolve('JOB_QUEUE_URL')).toThrow(SecretMissingError);
    } finally {
      delete process.env['ENV_ONLY'];
    }
  });

  it('names the missing secret and where it looked, never a value', () => {
    const resolver = new SecretResolver({ secretsDir: dir, bindings: bound('API_KEY'), redactor: new Redactor() });
    const error = (() => {
      try {
        return resolver.resolve('API_KEY');
      } catch (e) {
        return e;
      }
    })() as SecretMissingError;
    expect(error).toBeInstanceOf(SecretMissingError);
    expect(error.retryable).toBe(false);
    expect(error.message).toBe(`secret API_KEY is not available (looked in ${path.join(dir, 'API_KEY')})`);
  });

  it('checks destinations against the bindings', () => {
    const resolver = new SecretResolver({ bindings: bound('API_KEY'), redactor: new Redactor() });
    expect(() => resolver.checkDestination(['API_KEY'], 'api.example.com')).not.toThrow();
    expect(() => resolver.checkDestination(['API_KEY'], 'evil.example.net')).toThrow(SecretDestinationRefusedError);
    expect(() => resolver.checkDestination(['OTHER'], 'api.example.com')).toThrow(SecretMissingError);
    expect(() => resolver.checkDestination([], 'evil.example.net')).not.toThrow();
  });

  it('tells the redactor every value it hands out', () => {
    writeFileSync(path.join(dir, 'API_KEY'), 'sk_live_42');
    const redactor = new Redactor();
    new SecretResolver({ secretsDir: dir, bindings: bound('API_KEY'), redactor }).resolve('API_KEY');
    expect(redactor.text('Bearer sk_live_42 failed')).toBe(`Bearer ${REDACTED} failed`);
  });
});

describe('Redactor', () => {
  it('blanks secrets in text and inside JSON values, keys included', () => {
    const redactor = new Redactor();
    redactor.remember('s3cr"et');
    redactor.remember('token-1');
    expect(redactor.json({ echo: 'Bearer token-1', nested: [{ 'token-1': 's3cr"et!' }], n: 5 })).toEqual({
      echo: `Bearer ${REDACTED}`,
      nested: [{ [REDACTED]: `${REDACTED}!` }],
      n: 5,
    });
  });

  it('returns the very value when nothing matches', () => {
    const redactor = new Redactor();
    redactor.remember('abc123');
    const value = { a: 'clean' };
    expect(redactor.json(value)).toBe(value);
  });
});

describe('Redactor: encoded forms a server may echo back', () => {
  const secret = 'sk_live_51H+q/Zx?k=1&ü';
  const redactor = new Redactor();
  redactor.remember(secret);
  const utf8 = Buffer.from(secret, 'utf8');

  it.each([
    ['base64', utf8.toString('base64')],
    ['base64 without padding', utf8.toString('base64').replace(/=+$/, '')],
    ['base64url', utf8.toString('base64url')],
    ['base64url with padding', `${utf8.toString('base64url')}${'='.repeat((4 - (utf8.toString('base64url').length % 4)) % 4)}`],
    ['encodeURIComponent', encodeURIComponent(secret)],
    ['encodeURIComponent, lower-case escapes', encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase())],
    ['upper case', secret.toUpperCase()],
    ['lower case', secret.toLowerCase()],
  ])('blanks the secret as %s', (_, form) => {
    expect(redactor.text(`echo: ${form}!`)).toBe(`echo: ${REDACTED}!`);
    expect(redactor.json({ error: { detail: `got ${form}` } })).toEqual({ error: { detail: `got ${REDACTED}` } });
  });

  it('leaves unrelated text alone', () => {
    expect(redactor.text('nothing secret here: c2tf')).toBe('nothing secret here: c2tf');
  });
});
