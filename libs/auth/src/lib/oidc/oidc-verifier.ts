import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { errorMessage } from '@base-shift/core';
import { UnauthenticatedError } from '../errors/auth-errors';
import type { OidcPrincipal } from '../principal/principal';
import { knownScopes } from '../scopes/scopes';
import { IdentityProviderError } from './identity-provider-error';
import { discoverJwksUri } from './oidc-discovery';
import { compileOidcOptions, type CompiledOidcOptions, type OidcVerifierOptions } from './oidc-options';

/**
 * Asymmetric algorithms only. `none` would accept unsigned tokens, and HS*
 * would let anyone who knows the issuer's public key (everyone) sign tokens
 * if a key were ever taken as an HMAC secret (the classic algorithm confusion).
 */
export const OIDC_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'];

/** Far above any real access token; a bigger one is refused before it is parsed. */
const MAX_TOKEN_LENGTH = 16_384;

type KeySet = ReturnType<typeof createRemoteJWKSet>;

/**
 * Verifies OIDC access tokens (JWTs) of one issuer for one audience. The key
 * set is found by discovery on first use and fetched by jose's remote JWKS,
 * which fetches again when a token names an unknown `kid`: when the issuer
 * rotates keys, new tokens verify without a restart.
 */
export class OidcVerifier {
  private readonly options: CompiledOidcOptions;
  private keySet: Promise<KeySet> | undefined;

  constructor(options: OidcVerifierOptions) {
    this.options = compileOidcOptions(options);
  }

  /**
   * The principal an access token proves. Throws UnauthenticatedError for a
   * token that is not valid here, IdentityProviderError when the issuer cannot
   * be reached (then the token may well be valid).
   */
  async verify(token: string): Promise<OidcPrincipal> {
    if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_LENGTH) {
      throw new UnauthenticatedError('the access token is not valid');
    }
    const keySet = await this.getKeySet();
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keySet, {
        issuer: this.options.issuerUrl,
        audience: this.options.audience,
        algorithms: OIDC_ALGORITHMS,
        clockTolerance: this.options.clockToleranceSeconds,
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (error) {
      throw refusal(error);
    }
    return { kind: 'oidc', subject: payload.sub as string, scopes: knownScopes(payload[this.options.scopesClaim]), expiresAt: (payload.exp as number) * 1000 };
  }

  private getKeySet(): Promise<KeySet> {
    // One discovery for all concurrent callers; a failed one is forgotten so the next call retries.
    this.keySet ??= discoverJwksUri(this.options.issuerUrl, this.options.httpTimeoutMs).then(
      (jwksUri) =>
        createRemoteJWKSet(jwksUri, {
          timeoutDuration: this.options.httpTimeoutMs,
          cooldownDuration: this.options.jwksCooldownMs,
          cacheMaxAge: this.options.jwksMaxAgeMs,
        }),
      (error: unknown) => {
        this.keySet = undefined;
        throw error;
      },
    );
    return this.keySet;
  }
}

/** jose's error codes that mean the issuer failed us, not that the token is bad. */
const PROVIDER_FAILURES = new Set(['ERR_JWKS_TIMEOUT', 'ERR_JWKS_INVALID', 'ERR_JOSE_GENERIC']);

function refusal(error: unknown): Error {
  if (!(error instanceof errors.JOSEError) || PROVIDER_FAILURES.has(error.code)) {
    return new IdentityProviderError(`the OIDC issuer's key set could not be fetched: ${errorMessage(error)}`, { cause: error });
  }
  if (error instanceof errors.JWTExpired) return new UnauthenticatedError('the access token has expired');
  if (error instanceof errors.JWTClaimValidationFailed)
    return new UnauthenticatedError(`the access token's ${error.claim} claim is not valid here: ${error.reason}`);
  if (error instanceof errors.JOSEAlgNotAllowed) return new UnauthenticatedError(`the access token must be signed with one of ${OIDC_ALGORITHMS.join(', ')}`);
  if (error instanceof errors.JWKSNoMatchingKey) return new UnauthenticatedError('the access token is signed with a key the issuer does not publish');
  return new UnauthenticatedError('the access token is not valid');
}
