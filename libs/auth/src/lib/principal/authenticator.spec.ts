import { isolatedRedis, type IsolatedRedis } from '@base-shift/testing';
import { startTestOidcIssuer, type TestOidcIssuer } from '../../test/oidc-issuer';
import { ApiKeyStore } from '../api-keys/api-key-store';
import { OidcVerifier } from '../oidc/oidc-verifier';
import { Authenticator } from './authenticator';

describe('Authenticator (real Redis, issuer on loopback)', () => {
  let r: IsolatedRedis;
  let issuer: TestOidcIssuer;
  let apiKeys: ApiKeyStore;
  let authenticator: Authenticator;

  beforeEach(async () => {
    r = isolatedRedis('auth-authenticator');
    issuer = await startTestOidcIssuer();
    apiKeys = new ApiKeyStore(r.redis, { prefix: r.prefix });
    authenticator = new Authenticator({ apiKeys, oidc: new OidcVerifier({ issuerUrl: issuer.issuerUrl, audience: issuer.audience }) });
  });
  afterEach(async () => {
    await issuer.close();
    await r.cleanup();
  });

  it('a bearer API key is looked up as a key, any other bearer token verified as an OIDC token', async () => {
    const created = await apiKeys.create({ name: 'ci', scopes: ['jobs:write'] });
    expect(await authenticator.authenticate(`Bearer ${created.key}`)).toMatchObject({ kind: 'api-key', subject: created.id, scopes: ['jobs:write'] });
    expect(await authenticator.authenticate(`bearer ${await issuer.sign({ sub: 'alice', scope: 'pools:read' })}`)).toMatchObject({
      kind: 'oidc',
      subject: 'alice',
      scopes: ['pools:read'],
    });
  });

  it.each([
    ['no header', undefined, 'the request carries no credentials'],
    ['an empty header', ' ', 'the request carries no credentials'],
    ['another scheme', 'Basic dXNlcjpwYXNz', 'must be Bearer'],
    ['a bearer without a token', 'Bearer ', 'must be Bearer'],
    ['an unknown API key', 'Bearer bsk_nothing', 'the API key is not valid'],
    ['a token that is no JWT', 'Bearer opaque-token', 'the access token is not valid'],
  ])('%s is unauthenticated', async (_, header, message) => {
    await expect(authenticator.authenticate(header)).rejects.toMatchObject({ code: 'AUTH.UNAUTHENTICATED', message: expect.stringContaining(message) });
  });

  it('without an OIDC issuer only API keys are accepted', async () => {
    const keysOnly = new Authenticator({ apiKeys });
    await expect(keysOnly.authenticate(`Bearer ${await issuer.sign()}`)).rejects.toThrow('only API keys (bsk_…) are accepted: no OIDC issuer is configured');
  });
});
