// The issuer's answer at /ui/sign-in/callback, checked before anything is traded: an `error` it sent,
// the state this tab made (a response this tab did not ask for — a forged or replayed link — is
// refused), and the code. Then the ID token's nonce, issuer and audience.
import type { PendingSignIn } from './pending-sign-in';

export type CallbackOutcome = { kind: 'code'; code: string } | { kind: 'error'; message: string };

export function readCallback(search: string, pending: Pick<PendingSignIn, 'state'> | undefined): CallbackOutcome {
  const params = new URLSearchParams(search);
  const error = params.get('error');
  if (error !== null) {
    const description = params.get('error_description');
    return { kind: 'error', message: `The identity provider did not sign you in: ${error}${description ? ` (${description})` : ''}.` };
  }
  if (!pending) return { kind: 'error', message: 'No sign-in was started in this tab, or it already finished. Start again.' };
  const state = params.get('state');
  if (state === null || state !== pending.state) {
    return { kind: 'error', message: 'The sign-in response does not belong to the sign-in this tab started (its state differs). Start again.' };
  }
  const code = params.get('code');
  if (!code) return { kind: 'error', message: 'The identity provider sent no authorization code. Start again.' };
  return { kind: 'code', code };
}

/**
 * Checks an ID token from the token endpoint against this sign-in: the nonce it was asked to carry (the
 * token was minted for this request, not replayed), the issuer, and this client as audience. Its
 * signature is not checked here: it came straight from the token endpoint over TLS, which OpenID Connect
 * Core (3.1.3.7) accepts in its place; the API verifies the access token's signature on every call.
 * Returns the problem, or undefined.
 */
export function idTokenProblem(idToken: string, expected: Pick<PendingSignIn, 'issuer' | 'clientId' | 'nonce'>): string | undefined {
  const claims = decodeJwtPayload(idToken);
  if (!claims) return 'The identity provider sent an ID token that cannot be read.';
  if (claims['nonce'] !== expected.nonce) return 'The ID token does not carry the nonce of this sign-in.';
  if (typeof claims['iss'] !== 'string' || claims['iss'].replace(/\/+$/, '') !== expected.issuer.replace(/\/+$/, '')) {
    return `The ID token was issued by ${JSON.stringify(claims['iss'])}, not ${expected.issuer}.`;
  }
  const audience = claims['aud'];
  if (!(audience === expected.clientId || (Array.isArray(audience) && audience.includes(expected.clientId))))
    return 'The ID token is not meant for the console.';
  return undefined;
}

function decodeJwtPayload(token: string): Record<string, unknown> | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const binary = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const parsed: unknown = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0))));
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
