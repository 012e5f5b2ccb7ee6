import { CodedError } from '@base-shift/core';

/** Every code an auth error carries; the edge maps them (401, 403, 400, 404) with an exhaustive `switch`. */
export type AuthErrorCode = 'AUTH.UNAUTHENTICATED' | 'AUTH.FORBIDDEN' | 'AUTH.INVALID' | 'AUTH.NOT_FOUND';

/** Auth errors carry a stable `code` (`AUTH.*`); map codes, never messages. */
export abstract class AuthError extends CodedError<AuthErrorCode> {}

/**
 * Thrown when a request carries no credentials, or ones that do not prove who
 * is calling. For API keys the message is the same whether the key is
 * malformed, unknown, revoked, expired or has a wrong secret, so a caller
 * cannot probe which ids exist.
 */
export class UnauthenticatedError extends AuthError {
  readonly code = 'AUTH.UNAUTHENTICATED';
  constructor(message = 'the request carries no valid credentials') {
    super(message);
    this.name = 'UnauthenticatedError';
  }
}

/** Thrown when an authenticated caller lacks a scope the action needs; `missingScope` names it. */
export class ForbiddenError extends AuthError {
  readonly code = 'AUTH.FORBIDDEN';
  constructor(readonly missingScope: string) {
    super(`this action needs the scope ${JSON.stringify(missingScope)}, which the credentials do not grant`);
    this.name = 'ForbiddenError';
  }
}

/** Thrown when an argument breaks a rule (a name, a scope list, an expiry, a cursor, an option); `field` names it. Nothing was written. */
export class InvalidAuthArgumentError extends AuthError {
  readonly code = 'AUTH.INVALID';
  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`${field} ${problem}`);
    this.name = 'InvalidAuthArgumentError';
  }
}

/** Thrown when no API key has that id (never created, or revoked). */
export class ApiKeyNotFoundError extends AuthError {
  readonly code = 'AUTH.NOT_FOUND';
  constructor(readonly id: string) {
    super(`no API key has the id ${JSON.stringify(id)}`);
    this.name = 'ApiKeyNotFoundError';
  }
}
