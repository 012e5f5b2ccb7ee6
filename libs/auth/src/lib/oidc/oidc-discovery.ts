import { errorMessage, isJsonObject } from '@base-shift/core';
import { checkIssuerUrl } from './oidc-options';
import { IdentityProviderError } from './identity-provider-error';

/**
 * Reads `jwks_uri` from `<issuer>/.well-known/openid-configuration` (OpenID
 * Connect Discovery 1.0). The document must name the same issuer: one that
 * names another would let it vouch for keys of an issuer we never trusted.
 */
export async function discoverJwksUri(issuerUrl: string, timeoutMs: number): Promise<URL> {
  const url = `${issuerUrl.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  let document: unknown;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'error', headers: { accept: 'application/json' } });
    if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
    document = await response.json();
  } catch (error) {
    throw new IdentityProviderError(`OIDC discovery at ${url} failed: ${errorMessage(error)}`, { cause: error });
  }
  if (!isJsonObject(document)) throw new IdentityProviderError(`OIDC discovery at ${url} did not answer a JSON object`);
  if (document['issuer'] !== issuerUrl) {
    throw new IdentityProviderError(
      `OIDC discovery at ${url} names the issuer ${JSON.stringify(document['issuer'])}, not the configured ${JSON.stringify(issuerUrl)}`,
    );
  }
  try {
    return checkIssuerUrl(document['jwks_uri'], 'jwks_uri');
  } catch (error) {
    throw new IdentityProviderError(`OIDC discovery at ${url}: ${errorMessage(error)}`);
  }
}
