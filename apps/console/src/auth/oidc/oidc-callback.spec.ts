import { describe, expect, it } from 'vitest';
import { idTokenProblem, readCallback } from './oidc-callback';

/** An unsigned JWT with these claims (the callback reads, never verifies, the ID token's payload). */
function jwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${part({ alg: 'RS256' })}.${part(claims)}.sig`;
}

describe('the callback from the issuer', () => {
  const pending = { state: 'state-1' };

  it('takes the code when the state is the one this tab sent', () => {
    expect(readCallback('?code=abc&state=state-1', pending)).toEqual({ kind: 'code', code: 'abc' });
  });

  it('refuses another state, a missing state, a missing code, and a callback this tab never started', () => {
    expect(readCallback('?code=abc&state=other', pending)).toMatchObject({ kind: 'error', message: expect.stringContaining('its state differs') });
    expect(readCallback('?code=abc', pending)).toMatchObject({ kind: 'error', message: expect.stringContaining('its state differs') });
    expect(readCallback('?state=state-1', pending)).toMatchObject({ kind: 'error', message: expect.stringContaining('no authorization code') });
    expect(readCallback('?code=abc&state=state-1', undefined)).toMatchObject({ kind: 'error', message: expect.stringContaining('No sign-in was started') });
  });

  it("shows the issuer's own error and its description", () => {
    expect(readCallback('?error=access_denied&error_description=The+user+said+no&state=state-1', pending)).toEqual({
      kind: 'error',
      message: 'The identity provider did not sign you in: access_denied (The user said no).',
    });
  });

  it("checks the ID token's nonce, issuer and audience", () => {
    const expected = { issuer: 'https://login.example', clientId: 'console', nonce: 'n1' };
    expect(idTokenProblem(jwt({ iss: 'https://login.example/', aud: 'console', nonce: 'n1' }), expected)).toBeUndefined();
    expect(idTokenProblem(jwt({ iss: 'https://login.example', aud: ['api', 'console'], nonce: 'n1' }), expected)).toBeUndefined();
    expect(idTokenProblem(jwt({ iss: 'https://login.example', aud: 'console', nonce: 'n2' }), expected)).toMatch(/nonce/);
    expect(idTokenProblem(jwt({ iss: 'https://other.example', aud: 'console', nonce: 'n1' }), expected)).toMatch(/issued by "https:\/\/other.example"/);
    expect(idTokenProblem(jwt({ iss: 'https://login.example', aud: 'api', nonce: 'n1' }), expected)).toMatch(/not meant for the console/);
    expect(idTokenProblem('not-a-jwt', expected)).toMatch(/cannot be read/);
  });
});
