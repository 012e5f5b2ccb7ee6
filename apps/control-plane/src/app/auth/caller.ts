import type { Request } from 'express';
import type { Scope } from '@base-shift/auth';

/** Who is calling: a verified principal, or everyone under AUTH_MODE=none. */
export interface Caller {
  readonly kind: 'api-key' | 'oidc' | 'anonymous';
  readonly subject: string;
  readonly scopes: readonly Scope[];
}

export const ANONYMOUS_ADMIN: Caller = { kind: 'anonymous', subject: 'anonymous', scopes: ['admin'] };

type WithCaller = Request & { caller?: Caller };

export function callerOf(request: Request): Caller | undefined {
  return (request as WithCaller).caller;
}

export function setCaller(request: Request, caller: Caller): void {
  (request as WithCaller).caller = caller;
}
