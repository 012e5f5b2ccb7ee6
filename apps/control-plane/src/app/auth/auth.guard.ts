import { Inject, Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AuditLog, Authenticator, ForbiddenError, RateLimiter, requireScopes, type Scope } from '@base-shift/auth';
import { errorMessage } from '@base-shift/core';
import { CONTROL_PLANE_CONFIG, type ControlPlaneConfig } from '../config/control-plane-config';
import { accessAnswer, accessGraphqlError, isAccessError } from './access-error';
import { auditedAction, requestIdOf, requestOf } from './audited-action';
import { IS_PUBLIC, REQUIRED_SCOPES } from './auth.decorators';
import { ANONYMOUS_ADMIN, callerOf, setCaller, type Caller } from './caller';
import { RateLimitedError } from './rate-limited.error';

/**
 * The one global guard (APP_GUARD) of every REST route, SSE stream and GraphQL
 * root field: a handler runs only if it is `@Public()` or the caller's
 * credentials grant its `@RequireScopes(...)`. A handler that declares
 * neither is refused (deny by default; HandlerMetadataCheck also stops the
 * app from starting with one).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    @Inject(CONTROL_PLANE_CONFIG) private readonly config: ControlPlaneConfig,
    @Inject(Authenticator) private readonly authenticator: Authenticator,
    @Inject(RateLimiter) private readonly rateLimiter: RateLimiter,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = requestOf(context);
    try {
      const required = this.reflector.getAllAndOverride<Scope[] | undefined>(REQUIRED_SCOPES, targets);
      const caller = await this.identify(request);
      // Deny by default: a handler that declares no scopes is open to nobody, not to everybody.
      if (!required || required.length === 0) throw new ForbiddenError('(none declared by this handler)');
      requireScopes(caller.scopes, required);
      return true;
    } catch (error) {
      if (!isAccessError(error)) throw error;
      await this.recordDenial(context, request, accessAnswer(error).status);
      throw context.getType<string>() === 'graphql' ? accessGraphqlError(error) : error;
    }
  }

  /** Authenticates and takes a rate-limit token once per request (a GraphQL request may reach several root fields). */
  private async identify(request: Request): Promise<Caller> {
    const known = callerOf(request);
    if (known) return known;
    if (this.config.auth.mode === 'none') {
      setCaller(request, ANONYMOUS_ADMIN);
      return ANONYMOUS_ADMIN;
    }
    const principal = await this.authenticator.authenticate(request.headers.authorization);
    const caller: Caller = { kind: principal.kind, subject: principal.subject, scopes: principal.scopes };
    setCaller(request, caller);
    const decision = await this.rateLimiter.take(`${caller.kind}:${caller.subject}`);
    if (!decision.allowed) throw new RateLimitedError(decision.retryAfterSeconds);
    return caller;
  }

  private async recordDenial(context: ExecutionContext, request: Request, status: number): Promise<void> {
    const { action, target } = auditedAction(context);
    await this.audit
      .record({
        actor: callerOf(request)?.subject ?? 'unauthenticated',
        action,
        target,
        outcome: 'denied',
        status,
        requestId: requestIdOf(request),
      })
      // The trail must not turn a 401 into a 500; the failure is logged instead.
      .catch((error: unknown) => this.logger.error(`audit record failed: ${errorMessage(error)}`));
  }
}
