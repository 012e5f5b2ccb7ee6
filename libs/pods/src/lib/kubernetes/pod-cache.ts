import type { V1Pod } from '@kubernetes/client-node';
import { errorMessage, getLogger } from '@base-shift/core';

export type InformerEvent = 'added' | 'modified' | 'deleted';

const TOMBSTONES = 1000;

/**
 * The informer's pods by name, and the changes to report. Besides watch events
 * and relists it takes the objects our own writes returned, so a decision made
 * right after a create or delete sees it; resourceVersions keep an older copy
 * from replacing a newer one, and tombstones keep a late write response from
 * resurrecting a pod whose deletion was already seen.
 */
export class PodCache {
  private readonly logger = getLogger(PodCache.name);
  private readonly pods = new Map<string, V1Pod>();
  private readonly tombstones = new Map<string, string | undefined>();
  private readonly listeners = new Set<(type: InformerEvent, pod: V1Pod) => void>();

  list(): V1Pod[] {
    return [...this.pods.values()];
  }

  get(name: string): V1Pod | undefined {
    return this.pods.get(name);
  }

  onEvent(listener: (type: InformerEvent, pod: V1Pod) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A watch event: the server's word, applied as is. */
  apply(type: 'ADDED' | 'MODIFIED' | 'DELETED', pod: V1Pod): void {
    const name = pod.metadata?.name;
    if (!name) return;
    if (type === 'DELETED') {
      this.pods.delete(name);
      this.bury(name, pod.metadata?.resourceVersion);
      this.emit('deleted', pod);
      return;
    }
    const known = this.pods.has(name);
    this.pods.set(name, pod);
    this.emit(known ? 'modified' : 'added', pod);
  }

  /** An object a write of ours returned: applied unless the cache already has it or newer. */
  upsert(pod: V1Pod): void {
    const name = pod.metadata?.name;
    if (!name) return;
    const known = this.pods.get(name);
    const version = pod.metadata?.resourceVersion;
    if (known && compareVersions(known.metadata?.resourceVersion, version) >= 0) return;
    if (this.tombstones.has(name) && (this.tombstones.get(name) === undefined || compareVersions(this.tombstones.get(name), version) >= 0)) return;
    this.pods.set(name, pod);
    this.emit(known ? 'modified' : 'added', pod);
  }

  /** A pod our own delete removed for good (immediate deletion, or already gone: 404). */
  forget(name: string): void {
    const known = this.pods.get(name);
    if (!known) return;
    this.pods.delete(name);
    this.bury(name, known.metadata?.resourceVersion);
    this.emit('deleted', known);
  }

  /** A full list: replaces everything, reporting what appeared, changed and disappeared meanwhile. */
  replaceAll(items: readonly V1Pod[]): void {
    this.tombstones.clear();
    const fresh = new Map(items.map((pod) => [pod.metadata?.name ?? '', pod]));
    for (const [name, pod] of this.pods) {
      if (!fresh.has(name)) {
        this.pods.delete(name);
        this.emit('deleted', pod);
      }
    }
    for (const [name, pod] of fresh) {
      const known = this.pods.get(name);
      this.pods.set(name, pod);
      if (!known) this.emit('added', pod);
      else if (known.metadata?.resourceVersion !== pod.metadata?.resourceVersion) this.emit('modified', pod);
    }
  }

  private bury(name: string, resourceVersion: string | undefined): void {
    this.tombstones.set(name, resourceVersion);
    if (this.tombstones.size > TOMBSTONES) this.tombstones.delete(this.tombstones.keys().next().value as string);
  }

  private emit(type: InformerEvent, pod: V1Pod): void {
    for (const listener of this.listeners) {
      try {
        listener(type, pod);
      } catch (error) {
        this.logger.error(`pod listener failed: ${errorMessage(error)}`);
      }
    }
  }
}

// resourceVersions are opaque strings; etcd's are integers, and only for those is an order assumed.
function compareVersions(a: string | undefined, b: string | undefined): number {
  if (!a || !b || !/^\d+$/.test(a) || !/^\d+$/.test(b)) return -1;
  const [x, y] = [BigInt(a), BigInt(b)];
  return x === y ? 0 : x > y ? 1 : -1;
}
