import { CoordinationV1Api, CoreV1Api, KubeConfig, V1MicroTime, type V1Pod, type V1PodStatus } from '@kubernetes/client-node';
import { requireTestEnv, uniqueName } from '@base-shift/testing';

/**
 * A namespace of its own on the test API server (KUBECONFIG from the test
 * environment), as the admin. There is no kubelet: tests play its part by
 * writing pod status through the status subresource.
 */
export class KubeTestNamespace {
  readonly core: CoreV1Api;
  readonly coordination: CoordinationV1Api;

  private constructor(
    readonly kubeConfig: KubeConfig,
    readonly namespace: string,
  ) {
    this.core = kubeConfig.makeApiClient(CoreV1Api);
    this.coordination = kubeConfig.makeApiClient(CoordinationV1Api);
  }

  static async create(label: string): Promise<KubeTestNamespace> {
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromFile(requireTestEnv('KUBECONFIG'));
    const namespace = uniqueName(label)
      .toLowerCase()
      .replace(/[^a-z0-9-]/g, '-')
      .slice(0, 63)
      .replace(/-+$/, '');
    const space = new KubeTestNamespace(kubeConfig, namespace);
    await space.core.createNamespace({ body: { metadata: { name: namespace, labels: { 'base-shift.io/test': 'true' } } } });
    return space;
  }

  async pods(labelSelector = 'app=base-shift,component=job-executor'): Promise<V1Pod[]> {
    return (await this.core.listNamespacedPod({ namespace: this.namespace, labelSelector })).items;
  }

  async podNames(labelSelector?: string): Promise<string[]> {
    return (await this.pods(labelSelector)).map((pod) => pod.metadata?.name ?? '').sort();
  }

  /** What the kubelet would report for a started, healthy executor. */
  async markRunning(name: string): Promise<void> {
    const now = new Date();
    await this.setStatus(name, {
      phase: 'Running',
      conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: now }],
      containerStatuses: [
        {
          name: 'job-executor',
          image: 'base-shift/job-executor:v1.0.0',
          imageID: '',
          ready: true,
          restartCount: 0,
          started: true,
          state: { running: { startedAt: now } },
        },
      ],
    });
  }

  async setStatus(name: string, status: V1PodStatus): Promise<void> {
    const pod = await this.core.readNamespacedPod({ name, namespace: this.namespace });
    await this.core.replaceNamespacedPodStatus({ name, namespace: this.namespace, body: { ...pod, status: { ...pod.status, ...status } } });
  }

  /** A Lease as a live (or long dead) control plane would hold it. */
  async putLease(name: string, holder: string, renewedAt: Date): Promise<void> {
    await this.coordination.createNamespacedLease({
      namespace: this.namespace,
      body: {
        metadata: { name },
        spec: {
          holderIdentity: holder,
          leaseDurationSeconds: 15,
          renewTime: new V1MicroTime(renewedAt.getTime()),
          acquireTime: new V1MicroTime(renewedAt.getTime()),
        },
      },
    });
  }

  /**
   * Deletes everything in the namespace, then the namespace. Without a
   * controller-manager nobody would empty it and clear its finalizer, so this
   * does both, and the namespace is really gone.
   */
  async delete(): Promise<void> {
    const namespace = this.namespace;
    await this.core.deleteCollectionNamespacedPod({ namespace, gracePeriodSeconds: 0 }).catch(() => undefined);
    await this.core.deleteCollectionNamespacedEvent({ namespace }).catch(() => undefined);
    await this.coordination.deleteCollectionNamespacedLease({ namespace }).catch(() => undefined);
    await this.core.deleteCollectionNamespacedConfigMap({ namespace }).catch(() => undefined);
    await this.core.deleteCollectionNamespacedSecret({ namespace }).catch(() => undefined);
    await this.core.deleteCollectionNamespacedServiceAccount({ namespace }).catch(() => undefined);
    await this.core.deleteCollectionNamespacedResourceQuota({ namespace }).catch(() => undefined);
    await this.core.deleteNamespace({ name: namespace }).catch(() => undefined);
    const current = await this.core.readNamespace({ name: namespace }).catch(() => undefined);
    if (current) {
      await this.core.replaceNamespaceFinalize({ name: namespace, body: { ...current, spec: { finalizers: [] } } }).catch(() => undefined);
    }
  }
}

export { eventually } from '@base-shift/testing';
