import { randomBytes } from 'node:crypto';
import type { CoreV1Event, V1ObjectReference } from '@kubernetes/client-node';
import { getLogger, withTimeout } from '@base-shift/core';
import { EXECUTOR_SELECTOR, executorPodName, leaderLeaseName, type ExecutorSettings } from '../driver/executor-settings';
import type { DeleteOptions, ExecutorPod, PodChange, PodDriver, PodEvent } from '../driver/pod-driver.port';
import type { PoolConfig } from '../pools/pool-config';
import { buildExecutorPod } from './executor-pod-spec';
import type { KubeConnection } from './kube-connection';
import { statusCodeOf, toPodApiError } from './kube-errors';
import { PodInformer, type RelistReason } from './pod-informer';
import { toExecutorPod } from './pod-status';

export interface KubernetesPodDriverOptions {
  settings: ExecutorSettings;
  /** This replica's pod (POD_NAME): events about the control plane itself name it. */
  selfPodName?: string;
  /** Who reports events (this replica's name). */
  reportingInstance: string;
  /** A control plane whose leader Lease was last renewed longer ago than this (ms) is dead. Default 120000. */
  orphanAfterMs?: number;
  watchTimeoutSeconds?: number;
  onRelist?: (reason: RelistReason) => void;
}

/**
 * PodDriver on the Kubernetes API: executor pods in one namespace, tracked by a
 * list+watch informer over every base-shift executor pod (any owner, so orphans
 * are visible), created from buildExecutorPod, deleted with a grace period.
 */
export class KubernetesPodDriver implements PodDriver {
  readonly kind = 'kubernetes' as const;
  private readonly logger = getLogger(KubernetesPodDriver.name);
  readonly informer: PodInformer;

  constructor(
    private readonly kube: KubeConnection,
    private readonly options: KubernetesPodDriverOptions,
  ) {
    this.informer = new PodInformer(kube.core, kube.watch, {
      namespace: kube.namespace,
      labelSelector: EXECUTOR_SELECTOR,
      watchTimeoutSeconds: options.watchTimeoutSeconds,
      onRelist: options.onRelist,
    });
  }

  get namespace(): string {
    return this.kube.namespace;
  }

  async start(): Promise<void> {
    try {
      await this.informer.start();
    } catch (error) {
      throw toPodApiError(`listing pods in namespace ${this.kube.namespace}`, error);
    }
  }

  stop(): Promise<void> {
    return this.informer.stop();
  }

  list(): ExecutorPod[] {
    return this.informer.list().map(toExecutorPod);
  }

  async create(pool: PoolConfig): Promise<ExecutorPod> {
    const name = executorPodName(pool.name);
    const body = buildExecutorPod(pool, this.options.settings, name, this.kube.namespace);
    try {
      const created = await this.kube.core.createNamespacedPod({ namespace: this.kube.namespace, body });
      this.informer.upsert(created);
      return toExecutorPod(created);
    } catch (error) {
      throw toPodApiError(`creating pod ${name} of pool ${pool.name}`, error);
    }
  }

  async delete(name: string, options: DeleteOptions): Promise<void> {
    try {
      const pod = await this.kube.core.deleteNamespacedPod({
        name,
        namespace: this.kube.namespace,
        gracePeriodSeconds: options.graceSeconds,
        body: { gracePeriodSeconds: options.graceSeconds, propagationPolicy: 'Background' },
      });
      // Graceful: the pod drains and stops counting as capacity now. Immediate: it is gone.
      if (pod?.metadata?.deletionTimestamp && (pod.metadata.deletionGracePeriodSeconds ?? 0) > 0) this.informer.upsert(pod);
      else this.informer.forget(name);
    } catch (error) {
      if (statusCodeOf(error) === 404) {
        this.informer.forget(name);
        return;
      }
      throw toPodApiError(`deleting pod ${name}`, error);
    }
  }

  onChange(listener: (change: PodChange) => void): () => void {
    return this.informer.onEvent((type, pod) => listener({ type, pod: toExecutorPod(pod) }));
  }

  /** A core/v1 Event about the pod, or about this control plane; failures are logged, never thrown. */
  async recordEvent(event: PodEvent): Promise<void> {
    const namespace = this.kube.namespace;
    const subject = this.subjectOf(event.podName);
    const now = new Date();
    const body: CoreV1Event = {
      metadata: { name: `${subject.name}.${now.getTime().toString(16)}${randomBytes(3).toString('hex')}`, namespace },
      involvedObject: subject,
      type: event.type,
      reason: event.reason,
      message: event.message.slice(0, 1024),
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      source: { component: 'base-shift-control-plane' },
      reportingComponent: 'base-shift.io/control-plane',
      reportingInstance: this.options.reportingInstance,
    };
    try {
      await this.kube.core.createNamespacedEvent({ namespace, body });
    } catch (error) {
      this.logger.warn(`could not record event ${event.reason}: ${toPodApiError('creating an event', error).message}`);
    }
  }

  async isControlPlaneAlive(controlPlaneId: string): Promise<boolean> {
    try {
      const lease = await this.kube.coordination.readNamespacedLease({ name: leaderLeaseName(controlPlaneId), namespace: this.kube.namespace });
      const renewed = lease.spec?.renewTime ?? lease.spec?.acquireTime;
      if (!renewed) return false;
      return Date.now() - new Date(renewed).getTime() < (this.options.orphanAfterMs ?? 120_000);
    } catch (error) {
      if (statusCodeOf(error) === 404) return false;
      // Unsure is alive: deleting another control plane's pods on a hiccup would be worse than waiting.
      return true;
    }
  }

  /** GET /version: every authenticated client may read it (system:public-info-viewer), so it needs no extra RBAC. */
  async checkHealth(timeoutMs: number): Promise<void> {
    try {
      await withTimeout(this.kube.version.getCode(), timeoutMs);
    } catch (error) {
      throw toPodApiError('reaching the Kubernetes API server', error);
    }
  }

  private subjectOf(podName: string | undefined): V1ObjectReference {
    const namespace = this.kube.namespace;
    const name = podName ?? this.options.selfPodName;
    if (name) {
      const uid = this.informer.get(name)?.metadata?.uid;
      return { apiVersion: 'v1', kind: 'Pod', name, namespace, ...(uid && { uid }) };
    }
    return { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', name: leaderLeaseName(this.options.settings.controlPlaneId), namespace };
  }
}
