import type { Scope } from '../scopes/scopes';

/** Who is calling, as proved by their credentials, and what they may do. */
export interface Principal {
  readonly kind: 'api-key' | 'oidc';
  /** The API key's id or the token's `sub`: the actor in the audit trail and the subject of rate limits. */
  readonly subject: string;
  readonly scopes: readonly Scope[];
  /** When the credentials stop being valid (ms since the epoch), if they do. */
  readonly expiresAt?: number;
}

export interface ApiKeyPrincipal extends Principal {
  readonly kind: 'api-key';
  /** The key's name, as its creator gave it. */
  readonly name: string;
}

export interface OidcPrincipal extends Principal {
  readonly kind: 'oidc';
  readonly expiresAt: number;
}
