// The pieces of the authorization code flow that are plain data: the discovery document, the
// authorization request, the token request and its answer (OAuth 2.0 RFC 6749, PKCE RFC 7636,
// OpenID Connect Discovery). No network here: oidc-sign-in.ts makes the calls.
import { OidcSignInError } from './oidc-sign-in-error';

export interface IssuerEndpoints {
  authorizationEndpoint: string;
  tokenEndpoint: string;
}

/** Where the issuer sends the browser back: a page of the console, on this origin. */
export function redirectUriFor(origin: string): string {
  return `${origin}/ui/sign-in/callback`;
}

export function discoveryUrl(issuer: string): string {
  return `${withoutTrailingSlash(issuer)}/.well-known/openid-configuration`;
}

/** The two endpoints of a discovery document, which must name the configured issuer. */
export function parseDiscovery(issuer: string, body: unknown): IssuerEndpoints {
  const document = (body ?? {}) as Record<string, unknown>;
  // A document naming another issuer is not this issuer's (a mix-up, or a proxy answering for it).
  if (typeof document['issuer'] !== 'string' || withoutTrailingSlash(document['issuer']) !== withoutTrailingSlash(issuer)) {
    throw new OidcSignInError(`The identity provider's discovery document names the issuer ${JSON.stringify(document['issuer'])}, not ${issuer}.`);
  }
  return {
    authorizationEndpoint: endpoint(document, 'authorization_endpoint'),
    tokenEndpoint: endpoint(document, 'token_endpoint'),
  };
}

export interface AuthorizationRequest {
  clientId: string;
  redirectUri: string;
  scopes: string;
  state: string;
  nonce: string;
  codeChallenge: string;
}

/** The address the browser goes to: response_type=code with an S256 challenge, never the implicit flow. */
export function authorizationUrl(authorizationEndpoint: string, request: AuthorizationRequest): string {
  const url = new URL(authorizationEndpoint);
  const params = {
    response_type: 'code',
    client_id: request.clientId,
    redirect_uri: request.redirectUri,
    scope: request.scopes,
    state: request.state,
    nonce: request.nonce,
    code_challenge: request.codeChallenge,
    code_challenge_method: 'S256',
  };
  // set(), not a new search: an endpoint may carry parameters of its own (e.g. a tenant).
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.toString();
}

/** The form posted to the token endpoint. No client secret: a browser cannot keep one; the verifier proves it is the same tab. */
export function tokenRequestBody(request: { code: string; redirectUri: string; clientId: string; codeVerifier: string }): URLSearchParams {
  return new URLSearchParams({
    grant_type: 'authorization_code',
    code: request.code,
    redirect_uri: request.redirectUri,
    client_id: request.clientId,
    code_verifier: request.codeVerifier,
  });
}

export interface TokenResponse {
  accessToken: string;
  idToken: string | undefined;
}

/** A token endpoint's 200 answer: a bearer access token (and, with `openid`, an ID token). */
export function parseTokenResponse(body: unknown): TokenResponse {
  const answer = (body ?? {}) as Record<string, unknown>;
  const accessToken = answer['access_token'];
  if (typeof accessToken !== 'string' || accessToken === '') throw new OidcSignInError('The identity provider answered without an access token.');
  if (typeof answer['token_type'] !== 'string' || answer['token_type'].toLowerCase() !== 'bearer') {
    throw new OidcSignInError(`The identity provider answered a ${JSON.stringify(answer['token_type'])} token; the API takes Bearer tokens.`);
  }
  return { accessToken, idToken: typeof answer['id_token'] === 'string' ? answer['id_token'] : undefined };
}

/** A token endpoint's refusal (RFC 6749 §5.2) as a sentence. */
export function tokenErrorMessage(status: number, body: unknown): string {
  const answer = (body ?? {}) as Record<string, unknown>;
  const error = typeof answer['error'] === 'string' ? answer['error'] : `HTTP ${status}`;
  const description = typeof answer['error_description'] === 'string' ? `: ${answer['error_description']}` : '';
  return `The identity provider did not accept the sign-in code (${error}${description}).`;
}

/**
 * An endpoint the browser sends the code and its verifier to: https (plain http only on loopback, for
 * tests and local development), like the issuer itself.
 */
function endpoint(document: Record<string, unknown>, field: string): string {
  const value = document[field];
  let url: URL | undefined;
  try {
    url = typeof value === 'string' ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  const loopback = url && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (!url || !(url.protocol === 'https:' || (url.protocol === 'http:' && loopback))) {
    throw new OidcSignInError(`The identity provider's discovery document has no usable ${field} (an https URL): ${JSON.stringify(value)}.`);
  }
  return url.toString();
}

function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
