import { afterEach, describe, expect, it } from 'vitest';
import { finishOidcSignIn, startOidcSignIn, type BrowserSide } from './oidc-sign-in';
import { PENDING_SIGN_IN_KEY } from './pending-sign-in';
import { codeChallengeS256 } from './pkce';

const ISSUER = 'https://login.example.com';
const CONFIG = { issuer: ISSUER, clientId: 'console', scopes: 'openid workflows:read' };

function jwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${part({ alg: 'RS256' })}.${part(claims)}.sig`;
}

/**
 * An issuer in memory, as the browser sees it: discovery, and a token endpoint that trades the last
 * authorization request's code only for the verifier of its challenge.
 */
function fakeBrowser(tokenAnswer?: (form: URLSearchParams) => Response) {
  const visited: string[] = [];
  const tokenRequests: URLSearchParams[] = [];
  const side: BrowserSide = {
    storage: sessionStorage,
    origin: 'https://base-shift.example',
    go: (url) => visited.push(url),
    fetch: async (input, init) => {
      const url = String(input);
      if (url === `${ISSUER}/.well-known/openid-configuration`) {
        return Response.json({ issuer: ISSUER, authorization_endpoint: `${ISSUER}/auth`, token_endpoint: `${ISSUER}/token` });
      }
      if (url === `${ISSUER}/token` && init?.method === 'POST') {
        const form = new URLSearchParams(String(init.body));
        tokenRequests.push(form);
        if (tokenAnswer) return tokenAnswer(form);
        const asked = new URL(visited.at(-1) ?? '').searchParams;
        if ((await codeChallengeS256(form.get('code_verifier') ?? '')) !== asked.get('code_challenge'))
          return Response.json({ error: 'invalid_grant' }, { status: 400 });
        return Response.json({
          access_token: 'access-1',
          token_type: 'Bearer',
          id_token: jwt({ iss: ISSUER, aud: 'console', nonce: asked.get('nonce') }),
        });
      }
      throw new TypeError('Failed to fetch');
    },
  };
  return { side, visited, tokenRequests };
}

afterEach(() => sessionStorage.clear());

describe('single sign-on, start to finish', () => {
  it('goes to the issuer with a fresh challenge, then trades the code with its verifier for the access token', async () => {
    const browser = fakeBrowser();
    await startOidcSignIn(CONFIG, '/pools', browser.side);
    const asked = new URL(browser.visited[0] ?? '').searchParams;
    expect(asked.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    // The verifier waits in this tab's sessionStorage only, never in the address.
    expect(sessionStorage.getItem(PENDING_SIGN_IN_KEY)).toContain('codeVerifier');
    expect(browser.visited[0]).not.toContain(JSON.parse(sessionStorage.getItem(PENDING_SIGN_IN_KEY) ?? '{}').codeVerifier);

    const result = await finishOidcSignIn(`?code=code-1&state=${asked.get('state')}`, browser.side);
    expect(result).toEqual({ accessToken: 'access-1', from: '/pools' });
    expect(Object.fromEntries(browser.tokenRequests[0] ?? [])).toMatchObject({
      grant_type: 'authorization_code',
      code: 'code-1',
      client_id: 'console',
      redirect_uri: 'https://base-shift.example/ui/sign-in/callback',
    });
    expect(browser.tokenRequests[0]?.has('client_secret')).toBe(false);
    expect(sessionStorage.getItem(PENDING_SIGN_IN_KEY)).toBeNull();
  });

  it('refuses a callback with another state without calling the token endpoint, and forgets the verifier', async () => {
    const browser = fakeBrowser();
    await startOidcSignIn(CONFIG, '/workflows', browser.side);
    await expect(finishOidcSignIn('?code=code-1&state=forged', browser.side)).rejects.toThrow('its state differs');
    expect(browser.tokenRequests).toEqual([]);
    expect(sessionStorage.getItem(PENDING_SIGN_IN_KEY)).toBeNull();
  });

  it("says what the token endpoint refused, and refuses an ID token without this sign-in's nonce", async () => {
    const refusing = fakeBrowser(() => Response.json({ error: 'invalid_grant', error_description: 'code expired' }, { status: 400 }));
    await startOidcSignIn(CONFIG, '/workflows', refusing.side);
    const state = new URL(refusing.visited[0] ?? '').searchParams.get('state');
    await expect(finishOidcSignIn(`?code=c&state=${state}`, refusing.side)).rejects.toThrow('(invalid_grant: code expired)');

    const replaying = fakeBrowser(() =>
      Response.json({ access_token: 'a', token_type: 'Bearer', id_token: jwt({ iss: ISSUER, aud: 'console', nonce: 'old' }) }),
    );
    await startOidcSignIn(CONFIG, '/workflows', replaying.side);
    const replayState = new URL(replaying.visited[0] ?? '').searchParams.get('state');
    await expect(finishOidcSignIn(`?code=c&state=${replayState}`, replaying.side)).rejects.toThrow('nonce');
  });

  it('says so when the issuer cannot be reached', async () => {
    const browser = fakeBrowser();
    await expect(startOidcSignIn({ ...CONFIG, issuer: 'https://down.example' }, '/workflows', browser.side)).rejects.toThrow(
      'The identity provider at https://down.example could not be reached (Failed to fetch).',
    );
    expect(browser.visited).toEqual([]);
  });
});
