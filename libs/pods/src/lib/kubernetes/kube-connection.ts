import { existsSync, readFileSync } from 'node:fs';
import { CoordinationV1Api, CoreV1Api, KubeConfig, VersionApi, Watch } from '@kubernetes/client-node';

const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

/** The API clients the pod manager uses, bound to one namespace. */
export interface KubeConnection {
  kubeConfig: KubeConfig;
  namespace: string;
  core: CoreV1Api;
  coordination: CoordinationV1Api;
  version: VersionApi;
  watch: Watch;
}

/** Whether this process runs in a pod with a ServiceAccount token (in-cluster config). */
export function runningInCluster(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env['KUBERNETES_SERVICE_HOST']) && existsSync(`${SERVICE_ACCOUNT_DIR}/token`);
}

/**
 * Client configuration: the given kubeconfig file, else the in-cluster
 * ServiceAccount, else the default (KUBECONFIG, ~/.kube/config). The namespace:
 * the given one, else the pod's own, else the kubeconfig context's, else default.
 */
export function loadKubeConfig(options: { kubeconfigPath?: string } = {}): KubeConfig {
  const kubeConfig = new KubeConfig();
  if (options.kubeconfigPath) kubeConfig.loadFromFile(options.kubeconfigPath);
  else if (runningInCluster()) kubeConfig.loadFromCluster();
  else kubeConfig.loadFromDefault();
  return kubeConfig;
}

export function connectKube(kubeConfig: KubeConfig, namespace?: string): KubeConnection {
  return {
    kubeConfig,
    namespace: namespace ?? defaultNamespace(kubeConfig),
    core: kubeConfig.makeApiClient(CoreV1Api),
    coordination: kubeConfig.makeApiClient(CoordinationV1Api),
    version: kubeConfig.makeApiClient(VersionApi),
    watch: new Watch(kubeConfig),
  };
}

function defaultNamespace(kubeConfig: KubeConfig): string {
  const file = `${SERVICE_ACCOUNT_DIR}/namespace`;
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  return kubeConfig.getContextObject(kubeConfig.getCurrentContext())?.namespace ?? 'default';
}
