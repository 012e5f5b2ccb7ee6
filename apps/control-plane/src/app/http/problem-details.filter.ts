import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { TemplateError } from '@base-shift/templates';
import { QueueError } from '@base-shift/queue';
import { WorkflowError } from '@base-shift/workflow';
import { accessAnswer, accessHttpException, isAccessError } from '../auth/access-error';
import { queueHttpException } from '../pods/http/queue-http-exception';
import { templateHttpException } from '../templates/http/template-http-exception';
import { workflowHttpException } from '../workflows/http/workflow-http-exception';
import { dependencyUnavailableException, unavailableDependency } from './dependency-unavailable';
import { RetryLaterException } from './retry-later.exception';
import { setRefusalReason } from '../metrics/refusal-reason';

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: unknown[];
  [extension: string]: unknown;
}

/**
 * Every HTTP error leaves as RFC 9457 application/problem+json. Unexpected
 * errors are logged with their stack and answered with a generic 500 that
 * reveals nothing about internals.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(thrown: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw thrown;
    const exception = withDomainMapping(thrown);
    const response = host.switchToHttp().getResponse<Response>();
    const request = host.switchToHttp().getRequest<Request>();
    const problem = toProblem(exception);
    if (problem.status >= 500 && !(exception instanceof HttpException)) {
      this.logger.error(exception instanceof Error ? exception : String(exception), ProblemDetailsFilter.name);
    } else if (problem.status === 503 && exception !== thrown) {
      this.logger.warn(`${problem.detail} (${thrown instanceof Error ? thrown.message : String(thrown)})`);
    }
    problem.instance = request.originalUrl;
    if (isAccessError(thrown)) {
      for (const [name, value] of Object.entries(accessAnswer(thrown).headers)) response.setHeader(name, value);
      if (problem.status === 429) setRefusalReason(response, 'rate_limited');
      if (problem.status === 503) setRefusalReason(response, 'identity_provider_unavailable');
    }
    if (exception instanceof RetryLaterException) {
      response.setHeader('Retry-After', String(exception.retryAfterSeconds));
      setRefusalReason(response, exception.reason);
    }
    response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  }
}

/**
 * A domain error thrown where its controller's mapping does not apply (a
 * guard, a stream, another module) gets the same mapping, never a 500: the
 * one mapping per domain, each an exhaustive switch on the error's code.
 * A lost Redis or MongoDB connection becomes 503 with Retry-After, whatever threw it.
 */
function withDomainMapping(exception: unknown): unknown {
  // A store out of reach is the caller's cue to retry (503), never a 500: the one place it is mapped.
  const unavailable = exception instanceof HttpException ? null : unavailableDependency(exception);
  if (unavailable) return dependencyUnavailableException(unavailable);
  if (exception instanceof WorkflowError) return workflowHttpException(exception);
  if (exception instanceof TemplateError) return templateHttpException(exception);
  if (exception instanceof QueueError) return queueHttpException(exception);
  if (isAccessError(exception)) return accessHttpException(exception);
  return exception;
}

function toProblem(exception: unknown): ProblemDetails {
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const body = exception.getResponse();
    const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : { message: body };
    const { message, error: _error, statusCode: _statusCode, title, detail, ...rest } = fields;
    return {
      type: 'about:blank',
      title: typeof title === 'string' ? title : defaultTitle(status),
      status,
      detail: typeof detail === 'string' ? detail : Array.isArray(message) ? message.join('; ') : String(message ?? exception.message),
      ...rest,
    };
  }
  const parserStatus = bodyParserStatus(exception);
  if (parserStatus) {
    return { type: 'about:blank', title: defaultTitle(parserStatus), status: parserStatus, detail: (exception as Error).message };
  }
  return {
    type: 'about:blank',
    title: defaultTitle(HttpStatus.INTERNAL_SERVER_ERROR),
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    detail: 'An unexpected error occurred; it has been logged.',
  };
}

/** body-parser reports malformed or oversized bodies as plain errors with a 4xx status. */
function bodyParserStatus(exception: unknown): number | undefined {
  if (!(exception instanceof Error)) return undefined;
  const status = (exception as { status?: unknown }).status;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

function defaultTitle(status: number): string {
  const name = HttpStatus[status];
  if (!name) return 'Error';
  return name
    .toLowerCase()
    .split('_')
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join(' ');
}
