import type { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import type { GraphQLResolveInfo } from 'graphql';

/** What the audit trail says was attempted: `POST /workflows/:id/cancel` on `/workflows/wf-1/cancel`, `graphql createJobTemplate` on `orders`. */
export interface AuditedAction {
  action: string;
  target: string;
  /** A state-changing call (non-GET HTTP, GraphQL mutation): recorded even when allowed. */
  changesState: boolean;
}

export function requestOf(context: ExecutionContext): Request {
  if (context.getType<string>() === 'graphql') return GqlExecutionContext.create(context).getContext<{ req: Request }>().req;
  return context.switchToHttp().getRequest<Request>();
}

export function requestIdOf(request: Request): string {
  const response = request.res as Response | undefined;
  return String(response?.getHeader('x-request-id') ?? '');
}

export function auditedAction(context: ExecutionContext): AuditedAction {
  if (context.getType<string>() === 'graphql') {
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<GraphQLResolveInfo>();
    const args = gql.getArgs<Record<string, unknown>>();
    const input = args['input'] as Record<string, unknown> | undefined;
    // createJobTemplate names the template templateId (id is its older alias).
    const target = args['id'] ?? input?.['templateId'] ?? input?.['id'] ?? '';
    return { action: `graphql ${info.fieldName}`, target: String(target), changesState: info.operation.operation === 'mutation' };
  }
  const request = context.switchToHttp().getRequest<Request>();
  // The route template, so one kind of call is one action; the concrete path is the target.
  const route = (request.route as { path?: string } | undefined)?.path ?? request.path;
  return {
    action: `${request.method} ${route}`,
    target: request.originalUrl.split('?')[0],
    changesState: !['GET', 'HEAD', 'OPTIONS'].includes(request.method),
  };
}
