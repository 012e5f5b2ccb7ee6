import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension, ApiForbiddenResponse, ApiSecurity, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Scope } from '@base-shift/auth';

export const REQUIRED_SCOPES = 'base-shift:required-scopes';
export const IS_PUBLIC = 'base-shift:public';
/** The OpenAPI security scheme's name (declared in openapi.ts). */
export const BEARER_SCHEME = 'bearer';

/**
 * The scopes a handler (REST route, SSE stream, GraphQL root field) needs;
 * `admin` grants every scope. Every handler declares this or `@Public()`:
 * the global AuthGuard refuses anything else, and the app does not start.
 */
export function RequireScopes(...scopes: [Scope, ...Scope[]]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(REQUIRED_SCOPES, scopes),
    ApiSecurity(BEARER_SCHEME, scopes),
    ApiExtension('x-required-scopes', scopes),
    ApiUnauthorizedResponse({ description: 'No valid bearer token (WWW-Authenticate: Bearer), application/problem+json.' }),
    ApiForbiddenResponse({ description: `The token lacks the scope ${scopes.join(', ')}.` }),
    ApiTooManyRequestsResponse({ description: 'Rate limit of the caller exceeded (Retry-After).' }),
  );
}

/** A handler anyone may call without credentials (probes). */
export function Public(): MethodDecorator & ClassDecorator {
  return SetMetadata(IS_PUBLIC, true);
}
