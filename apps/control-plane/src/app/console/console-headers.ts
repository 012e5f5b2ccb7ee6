import type { Response } from 'express';

/**
 * The console loads nothing but its own files and talks only to this origin: no inline script or style,
 * no CDN, no fonts from elsewhere (the system font stack), images from itself or data: URLs.
 * `frame-ancestors 'none'`: no other site may frame it (click-jacking the Retry or Purge buttons).
 * With single sign-on, `connect-src` adds exactly the issuer's origin (the browser reads its discovery
 * document and calls its token endpoint); going to its sign-in page is a top-level navigation, which
 * connect-src does not govern.
 */
export function consoleContentSecurityPolicy(issuerOrigin?: string): string {
  return [
    "default-src 'self'",
    issuerOrigin ? `connect-src 'self' ${issuerOrigin}` : "connect-src 'self'",
    "img-src 'self' data:",
    "style-src 'self'",
    "script-src 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The policy without single sign-on: this origin only. */
export const CONSOLE_CONTENT_SECURITY_POLICY = consoleContentSecurityPolicy();

/** Hashed file names change with their content, so a browser may keep them for a year without asking again. */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
/** index.html (and the unhashed files) are revalidated each time: an upgrade names new assets and must reach the browser. */
export const REVALIDATE_CACHE = 'no-cache';

export function setConsoleSecurityHeaders(response: Response, contentSecurityPolicy: string = CONSOLE_CONTENT_SECURITY_POLICY): void {
  response.setHeader('Content-Security-Policy', contentSecurityPolicy);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  // The one-time sign-in link carries the key in the fragment, which browsers never send; no Referer either way.
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('X-Frame-Options', 'DENY');
}
