import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PoolConfigError } from '../errors/pod-errors';
import { loadPoolConfigFile } from './load-pool-config';
import { parsePoolConfig } from './parse-pool-config';
import { POOL_DEFAULTS } from './pool-config';

function problemsOf(document: unknown): readonly string[] {
  try {
    parsePoolConfig(document);
  } catch (error) {
    if (error instanceof PoolConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a PoolConfigError');
}

describe('pool configuration', () => {
  it('completes pools with the defaults section, then the seed pod spec', () => {
    const [small, large] = parsePoolConfig({
      defaults: { jobsPerPod: 4, image: 'registry.example.com/base-shift/job-executor:v1.2.0' },
      pools: [
        { name: 'default' },
        {
          name: 'large',
          maxPods: 3,
          resources: { requests: { memory: '512Mi' }, limits: { memory: '1Gi', cpu: 2 } },
          env: { EGRESS_ALLOW: 'api.example.com' },
        },
      ],
    });
    expect(small).toEqual({ ...POOL_DEFAULTS, name: 'default', jobsPerPod: 4, image: 'registry.example.com/base-shift/job-executor:v1.2.0' });
    expect(large.resources).toEqual({ requests: { memory: '512Mi' }, limits: { memory: '1Gi', cpu: '2' } });
    expect(large.env).toEqual({ EGRESS_ALLOW: 'api.example.com' });
    expect(POOL_DEFAULTS.resources).toEqual({ requests: { cpu: '250m', memory: '64Mi' }, limits: { cpu: '500m', memory: '128Mi' } });
  });

  it('names every bad field with its path and the rule', () => {
    expect(
      problemsOf({
        pools: [
          { name: 'ok', minPods: 5, maxPods: 2, jobsPerPod: 0, image: 'Not An Image', env: { JOB_QUEUE_URL: 'redis://x', 'BAD-NAME': 'x', PORT: 80 } },
          { name: '-bad', resources: { requests: { cpu: '2', gpu: '1' }, limits: { cpu: '1', memory: 'lots' } }, colour: 'blue' },
          { name: 'ok' },
        ],
      }),
    ).toEqual([
      '/pools/0/image: must be a container image reference such as base-shift/job-executor:v1.0.0 (got "Not An Image")',
      '/pools/0/jobsPerPod: must be an integer from 1 to 1000 (got 0)',
      '/pools/0/maxPods: must be at least minPods (5), got 2',
      '/pools/0/env/JOB_QUEUE_URL: is set by the pod manager and cannot be overridden (managed: JOB_QUEUE_URL, REDIS_URL, REDIS_KEY_PREFIX, POOLS, CONCURRENCY, EXECUTOR_ID, POD_NAME, METRICS_PORT, SECRETS_DIR, SECRET_BINDINGS, SHUTDOWN_GRACE_SECONDS, LOG_LEVEL)',
      '/pools/0/env/BAD-NAME: is not a valid environment variable name',
      '/pools/0/env/PORT: must be a string (got 80); quote numbers and booleans',
      '/pools/1/colour: is not a pool field (known: name, image, imagePullPolicy, resources, minPods, maxPods, jobsPerPod, scaleDownDelaySeconds, drainSeconds, readyDeadlineSeconds, env, secretName, secrets, nodeSelector)',
      `/pools/1/name: must be 1-63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit (got "-bad")`,
      '/pools/1/resources/requests/gpu: is not a resource the pool manages (cpu, memory)',
      '/pools/1/resources/limits/memory: must be a positive quantity such as "250m" or "128Mi" (got "lots")',
      '/pools/1/resources/requests/cpu: must not exceed limits.cpu (2 > 1)',
      '/pools/2/name: repeats pool "ok"',
    ]);
  });

  it('binds each secret to the hosts it may be sent to; pools without secrets bind none', () => {
    const [payments, plain] = parsePoolConfig({
      pools: [
        { name: 'payments', secretName: 'payment-api', secrets: [{ name: 'PAYMENT_API_KEY', allowedHosts: ['Payments.Example.com', '*.svc.cluster.local'] }] },
        { name: 'plain' },
      ],
    });
    expect(payments.secrets).toEqual([{ name: 'PAYMENT_API_KEY', allowedHosts: ['payments.example.com', '*.svc.cluster.local'] }]);
    expect(plain.secrets).toEqual([]);
    const [inherited] = parsePoolConfig({ defaults: { secrets: [{ name: 'API_KEY', allowedHosts: ['api.example.com'] }] }, pools: [{ name: 'a' }] });
    expect(inherited.secrets).toEqual([{ name: 'API_KEY', allowedHosts: ['api.example.com'] }]);
  });

  it('names every bad secret binding with its JSON Pointer', () => {
    expect(
      problemsOf({
        pools: [
          {
            name: 'a',
            secrets: [
              { name: 'payment-key', allowedHosts: ['payments.example.com'] },
              { name: 'API_KEY', allowedHosts: ['https://evil/', '*.com'] },
            ],
          },
          { name: 'b', secrets: { PAYMENT_API_KEY: ['x.example.com'] } },
          { name: 'c', secrets: [{ name: 'API_KEY' }, { name: 'API_KEY', allowedHosts: ['a.example.com'], hosts: [] }] },
        ],
      }),
    ).toEqual([
      '/pools/0/secrets/0/name: must be a secret name matching ^[A-Z_][A-Z0-9_]*$ (got "payment-key")',
      '/pools/0/secrets/1/allowedHosts/0: must be a host name (payments.example.com), *.<domain> for its subdomains (*.svc.cluster.local) or an IP address (127.0.0.1, [::1]) (got "https://evil/")',
      '/pools/0/secrets/1/allowedHosts/1: must be a host name (payments.example.com), *.<domain> for its subdomains (*.svc.cluster.local) or an IP address (127.0.0.1, [::1]) (got "*.com")',
      '/pools/1/secrets: must be a list of at most 100 { name, allowedHosts } entries',
      '/pools/2/secrets/0/allowedHosts: must be a list of 1 to 50 host patterns: a host name (payments.example.com), *.<domain> for its subdomains (*.svc.cluster.local) or an IP address (127.0.0.1, [::1])',
      '/pools/2/secrets/1/hosts: is not a field (expected name, allowedHosts)',
      '/pools/2/secrets/1/name: repeats secret API_KEY (also at /pools/2/secrets/0)',
    ]);
  });

  it('refuses a document without pools', () => {
    expect(problemsOf({ pool: [] })).toEqual(['/pool: is not a known field (expected "defaults" and "pools")', '/pools: must be a non-empty list of pools']);
    expect(problemsOf('pools: []')).toEqual(['/: must be an object with a "pools" list']);
  });

  it('reads YAML files and says which file is wrong', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pools-'));
    const good = path.join(dir, 'pools.yaml');
    writeFileSync(good, 'pools:\n  - name: default\n    maxPods: 4\n  - name: large\n    jobsPerPod: 2\n');
    expect(loadPoolConfigFile(good).map((pool) => [pool.name, pool.maxPods, pool.jobsPerPod])).toEqual([
      ['default', 4, 10],
      ['large', 10, 2],
    ]);
    const bad = path.join(dir, 'bad.yaml');
    writeFileSync(bad, 'pools: [ {name: x\n');
    expect(() => loadPoolConfigFile(bad)).toThrow(/bad\.yaml: is not valid YAML\/JSON/);
    expect(() => loadPoolConfigFile(path.join(dir, 'missing.yaml'))).toThrow(/missing\.yaml: cannot be read \(ENOENT\)/);
  });
});
