import { collectDefaultMetrics, Registry } from 'prom-client';

/** Every metric this project defines starts with this, per Prometheus naming practice. */
export const METRIC_PREFIX = 'base_shift_';

// prom-client also exports these gauges with a `_total` suffix, which Prometheus
// reserves for counters (promtool flags them); the same numbers stay available
// as nodejs_active_handles / _requests / _resources.
const MISNAMED_DEFAULTS = ['nodejs_active_handles_total', 'nodejs_active_requests_total', 'nodejs_active_resources_total'];

/**
 * One registry per process (not prom-client's global one), so tests that build
 * several apps in one process never register a metric twice.
 */
export function createMetricsRegistry(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  registerDefaultMetrics(registry);
  return registry;
}

/** prom-client's process and Node.js metrics, minus the ones promtool rejects. */
export function registerDefaultMetrics(registry: Registry): void {
  collectDefaultMetrics({ register: registry });
  for (const name of MISNAMED_DEFAULTS) registry.removeSingleMetric(name);
}
