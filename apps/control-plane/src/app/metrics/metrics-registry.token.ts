/** DI token of the process's one prom-client Registry (see MetricsModule). */
export const METRICS_REGISTRY = Symbol('METRICS_REGISTRY');
