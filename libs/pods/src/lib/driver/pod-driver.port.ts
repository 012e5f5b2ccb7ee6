import type { PoolConfig } from '../pools/pool-config';

/** The Kubernetes pod phases; the local driver maps its processes onto them. */
export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';

/** Why a pod's container is in trouble, as far as its status tells. */
export type ContainerTrouble = 'CrashLoopBackOff' | 'OOMKilled' | 'ImagePullBackOff' | 'ErrImagePull' | 'CreateContainerConfigError';

/** An executor pod as the pod manager sees it, whichever driver runs it. */
export interface ExecutorPod {
  /** Pod name; also the executor id its leases carry (EXECUTOR_ID). */
  name: string;
  /** The pool label, or undefined on a pod that lacks it. */
  pool?: string;
  /** The control-plane label: which control plane created (owns) it. */
  controlPlaneId?: string;
  phase: PodPhase;
  ready: boolean;
  /** ms since the epoch. */
  createdAt: number;
  /** When the Ready condition last changed (ms), if known. */
  readySince?: number;
  /** Deletion requested: the pod is draining or gone soon; it no longer counts as capacity. */
  deleting: boolean;
  /** A container's current or last termination / waiting reason that means the pod is broken. */
  trouble?: ContainerTrouble;
  /** Node lost / kubelet stopped reporting (Ready condition Unknown, reason NodeLost). */
  nodeLost?: boolean;
  /** Free text for logs and events (exit code, message). */
  detail?: string;
}

/** What changed in the pod list: drivers call listeners on every change. */
export type PodChange = { type: 'added' | 'modified' | 'deleted'; pod: ExecutorPod };

/** How the pod manager deletes a pod. */
export interface DeleteOptions {
  /** Seconds the executor gets to drain (SIGTERM → SIGKILL); 0 kills at once. */
  graceSeconds: number;
}

/**
 * The port the autoscaler and the health monitor use to run executor pods.
 * Adapters: KubernetesPodDriver (the production one) and LocalPodDriver (child
 * processes on this machine).
 */
export interface PodDriver {
  readonly kind: 'kubernetes' | 'local';
  /** Begins tracking pods (informer / process table); resolves once the first list is in. */
  start(): Promise<void>;
  /** Stops tracking. The local driver also stops the processes it started. */
  stop(): Promise<void>;
  /** Every executor pod the driver can see, any owner, from its cache (no API call). */
  list(): ExecutorPod[];
  /** Creates one executor pod of the pool, owned by this control plane. Throws PodApiError on refusal. */
  create(pool: PoolConfig): Promise<ExecutorPod>;
  /** Deletes (drains) a pod; a pod that is already gone is not an error. Throws PodApiError on refusal. */
  delete(name: string, options: DeleteOptions): Promise<void>;
  /** Subscribes to changes; returns the unsubscribe function. */
  onChange(listener: (change: PodChange) => void): () => void;
  /** Records an operator-visible event (a Kubernetes Event with the kubernetes driver; a log line otherwise). */
  recordEvent(event: PodEvent): Promise<void>;
  /** Whether the control plane with this id is alive (holds a live lease); used to find orphan pods. */
  isControlPlaneAlive(controlPlaneId: string): Promise<boolean>;
  /** Resolves if the driver can work now (the API server answers), rejects with why not: for /readyz. */
  checkHealth(timeoutMs: number): Promise<void>;
}

export interface PodEvent {
  type: 'Normal' | 'Warning';
  /** UpperCamelCase, e.g. PodCreateFailed, ExecutorReplaced. */
  reason: string;
  message: string;
  /** The pod the event is about; the control plane itself when undefined. */
  podName?: string;
}
