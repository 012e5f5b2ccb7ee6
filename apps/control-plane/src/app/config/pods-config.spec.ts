import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError } from '@base-shift/config';
import { loadControlPlaneConfig } from './control-plane-config';
import { poolSecretBindings } from './pods-config';

const BASE = { REDIS_URL: 'redis://127.0.0.1:6379', MONGO_URL: 'mongodb://127.0.0.1:27017/x' };

function problems(env: Record<string, string>): readonly string[] {
  try {
    loadControlPlaneConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

function poolFile(text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'pools-config-')), 'pools.yaml');
  writeFileSync(file, text);
  return file;
}

describe('pod management configuration', () => {
  it('uses the local driver without a cluster, kubernetes with KUBECONFIG, none when asked', () => {
    expect(loadControlPlaneConfig(BASE).pods).toMatchObject({
      driver: 'local',
      controlPlaneId: 'base-shift',
      executorQueueUrl: BASE.REDIS_URL,
      leaseDurationSeconds: 15,
      evaluationIntervalMs: 2000,
    });
    expect(loadControlPlaneConfig({ ...BASE, KUBECONFIG: '/tmp/kubeconfig' }).pods).toMatchObject({ driver: 'kubernetes', kubeconfigPath: '/tmp/kubeconfig' });
    expect(loadControlPlaneConfig({ ...BASE, KUBECONFIG: '/tmp/kubeconfig', POD_DRIVER: 'local' }).pods?.driver).toBe('local');
    expect(loadControlPlaneConfig({ ...BASE, POD_DRIVER: 'none' }).pods).toBeUndefined();
    expect(problems({ ...BASE, POD_DRIVER: 'docker' })).toEqual(['POD_DRIVER: must be one of kubernetes, local, none, got "docker"']);
  });

  it('pools come from POOLS with the defaults, or from POOLS_CONFIG, which then sets the pools workflows may use', () => {
    const fromNames = loadControlPlaneConfig({ ...BASE, POOLS: 'default,large', EXECUTOR_IMAGE: 'registry.example.com/job-executor:v2' });
    expect(fromNames.pods?.pools.map((pool) => [pool.name, pool.image])).toEqual([
      ['default', 'registry.example.com/job-executor:v2'],
      ['large', 'registry.example.com/job-executor:v2'],
    ]);
    const file = poolFile('pools:\n  - name: small\n    maxPods: 2\n  - name: large\n');
    const fromFile = loadControlPlaneConfig({ ...BASE, POOLS_CONFIG: file });
    expect(fromFile.pods?.pools.map((pool) => [pool.name, pool.maxPods])).toEqual([
      ['small', 2],
      ['large', 10],
    ]);
    expect(fromFile.pools).toEqual(['small', 'large']);
    expect(problems({ ...BASE, POOLS_CONFIG: file, POOLS: 'default' })).toEqual([
      'POOLS: lists default but POOLS_CONFIG configures small, large; set one of them or make them agree',
    ]);
  });

  it("gives the template store each pool's secret bindings: from the pool file, none from POOLS, unknown without pod management", () => {
    const file = poolFile(
      'pools:\n  - name: pay\n    secrets:\n      - name: PAYMENT_API_KEY\n        allowedHosts: [payments.example.com]\n  - name: plain\n',
    );
    const bindings = poolSecretBindings(loadControlPlaneConfig({ ...BASE, POOLS_CONFIG: file }));
    expect(bindings?.('pay')?.allows('PAYMENT_API_KEY', 'payments.example.com')).toBe(true);
    expect(bindings?.('pay')?.allows('PAYMENT_API_KEY', 'attacker.example.net')).toBe(false);
    expect(bindings?.('plain')?.names).toEqual([]);
    expect(bindings?.('unknown')).toBeUndefined();
    expect(poolSecretBindings(loadControlPlaneConfig({ ...BASE, POOLS: 'default' }))?.('default')?.names).toEqual([]);
    expect(poolSecretBindings(loadControlPlaneConfig({ ...BASE, POD_DRIVER: 'none' }))).toBeUndefined();
    const bad = poolFile('pools:\n  - name: pay\n    secrets:\n      - name: PAYMENT_API_KEY\n        allowedHosts: ["http://x/"]\n');
    expect(problems({ ...BASE, POOLS_CONFIG: bad })).toEqual([
      'POOLS_CONFIG: /pools/0/secrets/0/allowedHosts/0: must be a host name (payments.example.com), *.<domain> for its subdomains (*.svc.cluster.local) or an IP address (127.0.0.1, [::1]) (got "http://x/")',
    ]);
  });

  it('names the file and the field of a bad pool configuration', () => {
    const file = poolFile('pools:\n  - name: small\n    jobsPerPod: 0\n');
    expect(problems({ ...BASE, POOLS_CONFIG: file })).toEqual(['POOLS_CONFIG: /pools/0/jobsPerPod: must be an integer from 1 to 1000 (got 0)']);
    expect(problems({ ...BASE, POOLS_CONFIG: '/nonexistent/pools.yaml' })).toEqual(['POOLS_CONFIG: /nonexistent/pools.yaml: cannot be read (ENOENT)']);
  });

  it('with kubernetes, a queue URL with a password must come from a Secret, and the password is never echoed', () => {
    const withPassword = { ...BASE, REDIS_URL: 'redis://:hunter2@redis:6379', KUBECONFIG: '/tmp/kubeconfig' };
    const refused = problems(withPassword);
    expect(refused).toEqual([
      "EXECUTOR_QUEUE_URL_SECRET: is required when the executors' queue URL has a password (set it to <secret>/<key> of a Secret holding the URL)",
    ]);
    expect(refused.join()).not.toContain('hunter2');
    expect(loadControlPlaneConfig({ ...withPassword, EXECUTOR_QUEUE_URL_SECRET: 'base-shift/REDIS_URL' }).pods?.executorQueueUrlSecret).toEqual({
      name: 'base-shift',
      key: 'REDIS_URL',
    });
    expect(problems({ ...withPassword, EXECUTOR_QUEUE_URL_SECRET: 'no-key' })).toEqual([
      'EXECUTOR_QUEUE_URL_SECRET: must be <secret name>/<key>, got "no-key"',
    ]);
    // Locally the executors are child processes: their environment is not published anywhere.
    expect(loadControlPlaneConfig({ ...withPassword, POD_DRIVER: 'local' }).pods?.executorQueueUrl).toBe('redis://:hunter2@redis:6379');
  });

  it('takes a Redis Cluster list for REDIS_URL and EXECUTOR_QUEUE_URL, checking every entry', () => {
    const cluster = 'redis://10.0.0.1:6379, redis://10.0.0.2:6379,redis://10.0.0.3:6379';
    const config = loadControlPlaneConfig({ ...BASE, REDIS_URL: cluster });
    expect(config.redisUrl).toBe('redis://10.0.0.1:6379,redis://10.0.0.2:6379,redis://10.0.0.3:6379');
    expect(config.pods?.executorQueueUrl).toBe(config.redisUrl);
    expect(problems({ ...BASE, EXECUTOR_QUEUE_URL: 'redis://:hunter2@a:1,redis://:hunter2@b:2/5' })).toEqual([
      'EXECUTOR_QUEUE_URL: entry 2 of the Redis Cluster list ("redis://***@b:2/5") names a database; a Redis Cluster has only database 0',
    ]);
    // A password in any entry of the list would be readable in the pod spec.
    expect(problems({ ...BASE, KUBECONFIG: '/tmp/kubeconfig', EXECUTOR_QUEUE_URL: 'redis://u:pw@a:1,redis://u:pw@b:2' })).toEqual([
      "EXECUTOR_QUEUE_URL_SECRET: is required when the executors' queue URL has a password (set it to <secret>/<key> of a Secret holding the URL)",
    ]);
  });

  it('refuses a control plane id that cannot label pods or name a Lease', () => {
    expect(problems({ ...BASE, CONTROL_PLANE_ID: 'Base_Shift' })).toEqual([
      `CONTROL_PLANE_ID: must be 1-48 lower-case letters, digits or '-', starting and ending with a letter or digit, got "Base_Shift"`,
    ]);
  });
});
