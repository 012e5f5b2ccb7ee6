import type { LeasedJob } from '@base-shift/queue';
import { KubeHarness } from './kube-harness';
import { eventually } from './kube-test-namespace';

// Real kube-apiserver (KUBECONFIG of the test environment) and real Redis; the
// test plays the kubelet (pod status) and the executors (leases), and drives
// evaluations itself, so "within one interval" means "in one evaluation".
describe('autoscaling executor pods on Kubernetes', () => {
  let harness: KubeHarness;

  beforeAll(async () => {
    harness = await KubeHarness.start('autoscale', {
      pools: [{ name: 'default', maxPods: 8, jobsPerPod: 10, scaleDownDelaySeconds: 30, readyDeadlineSeconds: 3600 }],
    });
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('answers a burst of 200 jobs with pods up to max in one evaluation, and no more after', async () => {
    expect(await harness.manager.evaluate()).toMatchObject({ pools: [{ pool: 'default', desired: 0, pods: 0, action: 'hold' }] });
    await harness.enqueue('default', 200);

    const first = await harness.manager.evaluate();
    expect(first?.pools[0]).toMatchObject({ desired: 8, pods: 8, queued: 200, action: 'up' });
    expect(await harness.kube.podNames()).toHaveLength(8);
    const [pod] = await harness.kube.pods();
    expect(pod.metadata?.labels).toMatchObject({
      app: 'base-shift',
      component: 'job-executor',
      'base-shift.io/pool': 'default',
      'base-shift.io/control-plane': 'test-cp',
    });

    const second = await harness.manager.evaluate();
    expect(second?.pools[0]).toMatchObject({ desired: 8, pods: 8, action: 'hold' });
    expect(await harness.kube.podNames()).toHaveLength(8);
    expect(await harness.metric('base_shift_autoscaler_decisions_total')).toContain('base_shift_autoscaler_decisions_total{pool="default",direction="up"} 1');
    expect(await harness.metric('base_shift_executor_pods_desired')).toContain('base_shift_executor_pods_desired{pool="default"} 8');
  });

  it('scales down only after the delay, and only idle pods: busy ones keep their jobs', async () => {
    const pods = harness.ours('default').sort((a, b) => a.createdAt - b.createdAt || a.name.localeCompare(b.name));
    for (const pod of pods) await harness.kube.markRunning(pod.name);
    await eventually(() => harness.ours('default').every((pod) => pod.ready), 'the informer seeing every pod Ready');

    // Every pod takes 10 jobs; then all but three finish theirs, and those three keep one job each.
    const held = new Map<string, LeasedJob[]>();
    for (const pod of pods) held.set(pod.name, await harness.lease('default', pod.name, 10));
    await harness.complete(await harness.lease('default', 'someone-else', 200));
    expect((await harness.manager.evaluate())?.pools[0]).toMatchObject({ desired: 8, inFlight: 80, action: 'hold' });

    // The three newest pods are the ones a scale-down would pick first: make them the busy ones.
    const busy = pods.slice(-3).map((pod) => pod.name);
    for (const [name, jobs] of held) await harness.complete(busy.includes(name) ? jobs.slice(1) : jobs);

    const early = await harness.manager.evaluate();
    expect(early?.pools[0]).toMatchObject({ desired: 1, inFlight: 3, pods: 8, action: 'hold', blockedBy: 'scale-down-delay' });
    harness.clock.advance(29_000);
    expect((await harness.manager.evaluate())?.pools[0]).toMatchObject({ pods: 8, blockedBy: 'scale-down-delay' });

    harness.clock.advance(1_000);
    const late = await harness.manager.evaluate();
    expect(late?.pools[0]).toMatchObject({ desired: 1, pods: 3, action: 'down', blockedBy: 'busy-pods' });
    expect(await harness.kube.podNames()).toEqual([...busy].sort());

    // The busy pods finish: now they may go too, down to what the one remaining job needs... which is none.
    for (const name of busy) await harness.complete(held.get(name)?.slice(0, 1) ?? []);
    const done = await harness.manager.evaluate();
    expect(done?.pools[0]).toMatchObject({ desired: 0, pods: 0, action: 'down' });
    expect(await harness.kube.podNames()).toEqual([]);
  });
});
