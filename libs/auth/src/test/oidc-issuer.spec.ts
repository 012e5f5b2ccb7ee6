import { createHash } from 'node:crypto';
import { decodeJwt } from 'jose';
import { OidcVerifier } from '../lib/oidc/oidc-verifier';
import { startTestOidcIssuer, type TestOidcIssuer } from './oidc-issuer';

const APP = 'http://127.0.0.1:4000';
const REDIRECT_URI = `${APP}/ui/sign-in/callback`;
const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const CHALLENGE = createHash('sha256').update(VERIFIER).digest('base64url');

describe('the test issuer: the authorization code flow of a public client (PKCE S256)', () => {
  let issuer: TestOidcIssuer;

  beforeAll(async () => {
    issuer = await startTestOidcIssuer({ audience: 'base-shift-api', corsOrigin: APP });
  });
  afterAll(() => issuer.close());

  /** Asks for a code as a browser would, and reads it from the redirect back. */
  async function authorize(extra: Record<string, string> = {}): Promise<URL> {
    const url = new URL(`${issuer.issuerUrl}/authorize`);
    const params = {
      response_type: 'code',
      client_id: 'console',
      redirect_uri: REDIRECT_URI,
      scope: 'openid workflows:read',
      state: 'state-1',
      nonce: 'nonce-1',
      code_challenge: CHALLENGE,
      code_challenge_method: 'S256',
      ...extra,
    };
    for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
    const response = await fetch(url, { redirect: 'manual' });
    expect(response.status).toBe(302);
    return new URL(response.headers.get('location') ?? '');
  }

  const trade = (fields: Record<string, string>) =>
    fetch(`${issuer.issuerUrl}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: APP },
      body: new URLSearchParams({ grant_type: 'authorization_code', client_id: 'console', redirect_uri: REDIRECT_URI, code_verifier: VERIFIER, ...fields }),
    });

  it('publishes its endpoints to the app origin (CORS) and consents at once, recording the request', async () => {
    const discovery = await fetch(`${issuer.issuerUrl}/.well-known/openid-configuration`, { headers: { origin: APP } });
    expect(discovery.headers.get('access-control-allow-origin')).toBe(APP);
    expect(await discovery.json()).toMatchObject({
      authorization_endpoint: `${issuer.issuerUrl}/authorize`,
      token_endpoint: `${issuer.issuerUrl}/token`,
      code_challenge_methods_supported: ['S256'],
    });
    const other = await fetch(`${issuer.issuerUrl}/.well-known/openid-configuration`, { headers: { origin: 'http://elsewhere.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();

    const back = await authorize();
    expect(back.origin + back.pathname).toBe(REDIRECT_URI);
    expect(back.searchParams.get('state')).toBe('state-1');
    expect(back.searchParams.get('code')).toMatch(/^[\w-]{16,}$/);
    expect(issuer.authorizationRequests.at(-1)).toEqual({
      clientId: 'console',
      redirectUri: REDIRECT_URI,
      scope: 'openid workflows:read',
      state: 'state-1',
      nonce: 'nonce-1',
      codeChallenge: CHALLENGE,
      codeChallengeMethod: 'S256',
    });
  });

  it('trades a code once, for an access token the API accepts and an ID token carrying the nonce', async () => {
    const code = (await authorize()).searchParams.get('code') ?? '';
    const response = await trade({ code });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(APP);
    const body = (await response.json()) as { access_token: string; id_token: string; token_type: string };
    expect(body.token_type).toBe('Bearer');
    const principal = await new OidcVerifier({ issuerUrl: issuer.issuerUrl, audience: 'base-shift-api' }).verify(body.access_token);
    expect(principal.scopes).toEqual(['workflows:read']);
    expect(decodeJwt(body.id_token)).toMatchObject({ aud: 'console', nonce: 'nonce-1', iss: issuer.issuerUrl });

    const again = await trade({ code });
    expect({ status: again.status, body: await again.json() }).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });

  it('refuses a wrong verifier, another client or another redirect URI, and a request without S256', async () => {
    for (const [field, value] of [
      ['code_verifier', 'x'.repeat(43)],
      ['client_id', 'someone-else'],
      ['redirect_uri', 'http://127.0.0.1:4000/elsewhere'],
    ]) {
      const code = (await authorize()).searchParams.get('code') ?? '';
      const refused = await trade({ code, [field]: value });
      expect({ field, status: refused.status, error: ((await refused.json()) as { error: string }).error }).toEqual({
        field,
        status: 400,
        error: 'invalid_grant',
      });
    }
    const plain = await authorize({ code_challenge_method: 'plain' });
    expect(plain.searchParams.get('error')).toBe('invalid_request');
    expect(plain.searchParams.get('code')).toBeNull();
  });
});
