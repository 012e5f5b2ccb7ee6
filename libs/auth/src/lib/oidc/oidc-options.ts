import { InvalidAuthArgumentError } from '../errors/auth-errors';

export interface OidcVerifierOptions {
  /** The issuer, exactly as tokens name it in `iss` (e.g. `https://login.example.com/realms/main`). */
  issuerUrl: string;
  /** The audience this API is, exactly as tokens name it in `aud`. */
  audience: string;
  /** The claim that holds the scopes, a space-separated string or an array (default `scope`; Azure AD uses `scp`). */
  scopesClaim?: string;
  /** Clock skew tolerated for `exp`, `nbf` and `iat` (default 30 s). */
  clockToleranceSeconds?: number;
  /** After a key-set fetch, how long a token with an unknown `kid` is refused without fetching again (default 30 s). */
  jwksCooldownMs?: number;
  /** How long a fetched key set is trusted before it is fetched again (default 10 min). */
  jwksMaxAgeMs?: number;
  /** Deadline of each HTTP request to the issuer (default 5 s). */
  httpTimeoutMs?: number;
}

export type CompiledOidcOptions = Required<OidcVerifierOptions>;

const DEFAULTS = { scopesClaim: 'scope', clockToleranceSeconds: 30, jwksCooldownMs: 30_000, jwksMaxAgeMs: 600_000, httpTimeoutMs: 5_000 };

/** Validates the options and fills in the defaults, naming every bad field in its own error. */
export function compileOidcOptions(options: OidcVerifierOptions): CompiledOidcOptions {
  const compiled = { ...DEFAULTS, ...withoutUndefined(options) };
  checkIssuerUrl(compiled.issuerUrl, 'issuerUrl');
  for (const field of ['audience', 'scopesClaim'] as const) {
    if (typeof compiled[field] !== 'string' || compiled[field].length === 0) {
      throw new InvalidAuthArgumentError(field, `must be a non-empty string (got ${JSON.stringify(compiled[field])})`);
    }
  }
  for (const field of ['clockToleranceSeconds', 'jwksCooldownMs', 'jwksMaxAgeMs', 'httpTimeoutMs'] as const) {
    if (!Number.isInteger(compiled[field]) || compiled[field] < 0) {
      throw new InvalidAuthArgumentError(field, `must be an integer of 0 or more (got ${String(compiled[field])})`);
    }
  }
  return compiled;
}

/**
 * The issuer's endpoints must be https: keys fetched over plain http could be
 * swapped by anyone on the path, who could then sign any token. Loopback is
 * the exception, for tests and local development.
 */
export function checkIssuerUrl(value: unknown, field: string): URL {
  let url: URL;
  try {
    url = new URL(String(value));
  } catch {
    throw new InvalidAuthArgumentError(field, `must be an absolute URL (got ${JSON.stringify(value)})`);
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new InvalidAuthArgumentError(field, `must be an https URL (plain http only on loopback) (got ${JSON.stringify(value)})`);
  }
  return url;
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
