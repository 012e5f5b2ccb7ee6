import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension, ApiSecurity } from '@nestjs/swagger';
import type { Scope } from '@base-shift/auth';

export const REQUIRED_SCOPES = 'base-shift:required-scopes';
export const IS_PUBLIC = 'base-shift:public';
/** The OpenAPI security schemes (declared in openapi.ts): an API key or an OIDC access token, both as a bearer token. */
export const API_KEY_SCHEME = 'apiKey';
export const OIDC_SCHEME = 'oidc';

/**
 * The scopes a handler (REST route, SSE stream, GraphQL root field) needs;
 * `admin` grants every scope. Every handler declares this or `@Public()`:
 * the global AuthGuard refuses anything else, and the app does not start.
 */
export function RequireScopes(...scopes: [Scope, ...Scope[]]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(REQUIRED_SCOPES, scopes),
    // Either scheme will do. The scopes go in x-required-scopes, not in the requirement: OpenAPI 3.1 allows
    // role names there for http schemes, but linters (Spectral's oas3-operation-security-defined) only know OAuth2 scopes.
    ApiSecurity(API_KEY_SCHEME),
    ApiSecurity(OIDC_SCHEME),
    // openapi.ts adds the 401, 403, 429 and 503 answers of the guard to every operation that has these.
    ApiExtension('x-required-scopes', scopes),
  );
}

/** A handler anyone may call without credentials (probes). */
export function Public(): MethodDecorator & ClassDecorator {
  return SetMetadata(IS_PUBLIC, true);
}
