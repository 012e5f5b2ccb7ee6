import { KubeHarness } from './kube-harness';
import { eventually } from './kube-test-namespace';

const OOM_KILLED = {
  phase: 'Failed',
  conditions: [{ type: 'Ready', status: 'False', lastTransitionTime: new Date() }],
  containerStatuses: [
    {
      name: 'job-executor',
      image: 'base-shift/job-executor:v1.0.0',
      imageID: '',
      ready: false,
      restartCount: 0,
      state: { terminated: { reason: 'OOMKilled', exitCode: 137 } },
    },
  ],
};

describe('health monitoring of executor pods on Kubernetes', () => {
  let harness: KubeHarness;

  beforeAll(async () => {
    harness = await KubeHarness.start('health', {
      pools: [
        { name: 'small', minPods: 2, maxPods: 4, jobsPerPod: 5, readyDeadlineSeconds: 60, resources: { limits: { memory: '128Mi' } } },
        { name: 'large', minPods: 0, maxPods: 2, resources: { requests: { memory: '1Gi' }, limits: { memory: '2Gi' } } },
      ],
    });
    await harness.manager.evaluate();
    for (const pod of harness.ours('small')) await harness.kube.markRunning(pod.name);
    await eventually(() => harness.ours('small').filter((pod) => pod.ready).length === 2, 'two Ready pods');
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it.each([
    ['OOMKilled', OOM_KILLED],
    ['Failed', { phase: 'Failed', message: 'the node was drained' }],
  ] as const)('replaces a pod that is %s at once and re-queues the jobs it held', async (reason, status) => {
    const [victim] = harness.ours('small').filter((pod) => pod.ready);
    await harness.enqueue('small', 3, 'report_builder');
    const leased = await harness.lease('small', victim.name, 3);
    expect(leased).toHaveLength(3);

    await harness.kube.setStatus(victim.name, status);
    await eventually(() => harness.driver.list().find((pod) => pod.name === victim.name && pod.phase === 'Failed'), 'the informer seeing the failure');

    const evaluation = await harness.manager.evaluate();
    expect(evaluation?.health.replaced).toEqual([{ pod: victim.name, pool: 'small', reason, requeued: 3 }]);
    // The jobs wait in the queue again (a retry, counted as a failed attempt), no lease has to expire first.
    expect(await harness.queue.stats('small')).toMatchObject({ queued: 3, leased: 0 });
    for (const job of leased) expect(await harness.queue.getJob('small', job.id)).toMatchObject({ state: 'queued', failures: 1 });
    // The replacement came in the same evaluation: minPods is back.
    const names = await harness.kube.podNames();
    expect(names).not.toContain(victim.name);
    expect(names).toHaveLength(2);
    expect(evaluation?.pools.find((p) => p.pool === 'small')).toMatchObject({ pods: 2 });
    const events = await harness.kube.core.listNamespacedEvent({ namespace: harness.kube.namespace, fieldSelector: `involvedObject.name=${victim.name}` });
    expect(events.items.map((event) => [event.reason, event.type])).toContainEqual(['ExecutorReplaced', 'Warning']);
    expect(await harness.metric('base_shift_pod_replacements_total')).toContain(`base_shift_pod_replacements_total{pool="small",reason="${reason}"} 1`);

    // Clean slate for the next case: take the re-queued jobs out.
    await harness.complete(await harness.lease('small', 'cleanup', 10));
    for (const pod of harness.ours('small')) if (!pod.ready) await harness.kube.markRunning(pod.name);
    await eventually(() => harness.ours('small').filter((pod) => pod.ready).length === 2, 'two Ready pods again');
  });

  it('blames the templates an OOMKilled pod was running and recommends a larger pool for them', async () => {
    const usage = await harness.manager.templateUsage();
    expect(usage).toEqual([expect.objectContaining({ templateId: 'report_builder', pool: 'small', oomKills: 3, recommendedPool: 'large' })]);
  });

  it('replaces a pod that stays not Ready past the deadline', async () => {
    const [stuck] = harness.ours('small');
    await harness.kube.setStatus(stuck.name, { conditions: [{ type: 'Ready', status: 'False', lastTransitionTime: new Date(harness.clock.now) }] });
    await eventually(() => harness.driver.list().find((pod) => pod.name === stuck.name && !pod.ready), 'the informer seeing the pod unready');
    expect((await harness.manager.evaluate())?.health.replaced).toEqual([]);
    harness.clock.advance(61_000);
    const evaluation = await harness.manager.evaluate();
    expect(evaluation?.health.replaced).toEqual([{ pod: stuck.name, pool: 'small', reason: 'NotReady', requeued: 0 }]);
  });

  it('drains orphans: pods of a control plane without a live lease, without an owner, or of a pool no longer configured', async () => {
    await harness.kube.putLease('alive-cp-leader', 'alive-cp-0', new Date());
    await harness.kube.putLease('dead-cp-leader', 'dead-cp-0', new Date(Date.now() - 3_600_000));
    const orphanSpec = (name: string, labels: Record<string, string>) => ({
      metadata: { name, labels: { app: 'base-shift', component: 'job-executor', ...labels } },
      spec: { containers: [{ name: 'job-executor', image: 'base-shift/job-executor:v1.0.0' }] },
    });
    const create = (name: string, labels: Record<string, string>) =>
      harness.kube.core.createNamespacedPod({ namespace: harness.kube.namespace, body: orphanSpec(name, labels) });
    await create('of-a-live-cp', { 'base-shift.io/control-plane': 'alive-cp', 'base-shift.io/pool': 'default' });
    await create('of-a-dead-cp', { 'base-shift.io/control-plane': 'dead-cp', 'base-shift.io/pool': 'default' });
    await create('of-a-vanished-cp', { 'base-shift.io/control-plane': 'never-existed', 'base-shift.io/pool': 'default' });
    await create('without-owner', { 'base-shift.io/pool': 'default' });
    await create('of-a-removed-pool', { 'base-shift.io/control-plane': 'test-cp', 'base-shift.io/pool': 'retired' });
    await eventually(() => harness.driver.list().length >= 7, 'the informer seeing the foreign pods');

    const evaluation = await harness.manager.evaluate();
    expect(evaluation?.health.orphans.sort()).toEqual(['of-a-dead-cp', 'of-a-removed-pool', 'of-a-vanished-cp', 'without-owner']);
    const left = await harness.kube.podNames();
    expect(left).toContain('of-a-live-cp');
    expect(left.filter((name) => name.startsWith('of-a-') || name === 'without-owner')).toEqual(['of-a-live-cp']);
  });
});
