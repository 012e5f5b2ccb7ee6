import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { buildExecutorPod, defaultPools } from '@base-shift/pods';
import { kubectlCommand } from '@base-shift/testing';
import { DASHBOARD_FILE, MONITORING_DIR, readYaml, RULES_FILE } from '../support/monitoring-files';

type Manifest = { kind: string; metadata: { name: string; labels?: Record<string, string> }; spec?: Record<string, unknown>; data?: Record<string, string> };
type PodTemplate = { metadata: { labels: Record<string, string> }; spec: { containers: Array<{ ports?: Array<{ name?: string }> }> } };
type PodMonitorSpec = { selector: { matchLabels: Record<string, string> }; podMetricsEndpoints: Array<{ port: string; path: string }> };

/** `kubectl kustomize` of an overlay that adds the monitoring component to k8s/overlays/dev. */
function renderWithMonitoring(): Manifest[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'bs-kustomize-'));
  try {
    const relative = (target: string) => path.relative(dir, target);
    writeFileSync(
      path.join(dir, 'kustomization.yaml'),
      [
        'apiVersion: kustomize.config.k8s.io/v1beta1',
        'kind: Kustomization',
        'resources:',
        `  - ${relative(path.join(MONITORING_DIR, '../overlays/dev'))}`,
        'components:',
        `  - ${relative(MONITORING_DIR)}`,
        '',
      ].join('\n'),
    );
    return parseAllDocuments(execFileSync(kubectlCommand(), ['kustomize', dir], { encoding: 'utf8' })).map((document) => document.toJS() as Manifest);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function portNames(template: PodTemplate): string[] {
  return template.spec.containers.flatMap((container) => (container.ports ?? []).map((port) => port.name ?? ''));
}

describe('k8s/monitoring as a kustomize component of the dev overlay (kubectl kustomize)', () => {
  let manifests: Manifest[];
  const named = (kind: string, name: string) => manifests.find((m) => m.kind === kind && m.metadata.name === name) as Manifest;

  beforeAll(() => {
    manifests = renderWithMonitoring();
  });

  it("scrapes the control plane's pods: the PodMonitor selects the Deployment's pod labels and names its port", () => {
    const monitor = named('PodMonitor', 'base-shift-control-plane').spec as PodMonitorSpec;
    const template = (named('Deployment', 'base-shift-control-plane').spec as { template: PodTemplate }).template;
    expect(template.metadata.labels).toMatchObject(monitor.selector.matchLabels);
    expect(portNames(template)).toContain(monitor.podMetricsEndpoints[0].port);
    // METRICS_PORT, not the API port: /metrics carries no auth, the API does.
    expect(monitor.podMetricsEndpoints[0].port).toBe('metrics');
    expect(monitor.podMetricsEndpoints[0].path).toBe('/metrics');
  });

  it('scrapes the executor pods the control plane creates: their labels and metrics port', () => {
    const monitor = named('PodMonitor', 'base-shift-job-executor').spec as PodMonitorSpec;
    const settings = {
      controlPlaneId: 'base-shift',
      keyPrefix: '',
      logLevel: 'info',
      metricsPort: 9464,
      secretsDir: '/var/run/secrets/base-shift',
      queueUrl: 'redis://redis:6379',
    };
    const pod = buildExecutorPod(defaultPools(['default'])[0], settings, 'job-executor-default-x', 'base-shift') as unknown as PodTemplate;
    expect(pod.metadata.labels).toMatchObject(monitor.selector.matchLabels);
    expect(portNames(pod)).toContain(monitor.podMetricsEndpoints[0].port);
  });

  it('ships the alert rules and the Grafana dashboard for the sidecar', () => {
    expect((named('PrometheusRule', 'base-shift').spec as { groups: unknown }).groups).toEqual(readYaml<{ groups: unknown }>(RULES_FILE).groups);
    const dashboard = named('ConfigMap', 'base-shift-grafana-dashboard');
    expect(dashboard.metadata.labels).toMatchObject({ grafana_dashboard: '1' });
    expect(dashboard.data?.['base-shift.json']).toBe(readFileSync(DASHBOARD_FILE, 'utf8'));
  });
});
