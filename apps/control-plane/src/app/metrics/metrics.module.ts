import { Global, Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import type { Registry } from 'prom-client';
import { createMetricsRegistry, HttpMetrics } from '@base-shift/observability';
import { RequestIdMiddleware } from '../http/request-id.middleware';
import { HttpMetricsMiddleware } from './http-metrics.middleware';
import { METRICS_REGISTRY } from './metrics-registry.token';
import { MetricsServer } from './metrics-server';
import { ScrapeReads } from './scrape-reads';

export { METRICS_REGISTRY };

/** The process's one metrics registry, shared by every module that records metrics, served by MetricsServer on METRICS_PORT. */
@Global()
@Module({
  providers: [
    { provide: METRICS_REGISTRY, useFactory: () => createMetricsRegistry('control-plane') },
    { provide: HttpMetrics, inject: [METRICS_REGISTRY], useFactory: (registry: Registry) => new HttpMetrics(registry) },
    { provide: ScrapeReads, inject: [METRICS_REGISTRY], useFactory: (registry: Registry) => new ScrapeReads(registry) },
    HttpMetricsMiddleware,
    RequestIdMiddleware,
    MetricsServer,
  ],
  exports: [METRICS_REGISTRY, HttpMetrics, ScrapeReads, MetricsServer],
})
export class MetricsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestIdMiddleware, HttpMetricsMiddleware).forRoutes('{*path}');
  }
}
