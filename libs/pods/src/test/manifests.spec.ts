import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { kubectlCommand } from '@base-shift/testing';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { parseAllDocuments } from 'yaml';
import { leaderLeaseName, type ExecutorSettings } from '../lib/driver/executor-settings';
import { connectKube } from '../lib/kubernetes/kube-connection';
import { KubernetesPodDriver } from '../lib/kubernetes/kubernetes-pod-driver';
import { KubernetesLeaseElector } from '../lib/leadership/kubernetes-lease-elector';
import { loadPoolConfigFile } from '../lib/pools/load-pool-config';
import { eventually, KubeTestNamespace } from './kube-test-namespace';

const REPO_ROOT = path.resolve(__dirname, '../../../..');
const SERVICE_ACCOUNT = 'base-shift-control-plane';
const RESTRICTED = { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } };

type Manifest = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; labels?: Record<string, string> }; [key: string]: unknown };

function render(dir: string): Manifest[] {
  const text = execFileSync(kubectlCommand(), ['kustomize', path.join(REPO_ROOT, dir)], { encoding: 'utf8' });
  return parseAllDocuments(text).map((document) => document.toJS() as Manifest);
}

/** The rendered objects moved into the test's namespace (the base's namespace name is fixed). */
function intoNamespace(manifests: Manifest[], namespace: string): Manifest[] {
  return manifests.map((manifest) => {
    const copy = structuredClone(manifest);
    if (copy.kind === 'Namespace') copy.metadata.name = namespace;
    else copy.metadata.namespace = namespace;
    for (const subject of (copy['subjects'] as { namespace?: string }[] | undefined) ?? []) subject.namespace = namespace;
    return copy;
  });
}

function kubectl(kube: KubeTestNamespace, args: string[], manifests: Manifest[]): { status: number | null; stdout: string; stderr: string } {
  // JSON, not YAML: a YAML 1.2 writer would leave strings like "no" unquoted, which kubectl reads as booleans.
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'manifests-')), 'all.json');
  writeFileSync(file, JSON.stringify({ apiVersion: 'v1', kind: 'List', items: manifests }));
  const result = spawnSync(kubectlCommand(), ['--kubeconfig', process.env['KUBECONFIG'] ?? '', ...args, '-f', file], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`kubectl ${args.join(' ')} failed:\n${result.stderr}`);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function byKind(manifests: Manifest[], kind: string): Manifest[] {
  return manifests.filter((manifest) => manifest.kind === kind);
}

