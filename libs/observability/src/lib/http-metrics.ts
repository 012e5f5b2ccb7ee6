import { Counter, Histogram, type Registry } from 'prom-client';
import { METRIC_PREFIX } from './metrics-registry';

/** Latency buckets for API calls, in seconds (1 ms … 10 s). */
const HTTP_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export type ApiKind = 'rest' | 'graphql';

/**
 * Request durations by route template (never the raw URL, which would carry ids)
 * and status. GraphQL requests are labelled by operation type instead of route.
 */
export class HttpMetrics {
  private readonly duration: Histogram<'api' | 'method' | 'route' | 'status'>;
  private readonly refusals: Counter<'api' | 'route' | 'status' | 'reason'>;

  constructor(registry: Registry) {
    this.duration = new Histogram({
      name: `${METRIC_PREFIX}http_request_duration_seconds`,
      help: 'Duration of HTTP API requests by API kind, method, route template and status code.',
      labelNames: ['api', 'method', 'route', 'status'],
      buckets: HTTP_BUCKETS,
      registers: [registry],
    });
    this.refusals = new Counter({
      name: `${METRIC_PREFIX}http_refusals_total`,
      help: 'Requests refused with 429 or 503 and Retry-After (back-pressure, a rate limit or a store out of reach), by route, status and reason.',
      labelNames: ['api', 'route', 'status', 'reason'],
      registers: [registry],
    });
  }

  observe(api: ApiKind, method: string, route: string, status: number, seconds: number): void {
    this.duration.observe({ api, method, route, status: String(status) }, seconds);
  }

  /** A 429/503: `reason` is a short bounded word (e.g. creates_in_flight, pool_queue_full, redis_unavailable). */
  refused(api: ApiKind, route: string, status: number, reason: string): void {
    this.refusals.inc({ api, route, status: String(status), reason });
  }
}
