import { HttpException } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { AuthError, ForbiddenError, IdentityProviderError, InvalidAuthArgumentError } from '@base-shift/auth';
import { assertNever } from '@base-shift/core';
import { RateLimitedError } from './rate-limited.error';

/** Every error of access control that leaves through the HTTP or GraphQL edge. */
export type AccessError = AuthError | IdentityProviderError | RateLimitedError;

interface AccessAnswer {
  status: number;
  title: string;
  /** The GraphQL `extensions.code`. */
  graphqlCode: string;
  headers: Record<string, string>;
  extensions: Record<string, unknown>;
}

export function isAccessError(error: unknown): error is AccessError {
  return error instanceof AuthError || error instanceof IdentityProviderError || error instanceof RateLimitedError;
}

/** One mapping for REST, SSE and GraphQL; a code without a case fails type-checking. */
export function accessAnswer(error: AccessError): AccessAnswer {
  const code = error.code;
  switch (code) {
    case 'AUTH.UNAUTHENTICATED':
      // RFC 6750: a 401 names the scheme the client must use.
      return { status: 401, title: 'Unauthorized', graphqlCode: 'UNAUTHENTICATED', headers: { 'WWW-Authenticate': 'Bearer' }, extensions: {} };
    case 'AUTH.FORBIDDEN': {
      const scope = (error as ForbiddenError).missingScope;
      return {
        status: 403,
        title: 'Forbidden',
        graphqlCode: 'FORBIDDEN',
        headers: { 'WWW-Authenticate': `Bearer error="insufficient_scope", scope="${scope}"` },
        extensions: { missingScope: scope },
      };
    }
    case 'AUTH.INVALID':
      return {
        status: 400,
        title: 'Invalid request',
        graphqlCode: 'BAD_USER_INPUT',
        headers: {},
        // The field as a JSON Pointer into the body or query, like every other 400.
        extensions: { errors: [{ pointer: `/${(error as InvalidAuthArgumentError).field}`, message: error.message }] },
      };
    case 'AUTH.NOT_FOUND':
      return { status: 404, title: 'API key not found', graphqlCode: 'NOT_FOUND', headers: {}, extensions: {} };
    case 'AUTH.PROVIDER_UNAVAILABLE':
      return { status: 503, title: 'Identity provider unavailable', graphqlCode: 'SERVICE_UNAVAILABLE', headers: { 'Retry-After': '5' }, extensions: {} };
    case 'AUTH.RATE_LIMITED': {
      const retryAfter = String((error as RateLimitedError).retryAfterSeconds);
      return {
        status: 429,
        title: 'Too Many Requests',
        graphqlCode: 'TOO_MANY_REQUESTS',
        headers: { 'Retry-After': retryAfter },
        extensions: { retryAfterSeconds: Number(retryAfter) },
      };
    }
    default:
      return assertNever(code, 'access error code');
  }
}

export function accessHttpException(error: AccessError): HttpException {
  const answer = accessAnswer(error);
  return new HttpException({ title: answer.title, detail: error.message, ...answer.extensions }, answer.status);
}

/** Apollo sets the HTTP status and headers from `extensions.http` (and strips it from the answer). */
export function accessGraphqlError(error: AccessError): GraphQLError {
  const answer = accessAnswer(error);
  return new GraphQLError(error.message, {
    extensions: {
      code: answer.graphqlCode,
      domainCode: error.code,
      ...answer.extensions,
      http: { status: answer.status, headers: new Map(Object.entries(answer.headers).map(([name, value]) => [name.toLowerCase(), value])) },
    },
  });
}
