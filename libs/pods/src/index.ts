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
export { POOL_DEFAULTS, MANAGED_EXECUTOR_ENV, type PoolConfig, type ResourceList } from './lib/pools/pool-config';
export { parsePoolConfig, isValidPoolName } from './lib/pools/parse-pool-config';
export { loadPoolConfigFile, defaultPools } from './lib/pools/load-pool-config';
export { parseQuantity } from './lib/pools/quantity';

// The driver port and its adapters
export { POD_DRIVER, type ContainerTrouble, type DeleteOptions, type ExecutorPod, type PodChange, type PodDriver, type PodEvent, type PodPhase } from './lib/driver/pod-driver.port';
export {
  CONTROL_PLANE_ID,
  DEFAULT_METRICS_PORT,
  DEFAULT_SECRETS_DIR,
  EXECUTOR_SELECTOR,
  LABELS,
  executorPodName,
  leaderLeaseName,
  type ExecutorSettings,
} from './lib/driver/executor-settings';
export { KubernetesPodDriver, type KubernetesPodDriverOptions } from './lib/kubernetes/kubernetes-pod-driver';
export { PodInformer, type InformerEvent, type PodInformerOptions, type RelistReason } from './lib/kubernetes/pod-informer';
export { PodCache } from './lib/kubernetes/pod-cache';
export { buildExecutorPod } from './lib/kubernetes/executor-pod-spec';
export { toExecutorPod } from './lib/kubernetes/pod-status';
export { connectKube, loadKubeConfig, runningInCluster, type KubeConnection } from './lib/kubernetes/kube-connection';
export { LocalPodDriver, type LocalPodDriverOptions } from './lib/local/local-pod-driver';

// Autoscaling and health
export { desiredPods } from './lib/autoscaler/desired-pods';
export { Autoscaler, type AutoscalerOptions, type ScaleOutcome } from './lib/autoscaler/autoscaler';
export { TokenBucket } from './lib/autoscaler/token-bucket';
export { ApiBackoff } from './lib/autoscaler/api-backoff';
export { HealthMonitor, type HealthMonitorOptions, type HealthReport } from './lib/health/health-monitor';
export { brokenReason, countsAsCapacity, type BrokenReason } from './lib/health/pod-health';
export { QUEUE_VIEW, type LeasedJobRef, type PoolLoad, type QueueView } from './lib/load/pool-load.port';
export { QueueLoadReader } from './lib/load/queue-load-reader';

// Leadership
export { LEADER_ELECTOR, type LeaderElector } from './lib/leadership/leader-elector.port';
export { KubernetesLeaseElector, type KubernetesLeaseElectorOptions } from './lib/leadership/kubernetes-lease-elector';
export { RedisLockElector, type RedisLockElectorOptions } from './lib/leadership/redis-lock-elector';
export { Leadership, type LeadershipCallbacks, type LeadershipOptions } from './lib/leadership/leadership';

// Resource optimization
export { TemplateStatsStore, type TemplateStats } from './lib/templates/template-stats-store';
export { templateUsage, type TemplateUsage } from './lib/templates/template-usage';
export { JobDurationTracker } from './lib/templates/job-duration-tracker';

// The manager
export { PodKeys } from './lib/keys/pod-keys';
export { PodMetrics, type PodMetricsSources } from './lib/metrics/pod-metrics';
export { PoolStatusStore, type PoolStatus } from './lib/manager/pool-status';
export { PodManager, type Evaluation, type PodManagerDependencies, type PodManagerOptions, type PoolView } from './lib/manager/pod-manager';
export { createPodManager, type PodManagementConfig } from './lib/manager/create-pod-manager';

// Errors (stable codes PODS.*)
export { ExecutorNotBuiltError, PodApiError, PodsError, PoolConfigError } from './lib/errors/pod-errors';
