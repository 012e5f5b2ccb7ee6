// What the control plane tells the console before anyone signs in (GET /ui/config.json): whether to
// offer single sign-on, at which issuer, with which public client and scopes.

export interface ConsoleOidc {
  issuer: string;
  clientId: string;
  /** Space-separated, as the authorization request sends them. */
  scopes: string;
}

/** The `oidc` of /ui/config.json, or null when it is null or not what the control plane sends. */
export function parseConsoleConfig(body: unknown): ConsoleOidc | null {
  const oidc = (body as { oidc?: unknown } | null)?.oidc as Record<string, unknown> | null | undefined;
  if (!oidc || typeof oidc !== 'object') return null;
  const { issuer, clientId, scopes } = oidc;
  if (typeof issuer !== 'string' || typeof clientId !== 'string' || typeof scopes !== 'string' || !issuer || !clientId) return null;
  return { issuer, clientId, scopes };
}

export type ConsoleConfigLoader = () => Promise<ConsoleOidc | null>;

/**
 * Reads /ui/config.json from the page's origin. Any failure (an older control plane, the dev server
 * without a control plane) means no single sign-on: the API key form still works.
 */
export const loadConsoleConfig: ConsoleConfigLoader = async () => {
  try {
    const response = await fetch(new URL('/ui/config.json', window.location.origin), { headers: { accept: 'application/json' } });
    return response.ok ? parseConsoleConfig(await response.json()) : null;
  } catch {
    return null;
  }
};
