/**
 * @base-shift/pods — executor pod management for the control plane.
 *
 * A PodDriver port with two adapters (KubernetesPodDriver: pods through the
 * Kubernetes API, tracked by a list+watch informer; LocalPodDriver: child
 * processes), pools from YAML/JSON, an autoscaler sizing each pool from queue
 * depth + in-flight jobs, a health monitor that replaces broken pods and
 * re-queues their jobs at once, leader election (a Kubernetes Lease or a Redis
 * lock) so one replica acts, and per-template run statistics.
 */

// Pools
export { POOL_DEFAULTS, type PoolConfig } from './lib/pools/pool-config';
export { parsePoolConfig } from './lib/pools/parse-pool-config';
export { loadPoolConfigFile, defaultPools } from './lib/pools/load-pool-config';

export { CONTROL_PLANE_ID, DEFAULT_CONTROL_PLANE_ID } from './lib/driver/executor-settings';

export { buildExecutorPod } from './lib/kubernetes/executor-pod-spec';
export { executorNodeOptions } from './lib/kubernetes/executor-node-options';

export { runningInCluster } from './lib/kubernetes/kube-connection';

// Resource optimization
export { TemplateStatsStore } from './lib/templates/template-stats-store';
export { templateUsage, type TemplateUsage } from './lib/templates/template-usage';

// The manager
export { PodKeys } from './lib/keys/pod-keys';

export { type PoolStatus } from './lib/manager/pool-status';
export { PodManager } from './lib/manager/pod-manager';
export { createPodManager } from './lib/manager/create-pod-manager';

// Errors (stable codes PODS.*)
export { PoolConfigError } from './lib/errors/pod-errors';
