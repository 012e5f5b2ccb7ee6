import { Inject, Injectable, Logger, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { catchError, tap, throwError, type Observable } from 'rxjs';
import { AuditLog, type AuditRecord } from '@base-shift/auth';
import { errorMessage } from '@base-shift/core';
import { auditedAction, requestIdOf, requestOf } from './audited-action';
import { callerOf } from './caller';

/**
 * Records every state-changing call that got past the AuthGuard (denials are
 * the guard's to record): HTTP once the response is sent, with its real
 * status; GraphQL mutations when the resolver settles.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  private readonly logger = new Logger(AuditInterceptor.name);

  constructor(@Inject(AuditLog) private readonly audit: AuditLog) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const { action, target, changesState } = auditedAction(context);
    if (!changesState) return next.handle();
    const request = requestOf(context);
    const base = { actor: callerOf(request)?.subject ?? 'anonymous', action, target, requestId: requestIdOf(request) };
    if (context.getType<string>() !== 'graphql') {
      const response = request.res as Response;
      response.once('finish', () => this.record({ ...base, outcome: response.statusCode < 400 ? 'allowed' : 'failed', status: response.statusCode }));
      return next.handle();
    }
    return next.handle().pipe(
      tap(() => this.record({ ...base, outcome: 'allowed' })),
      catchError((error: unknown) => {
        this.record({ ...base, outcome: 'failed' });
        return throwError(() => error);
      }),
    );
  }

  private record(entry: AuditRecord): void {
    this.audit.record(entry).catch((error: unknown) => this.logger.error(`audit record failed: ${errorMessage(error)}`));
  }
}
