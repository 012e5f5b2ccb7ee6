/**
 * @base-shift/auth — the framework-free core of the control plane's access
 * control: scopes, API keys and OIDC access tokens (who is calling, with what
 * scopes), per-subject rate limits and the audit trail, all shared by every
 * replica through Redis. The Nest guard and controllers sit on top of this.
 * Test fixtures (an OIDC issuer on loopback): `@base-shift/auth/testing`.
 */

// Scopes
export { grants, isScope, parseScopes, requireScopes, SCOPES, type Scope } from './lib/scopes/scopes';

// Who is calling
export type { ApiKeyPrincipal, OidcPrincipal, Principal } from './lib/principal/principal';
export { Authenticator, type AuthenticatorOptions } from './lib/principal/authenticator';

// API keys
export { ApiKeyStore, type ApiKeyStoreOptions, type BootstrapResult, type CreatedApiKey, type NewApiKey } from './lib/api-keys/api-key-store';
export type { ApiKeyInfo } from './lib/api-keys/api-key-record';
export { API_KEY_FORMAT, generateApiKey } from './lib/api-keys/api-key-format';

// OIDC access tokens
export { OidcVerifier, OIDC_ALGORITHMS } from './lib/oidc/oidc-verifier';
export type { OidcVerifierOptions } from './lib/oidc/oidc-options';

// Rate limits
export { RateLimiter, type RateLimitDecision, type RateLimiterOptions } from './lib/rate-limit/rate-limiter';

// Audit trail
export {
  AuditLog,
  DEFAULT_AUDIT_MAX_ENTRIES,
  MAX_AUDIT_PAGE,
  type AuditEntry,
  type AuditLogOptions,
  type AuditOutcome,
  type AuditPage,
  type AuditRecord,
} from './lib/audit/audit-log';

// Errors
export { ApiKeyNotFoundError, AuthError, ForbiddenError, InvalidAuthArgumentError, UnauthenticatedError, type AuthErrorCode } from './lib/errors/auth-errors';
export { IdentityProviderError } from './lib/oidc/identity-provider-error';
