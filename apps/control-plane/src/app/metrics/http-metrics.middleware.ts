import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { HttpMetrics } from '@base-shift/observability';
import { refusalReason } from './refusal-reason';

const UNMATCHED_ROUTE = 'unmatched';

@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: HttpMetrics) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const started = process.hrtime.bigint();
    response.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      // req.route is set by express once a handler matched: its path is the template
      // (`/workflows/:id`), so ids never become label values.
      const route = (request.route as { path?: string } | undefined)?.path ?? UNMATCHED_ROUTE;
      const api = route === '/graphql' ? 'graphql' : 'rest';
      if (route === '/metrics') return;
      this.metrics.observe(api, request.method, route, response.statusCode, seconds);
      // Only refusals that told the caller when to come back (not /readyz's 503).
      if ((response.statusCode === 429 || response.statusCode === 503) && response.getHeader('Retry-After') !== undefined)
        this.metrics.refused(api, route, response.statusCode, refusalReason(response));
    });
    next();
  }
}
