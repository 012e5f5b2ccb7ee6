import type { ApiKeyStore } from '../api-keys/api-key-store';
import { UnauthenticatedError } from '../errors/auth-errors';
import type { OidcVerifier } from '../oidc/oidc-verifier';
import type { Principal } from './principal';

export interface AuthenticatorOptions {
  apiKeys: ApiKeyStore;
  /** Absent when no OIDC issuer is configured: then only API keys are accepted. */
  oidc?: OidcVerifier;
}

const BEARER = /^Bearer +(\S+) *$/i;

/**
 * Turns an `Authorization` header into a principal: `Bearer bsk_…` is an API
 * key, any other bearer token an OIDC access token. The prefix decides alone,
 * so an API key is never sent to the issuer's verifier (nor a JWT looked up as
 * a key), and each kind of credential fails in its own way.
 */
export class Authenticator {
  constructor(private readonly options: AuthenticatorOptions) {}

  /** Throws UnauthenticatedError (and, from OIDC, IdentityProviderError when the issuer is down). */
  async authenticate(authorization: string | undefined): Promise<Principal> {
    if (authorization === undefined || authorization.trim() === '') {
      throw new UnauthenticatedError('the request carries no credentials: send Authorization: Bearer <API key or access token>');
    }
    const token = BEARER.exec(authorization)?.[1];
    if (token === undefined) throw new UnauthenticatedError('the Authorization header must be Bearer <API key or access token>');
    if (token.startsWith('bsk_')) return this.options.apiKeys.authenticate(token);
    if (!this.options.oidc) throw new UnauthenticatedError('only API keys (bsk_…) are accepted: no OIDC issuer is configured');
    return this.options.oidc.verify(token);
  }
}
