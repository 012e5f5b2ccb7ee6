import { Controller, Get, Global, Header, Inject, Module, Res, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import type { Response } from 'express';
import type { Registry } from 'prom-client';
import { createMetricsRegistry, HttpMetrics } from '@base-shift/observability';
import { RequestIdMiddleware } from '../http/request-id.middleware';
import { HttpMetricsMiddleware } from './http-metrics.middleware';
import { METRICS_REGISTRY } from './metrics-registry.token';
import { ScrapeReads } from './scrape-reads';

export { METRICS_REGISTRY };

@Controller()
class MetricsController {
  constructor(@Inject(METRICS_REGISTRY) private readonly registry: Registry) {}

  @Get('metrics')
  @Header('Cache-Control', 'no-store')
  async metrics(@Res({ passthrough: true }) response: Response): Promise<string> {
    response.type(this.registry.contentType);
    return this.registry.metrics();
  }
}

/** The process's one metrics registry, shared by every module that records metrics. */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [
    { provide: METRICS_REGISTRY, useFactory: () => createMetricsRegistry('control-plane') },
    { provide: HttpMetrics, inject: [METRICS_REGISTRY], useFactory: (registry: Registry) => new HttpMetrics(registry) },
    { provide: ScrapeReads, inject: [METRICS_REGISTRY], useFactory: (registry: Registry) => new ScrapeReads(registry) },
    HttpMetricsMiddleware,
    RequestIdMiddleware,
  ],
  exports: [METRICS_REGISTRY, HttpMetrics, ScrapeReads],
})
export class MetricsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestIdMiddleware, HttpMetricsMiddleware).forRoutes('{*path}');
  }
}
