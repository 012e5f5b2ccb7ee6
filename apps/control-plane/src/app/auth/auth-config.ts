import { accessSync, constants } from 'node:fs';
import type { EnvReader } from '@base-shift/config';

export const AUTH_MODES = ['api-keys', 'none'] as const;
export type AuthMode = (typeof AUTH_MODES)[number];

export interface OidcConfig {
  issuerUrl: string;
  audience: string;
  /** The claim holding the token's scopes (default `scope`; Azure AD: `scp`). */
  scopesClaim: string;
}

/**
 * The operator console's single sign-on: a public OAuth client (authorization code with PKCE, no secret)
 * registered at the issuer. Everything here is sent to any browser by GET /ui/config.json: nothing secret.
 */
export interface ConsoleOidcConfig {
  issuerUrl: string;
  clientId: string;
  /** Space-separated scopes the console asks for (default `openid`). */
  scopes: string;
}

export interface AuthConfig {
  /** `api-keys` (default): every call but /healthz and /readyz needs a bearer token. `none`: local experiments only. */
  mode: AuthMode;
  /** A file holding an API key that is made an admin key at start (the first key of a fresh install). */
  bootstrapKeyFile?: string;
  /** OIDC access tokens are accepted next to API keys when set. */
  oidc?: OidcConfig;
  /** The console offers "Sign in with single sign-on" when set (needs `oidc`). */
  consoleOidc?: ConsoleOidcConfig;
  /** Per caller (API key id, token subject): sustained requests per second and burst. */
  rate: { perSecond: number; burst: number };
}

/**
 * AUTH_MODE, AUTH_BOOTSTRAP_KEY_FILE, OIDC_ISSUER_URL, OIDC_AUDIENCE, OIDC_SCOPES_CLAIM, OIDC_CONSOLE_CLIENT_ID,
 * OIDC_CONSOLE_SCOPES, AUTH_RATE_PER_SECOND, AUTH_RATE_BURST.
 */
export function loadAuthConfig(env: EnvReader): AuthConfig {
  const mode = env.oneOf('AUTH_MODE', AUTH_MODES, 'api-keys');
  const bootstrapKeyFile = env.optionalString('AUTH_BOOTSTRAP_KEY_FILE');
  if (bootstrapKeyFile !== undefined) {
    try {
      accessSync(bootstrapKeyFile, constants.R_OK);
    } catch {
      env.fail('AUTH_BOOTSTRAP_KEY_FILE', `names ${JSON.stringify(bootstrapKeyFile)}, which cannot be read`);
    }
  }
  const issuerUrl = env.optionalString('OIDC_ISSUER_URL');
  let oidc: OidcConfig | undefined;
  if (issuerUrl !== undefined) {
    env.url('OIDC_ISSUER_URL', ['https:', 'http:']);
    oidc = {
      issuerUrl,
      audience: env.string('OIDC_AUDIENCE'),
      scopesClaim: env.string('OIDC_SCOPES_CLAIM', 'scope'),
    };
  } else if (env.optionalString('OIDC_AUDIENCE') !== undefined) {
    env.fail('OIDC_AUDIENCE', 'is set but OIDC_ISSUER_URL is not: set both, or neither');
  }
  const consoleOidc = loadConsoleOidc(env, issuerUrl);
  const perSecond = positiveNumber(env, 'AUTH_RATE_PER_SECOND', 50);
  const burst = env.int('AUTH_RATE_BURST', { default: 100, min: 1, max: 1_000_000 });
  return { mode, bootstrapKeyFile, oidc, ...(consoleOidc && { consoleOidc }), rate: { perSecond, burst } };
}

/** A scope token (RFC 6749 §3.3): printable ASCII but space, `"` and `\`. */
const SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]+$/;

function loadConsoleOidc(env: EnvReader, issuerUrl: string | undefined): ConsoleOidcConfig | undefined {
  const clientId = env.optionalString('OIDC_CONSOLE_CLIENT_ID');
  const rawScopes = env.optionalString('OIDC_CONSOLE_SCOPES');
  if (clientId === undefined) {
    if (rawScopes !== undefined)
      env.fail('OIDC_CONSOLE_SCOPES', 'is set but OIDC_CONSOLE_CLIENT_ID is not: the console signs in with OIDC only with a client id');
    return undefined;
  }
  if (issuerUrl === undefined) {
    env.fail('OIDC_CONSOLE_CLIENT_ID', 'is set but OIDC_ISSUER_URL is not: the console signs in at the issuer the API accepts tokens from');
    return undefined;
  }
  const scopes = (rawScopes ?? 'openid').split(/\s+/);
  const bad = scopes.find((scope) => !SCOPE_TOKEN.test(scope));
  if (bad !== undefined) env.fail('OIDC_CONSOLE_SCOPES', `must be space-separated scope names (printable ASCII, no " or \\), got ${JSON.stringify(bad)}`);
  return { issuerUrl, clientId, scopes: scopes.join(' ') };
}

function positiveNumber(env: EnvReader, name: string, fallback: number): number {
  const raw = env.optionalString(name);
  if (raw === undefined) return fallback;
  const value = /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : NaN;
  if (!(value > 0 && value <= 1_000_000)) {
    env.fail(name, `must be a number above 0 and at most 1000000 (fractions allowed), got ${JSON.stringify(raw)}`);
    return fallback;
  }
  return value;
}
