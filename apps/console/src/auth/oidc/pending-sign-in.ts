// A sign-in between the redirect to the issuer and the callback: the secrets the callback checks
// against (state, nonce) and proves with (the PKCE verifier). sessionStorage only — this tab, and only
// until the callback, which takes it out whatever happens.
export const PENDING_SIGN_IN_KEY = 'base-shift.oidc-pending';

export interface PendingSignIn {
  issuer: string;
  clientId: string;
  /** The scopes asked for: with `openid`, the token endpoint must send an ID token. */
  scopes: string;
  redirectUri: string;
  tokenEndpoint: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  /** The console page to land on afterwards. */
  from: string;
}

const FIELDS = ['issuer', 'clientId', 'scopes', 'redirectUri', 'tokenEndpoint', 'state', 'nonce', 'codeVerifier', 'from'] as const;

export function storePendingSignIn(pending: PendingSignIn, storage: Storage = sessionStorage): void {
  storage.setItem(PENDING_SIGN_IN_KEY, JSON.stringify(pending));
}

/** The pending sign-in, removed from storage: a code can be traded once, and the verifier must not linger. */
export function takePendingSignIn(storage: Storage = sessionStorage): PendingSignIn | undefined {
  const raw = storage.getItem(PENDING_SIGN_IN_KEY);
  storage.removeItem(PENDING_SIGN_IN_KEY);
  if (raw === null) return undefined;
  try {
    const parsed = JSON.parse(raw) as Record<string, unknown>;
    return FIELDS.every((field) => typeof parsed[field] === 'string') ? (parsed as unknown as PendingSignIn) : undefined;
  } catch {
    return undefined;
  }
}
