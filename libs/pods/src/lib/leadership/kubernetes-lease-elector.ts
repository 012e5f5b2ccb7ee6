import { V1MicroTime, type CoordinationV1Api, type V1Lease } from '@kubernetes/client-node';
import { statusCodeOf, toPodApiError } from '../kubernetes/kube-errors';
import type { LeaderElector } from './leader-elector.port';

export interface KubernetesLeaseElectorOptions {
  namespace: string;
  leaseName: string;
  identity: string;
  leaseDurationSeconds: number;
  /** Monotonic-enough local clock (ms); injectable so tests decide when a lease has expired. */
  clock?: () => number;
}

/**
 * Leader election on a coordination.k8s.io/v1 Lease, the client-go algorithm:
 * a lease held by someone else is taken over only after its record stayed
 * unchanged for leaseDurationSeconds as observed on OUR clock (never by
 * comparing the holder's renewTime with our clock: no clock-skew assumptions).
 * Every write carries the resourceVersion read, so two candidates racing for an
 * expired lease cannot both win: the loser gets 409 Conflict.
 */
export class KubernetesLeaseElector implements LeaderElector {
  readonly identity: string;
  readonly leaseDurationMs: number;
  private observed?: { key: string; at: number };
  private readonly clock: () => number;

  constructor(
    private readonly coordination: CoordinationV1Api,
    private readonly options: KubernetesLeaseElectorOptions,
  ) {
    this.identity = options.identity;
    this.leaseDurationMs = options.leaseDurationSeconds * 1000;
    this.clock = options.clock ?? Date.now;
  }

  async tryAcquireOrRenew(): Promise<boolean> {
    const { namespace, leaseName: name } = this.options;
    let lease: V1Lease;
    try {
      lease = await this.coordination.readNamespacedLease({ name, namespace });
    } catch (error) {
      if (statusCodeOf(error) !== 404) throw toPodApiError(`reading Lease ${name}`, error);
      return this.create();
    }
    const spec = lease.spec ?? {};
    const key = recordKey(lease);
    const now = this.clock();
    if (this.observed?.key !== key) this.observed = { key, at: now };
    const holder = spec.holderIdentity;
    const duration = (spec.leaseDurationSeconds ?? this.options.leaseDurationSeconds) * 1000;
    if (holder && holder !== this.identity && this.observed.at + duration > now) return false;

    const stamp = new V1MicroTime();
    const ours = holder === this.identity;
    const next: V1Lease = {
      ...lease,
      spec: {
        ...spec,
        holderIdentity: this.identity,
        leaseDurationSeconds: this.options.leaseDurationSeconds,
        renewTime: stamp,
        acquireTime: ours && spec.acquireTime ? spec.acquireTime : stamp,
        leaseTransitions: ours ? (spec.leaseTransitions ?? 0) : (spec.leaseTransitions ?? 0) + 1,
      },
    };
    return this.replace(next);
  }

  async release(): Promise<void> {
    const { namespace, leaseName: name } = this.options;
    try {
      const lease = await this.coordination.readNamespacedLease({ name, namespace });
      if (lease.spec?.holderIdentity !== this.identity) return;
      const stamp = new V1MicroTime();
      // client-go's release: no holder, and a 1 s duration, so any follower acquires at once.
      await this.coordination.replaceNamespacedLease({
        name,
        namespace,
        body: { ...lease, spec: { ...lease.spec, holderIdentity: undefined, leaseDurationSeconds: 1, renewTime: stamp, acquireTime: stamp } },
      });
    } catch (error) {
      if (statusCodeOf(error) === 404 || statusCodeOf(error) === 409) return;
      throw toPodApiError(`releasing Lease ${name}`, error);
    }
  }

  private async create(): Promise<boolean> {
    const { namespace, leaseName: name } = this.options;
    const stamp = new V1MicroTime();
    try {
      const created = await this.coordination.createNamespacedLease({
        namespace,
        body: {
          apiVersion: 'coordination.k8s.io/v1',
          kind: 'Lease',
          metadata: { name, namespace, labels: { app: 'base-shift', component: 'control-plane' } },
          spec: {
            holderIdentity: this.identity,
            leaseDurationSeconds: this.options.leaseDurationSeconds,
            acquireTime: stamp,
            renewTime: stamp,
            leaseTransitions: 0,
          },
        },
      });
      this.observe(created);
      return true;
    } catch (error) {
      if (statusCodeOf(error) === 409) return false; // another candidate created it first
      throw toPodApiError(`creating Lease ${name}`, error);
    }
  }

  private async replace(lease: V1Lease): Promise<boolean> {
    const { namespace, leaseName: name } = this.options;
    try {
      this.observe(await this.coordination.replaceNamespacedLease({ name, namespace, body: lease }));
      return true;
    } catch (error) {
      if (statusCodeOf(error) === 409) return false; // someone wrote it since we read it
      throw toPodApiError(`updating Lease ${name}`, error);
    }
  }

  private observe(lease: V1Lease): void {
    this.observed = { key: recordKey(lease), at: this.clock() };
  }
}

// Every write changes the resourceVersion: an unchanged key means nobody renewed the lease.
function recordKey(lease: V1Lease): string {
  return `${lease.spec?.holderIdentity ?? ''}|${lease.metadata?.resourceVersion ?? ''}`;
}
