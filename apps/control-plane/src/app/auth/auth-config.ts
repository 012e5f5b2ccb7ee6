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

export interface AuthConfig {
  /** `api-keys` (default): every call but /healthz and /readyz needs a bearer token. `none`: local experiments only. */
  mode: AuthMode;
  /** A file holding an API key that is made an admin key at start (the first key of a fresh install). */
  bootstrapKeyFile?: string;
  /** OIDC access tokens are accepted next to API keys when set. */
  oidc?: OidcConfig;
  /** Per caller (API key id, token subject): sustained requests per second and burst. */
  rate: { perSecond: number; burst: number };
}

/** AUTH_MODE, AUTH_BOOTSTRAP_KEY_FILE, OIDC_ISSUER_URL, OIDC_AUDIENCE, OIDC_SCOPES_CLAIM, AUTH_RATE_PER_SECOND, AUTH_RATE_BURST. */
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
  const perSecond = positiveNumber(env, 'AUTH_RATE_PER_SECOND', 50);
  const burst = env.int('AUTH_RATE_BURST', { default: 100, min: 1, max: 1_000_000 });
  return { mode, bootstrapKeyFile, oidc, rate: { perSecond, burst } };
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
