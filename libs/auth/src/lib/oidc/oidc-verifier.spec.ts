import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT } from 'jose';
import { caught } from '../../test/caught';
import { startTestOidcIssuer, type TestOidcIssuer } from '../../test/oidc-issuer';
import { UnauthenticatedError } from '../errors/auth-errors';
import { IdentityProviderError } from './identity-provider-error';
import { OidcVerifier } from './oidc-verifier';
import type { OidcVerifierOptions } from './oidc-options';

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const nowSeconds = () => Math.floor(Date.now() / 1000);

describe('OidcVerifier (issuer on loopback)', () => {
  let issuer: TestOidcIssuer;
  let verifier: OidcVerifier;
  const verifierFor = (extra: Partial<OidcVerifierOptions> = {}) =>
    new OidcVerifier({ issuerUrl: issuer.issuerUrl, audience: issuer.audience, jwksCooldownMs: 0, ...extra });

  beforeEach(async () => {
    issuer = await startTestOidcIssuer({ audience: 'base-shift-api' });
    verifier = verifierFor();
  });
  afterEach(() => issuer.close());

  async function refusal(token: string, by = verifier): Promise<UnauthenticatedError> {
    const error = await caught(() => by.verify(token));
    expect(error).toBeInstanceOf(UnauthenticatedError);
    expect(error).toMatchObject({ code: 'AUTH.UNAUTHENTICATED' });
    return error as UnauthenticatedError;
  }

  it('a valid token gives its subject, its known scopes and its expiry', async () => {
    const exp = nowSeconds() + 120;
    const token = await issuer.sign({ sub: 'alice', exp, scope: 'openid workflows:read jobs:write' });
    expect(await verifier.verify(token)).toEqual({ kind: 'oidc', subject: 'alice', scopes: ['workflows:read', 'jobs:write'], expiresAt: exp * 1000 });
  });

  it('scopes are read from an array claim or a string claim, under the configured claim name', async () => {
    expect((await verifier.verify(await issuer.sign({ scope: ['templates:read', 'email', 'admin'] }))).scopes).toEqual(['templates:read', 'admin']);
    const scp = verifierFor({ scopesClaim: 'scp' });
    expect((await scp.verify(await issuer.sign({ scp: 'pools:read', scope: 'admin' }))).scopes).toEqual(['pools:read']);
    expect((await scp.verify(await issuer.sign({ scp: ['pools:read', 'workflows:write'] }))).scopes).toEqual(['workflows:write', 'pools:read']);
    expect((await verifier.verify(await issuer.sign({}))).scopes).toEqual([]);
  });

  it('an expired token is refused, one within the clock tolerance is accepted', async () => {
    expect((await refusal(await issuer.sign({ exp: nowSeconds() - 120 }))).message).toBe('the access token has expired');
    expect(await verifier.verify(await issuer.sign({ exp: nowSeconds() - 5 }))).toMatchObject({ subject: 'user-1' });
  });

  it('a token not valid yet (nbf) is refused', async () => {
    expect((await refusal(await issuer.sign({ nbf: nowSeconds() + 600 }))).message).toContain('nbf');
  });

  it('a token for another audience is refused', async () => {
    expect((await refusal(await issuer.sign({ aud: 'another-api' }))).message).toContain('aud');
  });

  it('a token from another issuer is refused, even signed with a published key', async () => {
    expect((await refusal(await issuer.sign({ iss: 'https://evil.example' }))).message).toContain('iss');
  });

  it('a token without sub or exp is refused', async () => {
    expect((await refusal(await issuer.sign({ sub: undefined }))).message).toContain('sub');
    expect((await refusal(await issuer.sign({ exp: undefined }))).message).toContain('exp');
  });

  it('an unsigned token (alg none) is refused', async () => {
    const claims = { iss: issuer.issuerUrl, aud: issuer.audience, sub: 'mallory', exp: nowSeconds() + 300, scope: 'admin' };
    const unsigned = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`;
    expect((await refusal(unsigned)).message).toContain('must be signed with one of RS256');
    expect((await refusal(`${base64url({ alg: 'none', kid: issuer.currentKid })}.${base64url(claims)}.`)).message).toContain('RS256');
  });

  it("an HS256 token keyed with the issuer's public key (algorithm confusion) is refused", async () => {
    const pem = await issuer.publicKeyPem();
    const forged = await new SignJWT({ iss: issuer.issuerUrl, aud: issuer.audience, sub: 'mallory', scope: 'admin' })
      .setProtectedHeader({ alg: 'HS256', kid: issuer.currentKid })
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(pem));
    expect((await refusal(forged)).message).toContain('must be signed with one of');
  });

  it('a token signed by another key under a published kid is refused', async () => {
    const other = await startTestOidcIssuer({ audience: issuer.audience });
    try {
      const forged = await other.sign({ iss: issuer.issuerUrl, scope: 'admin' });
      expect((await refusal(forged)).message).toBe('the access token is not valid');
    } finally {
      await other.close();
    }
  });

  it.each([
    ['garbage', 'abc'],
    ['three dots', 'a.b.c'],
    ['empty', ''],
    ['huge', 'a'.repeat(20_000)],
  ])('a malformed token (%s) is refused', async (_, token) => {
    expect((await refusal(token)).message).toBe('the access token is not valid');
  });

  it("when the issuer switches to a new key, its tokens verify (the key set is fetched again) and the old key's are refused", async () => {
    const oldToken = await issuer.sign({ sub: 'old' });
    expect(await verifier.verify(oldToken)).toMatchObject({ subject: 'old' });
    const fetchesBefore = issuer.jwksFetches;

    const newKid = await issuer.rotateKey();
    issuer.unpublishKey('key-1');
    const newToken = await issuer.sign({ sub: 'new' });
    expect(JSON.parse(Buffer.from(newToken.split('.')[0], 'base64url').toString())).toMatchObject({ kid: newKid });
    expect(await verifier.verify(newToken)).toMatchObject({ subject: 'new' });
    expect(issuer.jwksFetches).toBe(fetchesBefore + 1);

    expect((await refusal(oldToken)).message).toBe('the access token is signed with a key the issuer does not publish');
    expect((await refusal(await issuer.sign({ sub: 'late' }, { kid: 'key-1' }))).message).toBe(
      'the access token is signed with a key the issuer does not publish',
    );
  });

  it('during a rotation overlap both keys verify; a key removed later is refused once the key set is fetched again', async () => {
    const byFreshKeys = verifierFor({ jwksMaxAgeMs: 0 });
    const oldToken = await issuer.sign({ sub: 'old' });
    await issuer.rotateKey();
    const newToken = await issuer.sign({ sub: 'new' });
    expect(await byFreshKeys.verify(oldToken)).toMatchObject({ subject: 'old' });
    expect(await byFreshKeys.verify(newToken)).toMatchObject({ subject: 'new' });

    issuer.unpublishKey('key-1');
    expect((await refusal(oldToken, byFreshKeys)).message).toBe('the access token is signed with a key the issuer does not publish');
    expect(await byFreshKeys.verify(newToken)).toMatchObject({ subject: 'new' });
  });

  it('an ES256 issuer works the same', async () => {
    const es = await startTestOidcIssuer({ alg: 'ES256' });
    try {
      const byEs = new OidcVerifier({ issuerUrl: es.issuerUrl, audience: es.audience });
      expect(await byEs.verify(await es.sign({ scope: 'admin' }))).toMatchObject({ subject: 'user-1', scopes: ['admin'] });
    } finally {
      await es.close();
    }
  });

  describe('issuer failures are IdentityProviderError (503), not a refusal of the token', () => {
    it('an issuer that cannot be reached', async () => {
      const unreachable = new OidcVerifier({ issuerUrl: 'http://127.0.0.1:9', audience: 'x', httpTimeoutMs: 2_000 });
      const error = await caught(async () => unreachable.verify(await issuer.sign()));
      expect(error).toBeInstanceOf(IdentityProviderError);
      expect(error).toMatchObject({ code: 'AUTH.PROVIDER_UNAVAILABLE' });
      expect((error as Error).message).toContain('OIDC discovery at http://127.0.0.1:9/.well-known/openid-configuration failed');
    });

    it('an issuer answering 503, first at discovery and then for its key set; discovery is tried again once it is back', async () => {
      issuer.available = false;
      const token = await issuer.sign();
      expect((await caught(() => verifier.verify(token))) as Error).toMatchObject({
        code: 'AUTH.PROVIDER_UNAVAILABLE',
        message: expect.stringContaining('HTTP 503'),
      });

      issuer.available = true;
      expect(await verifier.verify(token)).toMatchObject({ subject: 'user-1' });

      await issuer.rotateKey();
      issuer.available = false;
      const error = await caught(async () => verifier.verify(await issuer.sign()));
      expect(error).toBeInstanceOf(IdentityProviderError);
      expect((error as Error).message).toContain("the OIDC issuer's key set could not be fetched");
    });

    it('a discovery document naming another issuer', async () => {
      const liar = createServer((_, response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ issuer: issuer.issuerUrl, jwks_uri: `${issuer.issuerUrl}/jwks` }));
      });
      await new Promise<void>((resolve) => liar.listen(0, '127.0.0.1', resolve));
      try {
        const liarUrl = `http://127.0.0.1:${(liar.address() as AddressInfo).port}`;
        const error = await caught(async () => new OidcVerifier({ issuerUrl: liarUrl, audience: issuer.audience }).verify(await issuer.sign({ iss: liarUrl })));
        expect(error).toBeInstanceOf(IdentityProviderError);
        expect((error as Error).message).toContain(`names the issuer "${issuer.issuerUrl}", not the configured "${liarUrl}"`);
      } finally {
        liar.closeAllConnections();
        await new Promise((resolve) => liar.close(resolve));
      }
    });
  });

  it('options are checked: the issuer must be https except on loopback', () => {
    expect(() => new OidcVerifier({ issuerUrl: 'http://login.example.com', audience: 'a' })).toThrow('issuerUrl must be an https URL');
    expect(() => new OidcVerifier({ issuerUrl: 'not a url', audience: 'a' })).toThrow('issuerUrl must be an absolute URL');
    expect(() => new OidcVerifier({ issuerUrl: 'https://login.example.com', audience: '' })).toThrow('audience must be a non-empty string');
    expect(() => new OidcVerifier({ issuerUrl: 'https://login.example.com', audience: 'a', clockToleranceSeconds: -1 })).toThrow(
      'clockToleranceSeconds must be an integer of 0 or more',
    );
    expect(() => new OidcVerifier({ issuerUrl: 'https://login.example.com', audience: 'a' })).not.toThrow();
  });
});
