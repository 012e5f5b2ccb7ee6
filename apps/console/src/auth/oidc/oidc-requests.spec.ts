import { describe, expect, it } from 'vitest';
import { parseConsoleConfig } from './console-config';
import { authorizationUrl, discoveryUrl, parseDiscovery, parseTokenResponse, redirectUriFor, tokenErrorMessage, tokenRequestBody } from './oidc-requests';

const ISSUER = 'https://login.example.com/realms/main';

describe('the requests of the authorization code flow', () => {
  it('reads /ui/config.json: single sign-on only when it names an issuer and a client', () => {
    expect(parseConsoleConfig({ oidc: { issuer: ISSUER, clientId: 'console', scopes: 'openid' } })).toEqual({
      issuer: ISSUER,
      clientId: 'console',
      scopes: 'openid',
    });
    expect(parseConsoleConfig({ oidc: null })).toBeNull();
    expect(parseConsoleConfig({ oidc: { issuer: ISSUER } })).toBeNull();
    expect(parseConsoleConfig('<!doctype html>')).toBeNull();
  });

  it('finds the endpoints by discovery, under the issuer and naming it', () => {
    expect(discoveryUrl(`${ISSUER}/`)).toBe(`${ISSUER}/.well-known/openid-configuration`);
    const document = { issuer: ISSUER, authorization_endpoint: `${ISSUER}/auth`, token_endpoint: `${ISSUER}/token` };
    expect(parseDiscovery(ISSUER, document)).toEqual({ authorizationEndpoint: `${ISSUER}/auth`, tokenEndpoint: `${ISSUER}/token` });
    expect(() => parseDiscovery(ISSUER, { ...document, issuer: 'https://evil.example' })).toThrow(/names the issuer "https:\/\/evil.example"/);
    expect(() => parseDiscovery(ISSUER, { ...document, token_endpoint: 'http://login.example.com/token' })).toThrow(/no usable token_endpoint/);
    expect(() => parseDiscovery(ISSUER, { issuer: ISSUER, token_endpoint: `${ISSUER}/token` })).toThrow(/no usable authorization_endpoint/);
    expect(
      parseDiscovery('http://127.0.0.1:8080', {
        issuer: 'http://127.0.0.1:8080',
        authorization_endpoint: 'http://127.0.0.1:8080/a',
        token_endpoint: 'http://127.0.0.1:8080/t',
      }),
    ).toMatchObject({ tokenEndpoint: 'http://127.0.0.1:8080/t' });
  });

  it('asks for a code with an S256 challenge, state and nonce, keeping the endpoint’s own parameters', () => {
    const url = new URL(
      authorizationUrl(`${ISSUER}/auth?tenant=7`, {
        clientId: 'console',
        redirectUri: redirectUriFor('https://base-shift.example'),
        scopes: 'openid workflows:read',
        state: 's1',
        nonce: 'n1',
        codeChallenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      }),
    );
    expect(url.origin + url.pathname).toBe(`${ISSUER}/auth`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      tenant: '7',
      response_type: 'code',
      client_id: 'console',
      redirect_uri: 'https://base-shift.example/ui/sign-in/callback',
      scope: 'openid workflows:read',
      state: 's1',
      nonce: 'n1',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    });
  });

  it('trades the code with its verifier and no secret, and reads the answer', () => {
    const body = tokenRequestBody({ code: 'c1', redirectUri: 'https://b.example/ui/sign-in/callback', clientId: 'console', codeVerifier: 'v1' });
    expect(body.toString()).toBe(
      'grant_type=authorization_code&code=c1&redirect_uri=https%3A%2F%2Fb.example%2Fui%2Fsign-in%2Fcallback&client_id=console&code_verifier=v1',
    );
    expect(parseTokenResponse({ access_token: 'at', token_type: 'bearer', id_token: 'it' })).toEqual({ accessToken: 'at', idToken: 'it' });
    expect(() => parseTokenResponse({ token_type: 'Bearer' })).toThrow('without an access token');
    expect(() => parseTokenResponse({ access_token: 'at', token_type: 'DPoP' })).toThrow('"DPoP" token');
    expect(tokenErrorMessage(400, { error: 'invalid_grant', error_description: 'code expired' })).toBe(
      'The identity provider did not accept the sign-in code (invalid_grant: code expired).',
    );
    expect(tokenErrorMessage(502, 'Bad gateway')).toBe('The identity provider did not accept the sign-in code (HTTP 502).');
  });
});