describe('k8s/ manifests', () => {
  let kube: KubeTestNamespace;

  beforeAll(async () => {
    kube = await KubeTestNamespace.create('manifests');
    // As the base labels its namespace: pods must meet the restricted Pod Security Standard.
    await kube.core.patchNamespace({
      name: kube.namespace,
      body: [{ op: 'add', path: '/metadata/labels/pod-security.kubernetes.io~1enforce', value: 'restricted' }],
    });
  });

  afterAll(async () => {
    await kube?.delete();
  });

  it('the base renders the control plane and what the pod manager needs', () => {
    const base = render('k8s/base');
    expect(base.map((manifest) => manifest.kind).sort()).toEqual(
      [
        'ConfigMap',
        'ConfigMap',
        'Deployment',
        'Namespace',
        'NetworkPolicy',
        'NetworkPolicy',
        'PodDisruptionBudget',
        'Role',
        'RoleBinding',
        'Service',
        'ServiceAccount',
      ].sort(),
    );
    const [deployment] = byKind(base, 'Deployment') as unknown as Array<{
      spec: {
        replicas: number;
        template: {
          metadata: { annotations: Record<string, string> };
          spec: { serviceAccountName: string; containers: Array<Record<string, { httpGet?: { path: string } }>> };
        };
      };
    }>;
    expect(deployment.spec.replicas).toBe(2);
    expect(deployment.spec.template.spec.serviceAccountName).toBe(SERVICE_ACCOUNT);
    const container = deployment.spec.template.spec.containers[0];
    expect(container['livenessProbe'].httpGet?.path).toBe('/healthz');
    expect(container['readinessProbe'].httpGet?.path).toBe('/readyz');
    expect(deployment.spec.template.metadata.annotations).toMatchObject({ 'prometheus.io/scrape': 'true', 'prometheus.io/path': '/metrics' });
    const [role] = byKind(base, 'Role') as unknown as Array<{ rules: Array<{ resources: string[]; verbs: string[] }> }>;
    expect(role.rules.map((rule) => [rule.resources.join(), rule.verbs.sort().join()])).toEqual([
      ['pods', 'create,delete,get,list,watch'],
      ['leases', 'create,get,update'],
      ['events', 'create'],
    ]);
  });

  it('the pool file the base ships is a valid pool configuration', () => {
    const pools = loadPoolConfigFile(path.join(REPO_ROOT, 'k8s/base/pools.yaml'));
    expect(pools.map((pool) => pool.name)).toEqual(['default', 'large']);
    expect(loadPoolConfigFile(path.join(REPO_ROOT, 'k8s/overlays/dev/pools.yaml')).map((pool) => pool.name)).toEqual(['default']);
  });

  it('the dev overlay adds Redis and MongoDB', () => {
    const dev = render('k8s/overlays/dev');
    expect(
      byKind(dev, 'Deployment')
        .map((manifest) => manifest.metadata.name)
        .sort(),
    ).toEqual(['base-shift-control-plane', 'mongodb', 'redis']);
    expect(
      byKind(dev, 'Service')
        .map((manifest) => manifest.metadata.name)
        .sort(),
    ).toEqual(['base-shift-control-plane', 'mongodb', 'redis']);
    expect(
      byKind(dev, 'Secret')
        .map((manifest) => manifest.metadata.name)
        .sort(),
    ).toEqual(['base-shift-control-plane', 'base-shift-executor', expect.stringMatching(/^redis-users-/)]);
    // Redis loads its users from the generated Secret; executors connect with theirs (see libs/redis/src/lib/acl).
    const redis = byKind(dev, 'Deployment').find((manifest) => manifest.metadata.name === 'redis');
    expect(JSON.stringify(redis)).toMatch(/"--aclfile","\/etc\/redis\/users.acl"/);
    // Persistence is a requirement: AOF every second, no eviction, data on a claim (not an emptyDir).
    expect(JSON.stringify(redis)).toMatch(/"--appendonly","yes","--appendfsync","everysec",.*"--maxmemory-policy","noeviction"/);
    expect(JSON.stringify(redis)).toContain('"persistentVolumeClaim":{"claimName":"redis-data"}');
    expect(byKind(dev, 'PersistentVolumeClaim').map((manifest) => manifest.metadata.name)).toEqual(['redis-data']);
    const config = byKind(dev, 'ConfigMap').find((manifest) => manifest.metadata.name.startsWith('base-shift-control-plane')) as
      { data?: Record<string, string> } | undefined;
    expect(config?.data?.['EXECUTOR_QUEUE_URL_SECRET']).toBe('base-shift-executor/JOB_QUEUE_URL');
  });

  it.each(['k8s/base', 'k8s/overlays/dev'])('every object of %s passes kubectl apply --dry-run=server, Pod Security included', (dir) => {
    const { stdout, stderr } = kubectl(kube, ['apply', '--dry-run=server'], intoNamespace(render(dir), kube.namespace));
    expect(stdout).toContain('deployment.apps/base-shift-control-plane created (server dry run)');
    expect(stderr).not.toMatch(/violate PodSecurity/);
  });

  describe("with the control plane's ServiceAccount token", () => {
    let asControlPlane: KubeConfig;

    beforeAll(async () => {
      const rbac = intoNamespace(render('k8s/base'), kube.namespace).filter((manifest) => ['ServiceAccount', 'Role', 'RoleBinding'].includes(manifest.kind));
      kubectl(kube, ['apply'], rbac);
      const token = await kube.core.createNamespacedServiceAccountToken({
        name: SERVICE_ACCOUNT,
        namespace: kube.namespace,
        body: { spec: { audiences: [], expirationSeconds: 600 } },
      });
      const admin = kube.kubeConfig;
      const cluster = admin.getCurrentCluster();
      if (!cluster || !token.status?.token) throw new Error('no cluster or no token');
      asControlPlane = new KubeConfig();
      asControlPlane.loadFromOptions({
        clusters: [cluster],
        users: [{ name: SERVICE_ACCOUNT, token: token.status.token }],
        contexts: [{ name: 'control-plane', cluster: cluster.name, user: SERVICE_ACCOUNT, namespace: kube.namespace }],
        currentContext: 'control-plane',
      });
    });

    it('the pod manager watches, creates and deletes pods, holds its Lease and records events', async () => {
      const connection = connectKube(asControlPlane, kube.namespace);
      const settings: ExecutorSettings = {
        controlPlaneId: 'rbac-cp',
        queueUrl: 'redis://job-queue:6379',
        keyPrefix: '',
        logLevel: 'info',
        metricsPort: 9464,
        secretsDir: '/var/run/secrets/base-shift',
      };
      const driver = new KubernetesPodDriver(connection, { settings, reportingInstance: 'rbac-test' });
      await driver.start();
      try {
        await driver.checkHealth(2000); // /readyz's API server check
        const [pool] = loadPoolConfigFile(path.join(REPO_ROOT, 'k8s/base/pools.yaml'));
        const pod = await driver.create(pool);
        await eventually(() => driver.list().some((seen) => seen.name === pod.name), 'the watch seeing the new pod');
        await driver.recordEvent({ type: 'Normal', reason: 'RbacCheck', message: 'events can be recorded', podName: pod.name });
        await driver.delete(pod.name, { graceSeconds: 0 });
        await eventually(() => !driver.list().some((seen) => seen.name === pod.name), 'the watch seeing the pod gone');

        const elector = new KubernetesLeaseElector(connection.coordination, {
          namespace: kube.namespace,
          leaseName: leaderLeaseName('rbac-cp'),
          identity: 'rbac-test',
          leaseDurationSeconds: 15,
        });
        expect(await elector.tryAcquireOrRenew()).toBe(true); // create
        expect(await elector.tryAcquireOrRenew()).toBe(true); // update
        expect(await driver.isControlPlaneAlive('rbac-cp')).toBe(true); // get
      } finally {
        await driver.stop();
      }
      const events = await kube.core.listNamespacedEvent({ namespace: kube.namespace, fieldSelector: 'reason=RbacCheck' });
      expect(events.items).toHaveLength(1);
    });

    it('is refused everything else: secrets, pod status, bulk deletes, other namespaces (403)', async () => {
      const core = asControlPlane.makeApiClient(CoreV1Api);
      await expect(core.listNamespacedSecret({ namespace: kube.namespace })).rejects.toMatchObject({ code: 403 });
      await expect(core.readNamespacedSecret({ name: 'anything', namespace: kube.namespace })).rejects.toMatchObject({ code: 403 });
      await expect(core.listNamespacedPod({ namespace: 'default' })).rejects.toMatchObject({ code: 403 });
      await expect(core.listNamespace()).rejects.toMatchObject({ code: 403 });
      await expect(core.deleteCollectionNamespacedPod({ namespace: kube.namespace })).rejects.toMatchObject({ code: 403 });
      const pod = await kube.core.createNamespacedPod({
        namespace: kube.namespace,
        body: {
          metadata: { name: 'status-probe' },
          spec: {
            containers: [{ name: 'c', image: 'base-shift/job-executor:v1.0.0', securityContext: RESTRICTED }],
            securityContext: { runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: 'RuntimeDefault' } },
          },
        },
      });
      await expect(core.replaceNamespacedPodStatus({ name: 'status-probe', namespace: kube.namespace, body: pod })).rejects.toMatchObject({ code: 403 });
    });
  });
});
