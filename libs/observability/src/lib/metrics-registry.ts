import { collectDefaultMetrics, Registry } from 'prom-client';

/** Every metric this project defines starts with this, per Prometheus naming practice. */
export const METRIC_PREFIX = 'base_shift_';

/**
 * One registry per process (not prom-client's global one), so tests that build
 * several apps in one process never register a metric twice.
 */
export function createMetricsRegistry(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return registry;
}
