import { ConfigError, EnvReader } from '@base-shift/config';
import { loadAuthConfig } from './auth-config';

const load = (env: Record<string, string>) => {
  const reader = new EnvReader(env);
  const config = loadAuthConfig(reader);
  reader.done();
  return config;
};

describe('access-control configuration', () => {
  it('defaults to API keys, no OIDC, 50 requests per second with bursts of 100', () => {
    expect(load({})).toEqual({ mode: 'api-keys', bootstrapKeyFile: undefined, oidc: undefined, rate: { perSecond: 50, burst: 100 } });
  });

  it('reads OIDC with its audience and scopes claim, and fractional rates', () => {
    const config = load({
      OIDC_ISSUER_URL: 'https://login.example/tenant',
      OIDC_AUDIENCE: 'base-shift',
      OIDC_SCOPES_CLAIM: 'scp',
      AUTH_RATE_PER_SECOND: '0.5',
    });
    expect(config.oidc).toEqual({ issuerUrl: 'https://login.example/tenant', audience: 'base-shift', scopesClaim: 'scp' });
    expect(config.rate.perSecond).toBe(0.5);
  });

  it('names every bad variable', () => {
    let error: unknown;
    try {
      load({ AUTH_MODE: 'off', OIDC_ISSUER_URL: 'ftp://x', AUTH_BOOTSTRAP_KEY_FILE: '/no/such/file', AUTH_RATE_PER_SECOND: '0', AUTH_RATE_BURST: '0' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const name of ['AUTH_MODE', 'OIDC_ISSUER_URL', 'OIDC_AUDIENCE', 'AUTH_BOOTSTRAP_KEY_FILE', 'AUTH_RATE_PER_SECOND', 'AUTH_RATE_BURST'])
      expect(message).toContain(`${name}:`);
  });

  it('refuses an audience without an issuer', () => {
    expect(() => load({ OIDC_AUDIENCE: 'base-shift' })).toThrow('OIDC_AUDIENCE: is set but OIDC_ISSUER_URL is not');
  });

  it("reads the console's public client, asking for `openid` unless told otherwise", () => {
    const oidc = { OIDC_ISSUER_URL: 'https://login.example/tenant', OIDC_AUDIENCE: 'base-shift' };
    expect(load(oidc).consoleOidc).toBeUndefined();
    expect(load({ ...oidc, OIDC_CONSOLE_CLIENT_ID: 'console' }).consoleOidc).toEqual({
      issuerUrl: 'https://login.example/tenant',
      clientId: 'console',
      scopes: 'openid',
    });
    expect(load({ ...oidc, OIDC_CONSOLE_CLIENT_ID: 'console', OIDC_CONSOLE_SCOPES: ' openid   workflows:read ' }).consoleOidc?.scopes).toBe(
      'openid workflows:read',
    );
  });

  it('refuses console sign-in settings without what they need, naming the variable', () => {
    expect(() => load({ OIDC_CONSOLE_CLIENT_ID: 'console' })).toThrow('OIDC_CONSOLE_CLIENT_ID: is set but OIDC_ISSUER_URL is not');
    expect(() => load({ OIDC_ISSUER_URL: 'https://login.example', OIDC_AUDIENCE: 'a', OIDC_CONSOLE_SCOPES: 'openid' })).toThrow(
      'OIDC_CONSOLE_SCOPES: is set but OIDC_CONSOLE_CLIENT_ID is not',
    );
    expect(() =>
      load({ OIDC_ISSUER_URL: 'https://login.example', OIDC_AUDIENCE: 'a', OIDC_CONSOLE_CLIENT_ID: 'c', OIDC_CONSOLE_SCOPES: 'openid "x"' }),
    ).toThrow('OIDC_CONSOLE_SCOPES: must be space-separated scope names');
  });
});
