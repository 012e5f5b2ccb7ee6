import type { ConsoleOidcConfig } from '../auth/auth-config';

/**
 * What the console needs to know before anyone signs in (GET /ui/config.json): whether it offers single
 * sign-on, and at which issuer with which public client. Every browser may read it, so it holds only what
 * the issuer itself publishes or the browser sends it anyway (a public client has no secret).
 */
export interface ConsoleConfigDocument {
  oidc: { issuer: string; clientId: string; scopes: string } | null;
}

export function consoleConfigDocument(consoleOidc: ConsoleOidcConfig | undefined): ConsoleConfigDocument {
  return { oidc: consoleOidc ? { issuer: consoleOidc.issuerUrl, clientId: consoleOidc.clientId, scopes: consoleOidc.scopes } : null };
}

/** The origin the console's browser code calls besides its own (discovery and token endpoint), when it signs in with OIDC. */
export function issuerOrigin(consoleOidc: ConsoleOidcConfig | undefined): string | undefined {
  return consoleOidc ? new URL(consoleOidc.issuerUrl).origin : undefined;
}
