import { KubeHarness } from './kube-harness';

/**
 * A real refusal: a ResourceQuota of 2 pods (its status written by the test,
 * as the absent quota controller would). Creations beyond it get 403 Forbidden;
 * the autoscaler must back off, record an Event and a metric, and not retry
 * every evaluation.
 */
describe('autoscaling against API refusals', () => {
  let harness: KubeHarness;

  beforeAll(async () => {
    harness = await KubeHarness.start(
      'api-errors',
      { pools: [{ name: 'default', maxPods: 5, jobsPerPod: 1, readyDeadlineSeconds: 3600 }] },
      { autoscaler: { backoffInitialMs: 1000, backoffMaxMs: 60_000 } },
    );
    await setQuota(2);
  });

  afterAll(async () => {
    await harness?.stop();
  });

  async function setQuota(pods: number): Promise<void> {
    const { core, namespace } = harness.kube;
    const existing = await core.readNamespacedResourceQuota({ name: 'pods', namespace }).catch(() => undefined);
    const quota = existing
      ? await core.replaceNamespacedResourceQuota({ name: 'pods', namespace, body: { ...existing, spec: { hard: { pods: String(pods) } } } })
      : await core.createNamespacedResourceQuota({ namespace, body: { metadata: { name: 'pods' }, spec: { hard: { pods: String(pods) } } } });
    const used = (await harness.kube.pods('')).length;
    await core.replaceNamespacedResourceQuotaStatus({
      name: 'pods',
      namespace,
      body: { ...quota, status: { hard: { pods: String(pods) }, used: { pods: String(used) } } },
    });
  }

  async function apiErrors(): Promise<string> {
    return (await harness.metric('base_shift_pod_api_errors_total'))
      .split('\n')
      .filter((line) => line.startsWith('base_shift_pod_api_errors_total{'))
      .join('\n');
  }

  it('backs off after 403, records an Event and a metric, and retries only when the backoff has passed', async () => {
    await harness.enqueue('default', 5);
    const first = await harness.manager.evaluate();
    expect(first?.pools[0]).toMatchObject({ desired: 5, pods: 2, action: 'up', blockedBy: 'api-backoff' });
    expect(first?.pools[0].lastError).toMatch(/HTTP 403 Forbidden: .*exceeded quota/);
    expect(await harness.kube.podNames()).toHaveLength(2);
    expect(await apiErrors()).toBe('base_shift_pod_api_errors_total{pool="default",code="403"} 3');
    const events = await harness.kube.core.listNamespacedEvent({ namespace: harness.kube.namespace, fieldSelector: 'reason=ExecutorCreateFailed' });
    expect(events.items).toHaveLength(1);
    expect(events.items[0]).toMatchObject({ type: 'Warning', involvedObject: { kind: 'Lease', name: 'test-cp-leader' } });
    expect(events.items[0].message).toContain('exceeded quota');

    // Within the backoff: no calls at all.
    for (let i = 0; i < 3; i += 1) {
      harness.clock.advance(300);
      expect((await harness.manager.evaluate())?.pools[0]).toMatchObject({ pods: 2, action: 'hold', blockedBy: 'api-backoff' });
    }
    expect(await apiErrors()).toBe('base_shift_pod_api_errors_total{pool="default",code="403"} 3');

    // Past it: one more try, refused again, and the next wait is twice as long.
    harness.clock.advance(100);
    await harness.manager.evaluate();
    expect(await apiErrors()).toBe('base_shift_pod_api_errors_total{pool="default",code="403"} 6');
    harness.clock.advance(1000);
    expect((await harness.manager.evaluate())?.pools[0]).toMatchObject({ blockedBy: 'api-backoff' });
    expect(await apiErrors()).toBe('base_shift_pod_api_errors_total{pool="default",code="403"} 6');

    // The quota is raised: after the backoff the pool reaches its size and the backoff resets.
    await setQuota(10);
    harness.clock.advance(1000);
    const recovered = await harness.manager.evaluate();
    expect(recovered?.pools[0]).toMatchObject({ desired: 5, pods: 5, action: 'up' });
    expect(recovered?.pools[0].blockedBy).toBeUndefined();
    expect(await harness.kube.podNames()).toHaveLength(5);
  });
});

describe('the pod creation rate limit', () => {
  let harness: KubeHarness;

  beforeAll(async () => {
    harness = await KubeHarness.start(
      'rate-limit',
      { pools: [{ name: 'default', maxPods: 12, jobsPerPod: 1, readyDeadlineSeconds: 3600 }] },
      { autoscaler: { createBurst: 5, createPerSecond: 2 } },
    );
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('creates a burst at once, then at the sustained rate, until the pool has what it needs', async () => {
    await harness.enqueue('default', 12);
    expect((await harness.manager.evaluate())?.pools[0]).toMatchObject({ desired: 12, pods: 5, action: 'up', blockedBy: 'rate-limit' });
    expect((await harness.manager.evaluate())?.pools[0]).toMatchObject({ pods: 5, action: 'hold', blockedBy: 'rate-limit' });
    harness.clock.advance(1000);
    expect((await harness.manager.evaluate())?.pools[0]).toMatchObject({ pods: 7, action: 'up' });
    harness.clock.advance(10_000);
    const filled = await harness.manager.evaluate();
    expect(filled?.pools[0]).toMatchObject({ pods: 12, action: 'up' });
    expect(filled?.pools[0].blockedBy).toBeUndefined();
    expect(await harness.kube.podNames()).toHaveLength(12);
  });
});
