import { CodedError } from '@base-shift/core';

/**
 * Thrown when the OIDC issuer's discovery document or key set cannot be
 * fetched or makes no sense. Not an AuthError on purpose: the caller's token
 * may be fine, so the edge answers 503, not 401, and the next call tries again.
 */
export class IdentityProviderError extends CodedError<'AUTH.PROVIDER_UNAVAILABLE'> {
  readonly code = 'AUTH.PROVIDER_UNAVAILABLE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message);
    this.name = 'IdentityProviderError';
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}
