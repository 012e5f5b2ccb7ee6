import type { V1Pod } from '@kubernetes/client-node';
import { PodCache } from './pod-cache';

const pod = (name: string, resourceVersion: string, deleting = false): V1Pod => ({
  metadata: { name, resourceVersion, ...(deleting && { deletionTimestamp: new Date() }) },
});

describe('the informer cache', () => {
  it('takes our own write results, but never an older copy over a newer one', () => {
    const cache = new PodCache();
    const events: string[] = [];
    cache.onEvent((type, p) => events.push(`${type} ${p.metadata?.name}@${p.metadata?.resourceVersion}`));
    cache.upsert(pod('a', '10'));
    cache.apply('MODIFIED', pod('a', '12'));
    cache.upsert(pod('a', '11', true)); // a delete response that arrives after a newer watch event
    expect(cache.get('a')?.metadata?.resourceVersion).toBe('12');
    expect(events).toEqual(['added a@10', 'modified a@12']);
  });

  it('does not resurrect a pod whose deletion it already saw', () => {
    const cache = new PodCache();
    cache.apply('ADDED', pod('a', '10'));
    cache.apply('DELETED', pod('a', '13'));
    cache.upsert(pod('a', '12', true));
    expect(cache.list()).toEqual([]);
    cache.forget('b'); // unknown: nothing happens
    cache.upsert(pod('b', '14'));
    cache.forget('b');
    cache.upsert(pod('b', '14'));
    expect(cache.list()).toEqual([]);
  });

  it('a relist reports what changed, appeared and vanished meanwhile', () => {
    const cache = new PodCache();
    cache.apply('ADDED', pod('kept', '1'));
    cache.apply('ADDED', pod('changed', '2'));
    cache.apply('ADDED', pod('gone', '3'));
    const events: string[] = [];
    cache.onEvent((type, p) => events.push(`${type} ${p.metadata?.name}`));
    cache.replaceAll([pod('kept', '1'), pod('changed', '5'), pod('new', '6')]);
    expect(events.sort()).toEqual(['added new', 'deleted gone', 'modified changed']);
    expect(
      cache
        .list()
        .map((p) => p.metadata?.name)
        .sort(),
    ).toEqual(['changed', 'kept', 'new']);
  });
});
