// Single sign-on for the console: OAuth 2.0 authorization code with PKCE (S256), the flow for a public
// browser client — no client secret, no implicit flow, no library: WebCrypto and fetch.
//   start:  discovery → remember state, nonce, verifier (sessionStorage) → go to the authorization endpoint
//   finish: check the callback's state → trade the code and verifier at the token endpoint → access token
// The access token is then kept and sent exactly like an API key (auth-context.tsx).
import type { ConsoleOidc } from './console-config';
import { idTokenProblem, readCallback } from './oidc-callback';
import { authorizationUrl, discoveryUrl, parseDiscovery, parseTokenResponse, redirectUriFor, tokenErrorMessage, tokenRequestBody } from './oidc-requests';
import { OidcSignInError } from './oidc-sign-in-error';
import { storePendingSignIn, takePendingSignIn } from './pending-sign-in';
import { codeChallengeS256, randomToken } from './pkce';

export interface BrowserSide {
  fetch: typeof fetch;
  storage: Storage;
  origin: string;
  /** Leaves the console for the issuer (a top-level navigation). */
  go(url: string): void;
}

const browser = (): BrowserSide => ({
  fetch: (...args) => fetch(...args),
  storage: sessionStorage,
  origin: window.location.origin,
  go: (url) => window.location.assign(url),
});

export async function startOidcSignIn(config: ConsoleOidc, from: string, side: BrowserSide = browser()): Promise<void> {
  const { authorizationEndpoint, tokenEndpoint } = parseDiscovery(config.issuer, await readJson(side, discoveryUrl(config.issuer)));
  const codeVerifier = randomToken();
  const state = randomToken(16);
  const nonce = randomToken(16);
  const redirectUri = redirectUriFor(side.origin);
  storePendingSignIn(
    { issuer: config.issuer, clientId: config.clientId, scopes: config.scopes, redirectUri, tokenEndpoint, state, nonce, codeVerifier, from },
    side.storage,
  );
  side.go(
    authorizationUrl(authorizationEndpoint, {
      clientId: config.clientId,
      redirectUri,
      scopes: config.scopes,
      state,
      nonce,
      codeChallenge: await codeChallengeS256(codeVerifier),
    }),
  );
}

/** The access token of the callback's code, and the page to go to; throws OidcSignInError with what went wrong. */
export async function finishOidcSignIn(search: string, side: BrowserSide = browser()): Promise<{ accessToken: string; from: string }> {
  const pending = takePendingSignIn(side.storage);
  const outcome = readCallback(search, pending);
  if (outcome.kind === 'error' || !pending) throw new OidcSignInError(outcome.kind === 'error' ? outcome.message : 'No sign-in was started in this tab.');
  let response: Response;
  try {
    response = await side.fetch(pending.tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: tokenRequestBody({ code: outcome.code, redirectUri: pending.redirectUri, clientId: pending.clientId, codeVerifier: pending.codeVerifier }),
    });
  } catch (error) {
    throw unreachable(pending.tokenEndpoint, error);
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw new OidcSignInError(tokenErrorMessage(response.status, body));
  const tokens = parseTokenResponse(body);
  const problem = tokens.idToken === undefined ? missingIdToken(pending) : idTokenProblem(tokens.idToken, pending);
  if (problem) throw new OidcSignInError(problem);
  return { accessToken: tokens.accessToken, from: pending.from };
}

/**
 * Asked for `openid`, a token endpoint must send an ID token: without it the nonce cannot be checked.
 * Without `openid` (plain OAuth) there is none to expect; state and PKCE still bind the code to this tab.
 */
function missingIdToken(pending: { issuer: string; scopes: string }): string | undefined {
  if (!pending.scopes.split(/\s+/).includes('openid')) return undefined;
  return `The identity provider (${pending.issuer}) sent no ID token, so this sign-in cannot be checked against its nonce.`;
}

async function readJson(side: BrowserSide, url: string): Promise<unknown> {
  let response: Response;
  try {
    response = await side.fetch(url, { headers: { accept: 'application/json' } });
  } catch (error) {
    throw unreachable(url, error);
  }
  if (!response.ok) throw new OidcSignInError(`The identity provider answered ${response.status} for ${url}.`);
  return response.json().catch(() => {
    throw new OidcSignInError(`The identity provider's answer at ${url} is not JSON.`);
  });
}

function unreachable(url: string, error: unknown): OidcSignInError {
  const reason = error instanceof Error ? error.message : String(error);
  return new OidcSignInError(`The identity provider at ${new URL(url).origin} could not be reached (${reason}).`);
}
