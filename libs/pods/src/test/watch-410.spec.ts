import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CoreV1Api, Watch } from '@kubernetes/client-node';
import { PodInformer } from '../lib/kubernetes/pod-informer';
import { eventually } from './kube-test-namespace';
import { PrivateApiServer, TcpProxy } from './private-apiserver';

const NAMESPACE = 'watch-410';
const SELECTOR = 'app=base-shift,component=job-executor';

function executorPod(name: string) {
  return {
    metadata: { name, labels: { app: 'base-shift', component: 'job-executor' } },
    spec: { containers: [{ name: 'job-executor', image: 'base-shift/job-executor:v1.0.0' }] },
  };
}

/**
 * A forced 410 Gone: the informer is cut off, the API server moves on and
 * restarts, so its watch cache starts after the informer's resourceVersion. The
 * informer's resumed watch gets 410 and must relist, reporting what it missed
 * (a deletion included) and keep watching from the new list.
 */
describe('the pod informer survives a 410 Gone', () => {
  let dir: string;
  let server: PrivateApiServer | undefined;
  let proxy: TcpProxy;
  let informer: PodInformer | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'kube-410-'));
    server = await PrivateApiServer.start(dir);
    proxy = await TcpProxy.start();
    proxy.pointTo(server.port);
  }, 180_000);

  afterAll(async () => {
    await informer?.stop();
    await proxy?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('relists after 410 and sees every change made while it was away', async () => {
    if (!server) throw new Error('no API server');
    let admin = server.kubeConfig().makeApiClient(CoreV1Api);
    await admin.createNamespace({ body: { metadata: { name: NAMESPACE } } });
    await admin.createNamespacedPod({ namespace: NAMESPACE, body: executorPod('before') });

    const viaProxy = server.kubeConfig(proxy.url);
    const events: string[] = [];
    informer = new PodInformer(viaProxy.makeApiClient(CoreV1Api), new Watch(viaProxy), {
      namespace: NAMESPACE,
      labelSelector: SELECTOR,
      minBackoffMs: 50,
      maxBackoffMs: 200,
    });
    informer.onEvent((type, pod) => events.push(`${type} ${pod.metadata?.name}`));
    await informer.start();
    expect(informer.list().map((pod) => pod.metadata?.name)).toEqual(['before']);
    const seenVersion = informer.lastResourceVersion;

    // Cut the informer off, then let the cluster move on: its resourceVersion is now history.
    proxy.pointTo(undefined);
    await admin.createNamespacedConfigMap({ namespace: NAMESPACE, body: { metadata: { name: 'moved-on' } } });
    await server.stop();
    server = await PrivateApiServer.start(dir);
    admin = server.kubeConfig().makeApiClient(CoreV1Api);
    await admin.deleteNamespacedPod({ name: 'before', namespace: NAMESPACE, gracePeriodSeconds: 0 });
    await admin.createNamespacedPod({ namespace: NAMESPACE, body: executorPod('after') });
    proxy.pointTo(server.port);

    await eventually(() => informer?.relistCounts.expired === 1, 'a relist after 410 Gone', { attempts: 400, everyMs: 50 });
    await eventually(
      () =>
        informer
          ?.list()
          .map((pod) => pod.metadata?.name)
          .join() === 'after',
      'the cache matching the server',
    );
    expect(events).toEqual(expect.arrayContaining(['added before', 'deleted before', 'added after']));
    expect(BigInt(informer.lastResourceVersion)).toBeGreaterThan(BigInt(seenVersion));

    // And it keeps watching from the new list.
    await admin.createNamespacedPod({ namespace: NAMESPACE, body: executorPod('later') });
    await eventually(() => informer?.list().some((pod) => pod.metadata?.name === 'later'), 'the watch delivering new pods');
    expect(informer.relistCounts).toEqual({ initial: 1, expired: 1 });
  });
});
