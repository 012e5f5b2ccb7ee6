import { Inject, Injectable } from '@nestjs/common';
import { Counter, type Registry } from 'prom-client';
import { METRIC_PREFIX } from '@base-shift/observability';
import type { TemplateObserver, TemplateOperation } from '@base-shift/templates';
import { METRICS_REGISTRY } from './metrics-registry.token';

const OPERATIONS: readonly TemplateOperation[] = ['create', 'publish', 'deprecate'];

/** Counts template documents the store refused (bad schema, unknown step type, bad version...). */
@Injectable()
export class TemplateMetrics implements TemplateObserver {
  private readonly failures: Counter<'operation'>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.failures = new Counter({
      name: `${METRIC_PREFIX}template_validation_failures_total`,
      help: 'Template documents or versions refused as invalid, by operation (create, publish, deprecate).',
      labelNames: ['operation'],
      registers: [registry],
    });
    for (const operation of OPERATIONS) this.failures.inc({ operation }, 0);
  }

  validationFailed(operation: TemplateOperation): void {
    this.failures.inc({ operation });
  }
}
