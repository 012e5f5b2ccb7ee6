import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SecretMissingError } from '../errors/executor-errors';
import { REDACTED, Redactor } from './redactor';
import { SecretResolver } from './secret-resolver';

describe('SecretResolver', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'secrets-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads SECRETS_DIR/NAME first (minus a trailing newline), then the environment', () => {
    writeFileSync(path.join(dir, 'API_KEY'), 'from-file\n');
    const resolver = new SecretResolver({ secretsDir: dir, env: { API_KEY: 'from-env', OTHER: 'env-only' }, redactor: new Redactor() });
    expect(resolver.resolve('API_KEY')).toBe('from-file');
    expect(resolver.resolve('OTHER')).toBe('env-only');
  });

  it('names the missing secret and where it looked, never a value', () => {
    const resolver = new SecretResolver({ secretsDir: dir, env: {}, redactor: new Redactor() });
    const error = (() => {
      try {
        return resolver.resolve('API_KEY');
      } catch (e) {
        return e;
      }
    })() as SecretMissingError;
    expect(error).toBeInstanceOf(SecretMissingError);
    expect(error.retryable).toBe(false);
    expect(error.message).toBe(`secret API_KEY is not available (looked in ${path.join(dir, 'API_KEY')} and the environment variable API_KEY)`);
  });

  it("never hands out the executor's own configuration", () => {
    const resolver = new SecretResolver({ env: { JOB_QUEUE_URL: 'redis://:pw@queue:6379', NODE_OPTIONS: '--x' }, redactor: new Redactor() });
    expect(() => resolver.resolve('JOB_QUEUE_URL')).toThrow(/reserved for the executor itself/);
    expect(() => resolver.resolve('NODE_OPTIONS')).toThrow(SecretMissingError);
  });

  it('tells the redactor every value it hands out', () => {
    const redactor = new Redactor();
    new SecretResolver({ env: { API_KEY: 'sk_live_42' }, redactor }).resolve('API_KEY');
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
