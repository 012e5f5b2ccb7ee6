import { childPointer } from '@base-shift/core';
import { isPoolName, POOL_NAME_RULE } from '@base-shift/job-contract';
import { parseSecretBindings } from '@base-shift/steps';
import { PoolConfigError } from '../errors/pod-errors';
import { MANAGED_EXECUTOR_ENV, POOL_DEFAULTS, type PoolConfig, type ResourceList } from './pool-config';
import { parseQuantity } from './quantity';

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const LABEL_KEY = /^([a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?\/)?[A-Za-z0-9]([A-Za-z0-9_.-]{0,61}[A-Za-z0-9])?$/;
const LABEL_VALUE = /^([A-Za-z0-9]([A-Za-z0-9_.-]{0,61}[A-Za-z0-9])?)?$/;
const DNS_NAME = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;
// registry/path:tag@digest, loosely: no whitespace, no upper case in the repository part.
const IMAGE = /^[a-z0-9][a-z0-9._\-/:]*(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(@sha256:[a-f0-9]{64})?$/;
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'] as const;
const POOL_FIELDS = [
  'name',
  'image',
  'imagePullPolicy',
  'resources',
  'minPods',
  'maxPods',
  'jobsPerPod',
  'scaleDownDelaySeconds',
  'drainSeconds',
  'readyDeadlineSeconds',
  'env',
  'secretName',
  'secrets',
  'nodeSelector',
];

type Input = Record<string, unknown>;

/** Collects every problem with the JSON Pointer of its field, so one error names them all. */
class Problems {
  readonly list: string[] = [];
  add(path: string, problem: string): void {
    this.list.push(`${path}: ${problem}`);
  }
}

/**
 * Validates a pool configuration document (parsed YAML or JSON):
 * `{ defaults?: {…pool fields}, pools: [{ name, …pool fields }] }`. Unset
 * fields take `defaults`, then POOL_DEFAULTS. Throws PoolConfigError listing
 * every problem; returns the complete pools otherwise.
 */
export function parsePoolConfig(document: unknown, source = 'pool configuration'): PoolConfig[] {
  const problems = new Problems();
  if (!isObject(document)) throw new PoolConfigError(['/: must be an object with a "pools" list'], source);
  for (const key of Object.keys(document)) {
    if (key !== 'defaults' && key !== 'pools') problems.add(childPointer('', key), 'is not a known field (expected "defaults" and "pools")');
  }
  let defaults: Omit<PoolConfig, 'name'> = { ...POOL_DEFAULTS };
  if (document['defaults'] !== undefined) {
    if (!isObject(document['defaults'])) problems.add('/defaults', 'must be an object of pool fields');
    else defaults = readPool(document['defaults'], '/defaults', defaults, problems, false);
  }
  const pools: PoolConfig[] = [];
  const list = document['pools'];
  if (!Array.isArray(list) || list.length === 0) {
    problems.add('/pools', 'must be a non-empty list of pools');
  } else {
    const seen = new Set<string>();
    list.forEach((item, i) => {
      const path = `/pools/${i}`;
      if (!isObject(item)) return problems.add(path, 'must be an object');
      const pool = readPool(item, path, defaults, problems, true) as PoolConfig;
      if (seen.has(pool.name)) problems.add(`${path}/name`, `repeats pool ${JSON.stringify(pool.name)}`);
      seen.add(pool.name);
      pools.push(pool);
    });
  }
  if (problems.list.length > 0) throw new PoolConfigError(problems.list, source);
  return pools;
}

function readPool(
  input: Input,
  path: string,
  base: Omit<PoolConfig, 'name'>,
  problems: Problems,
  named: boolean,
): Omit<PoolConfig, 'name'> & { name?: string } {
  for (const key of Object.keys(input)) {
    if (!POOL_FIELDS.includes(key) || (!named && key === 'name'))
      problems.add(childPointer(path, key), `is not a pool field (known: ${POOL_FIELDS.filter((f) => named || f !== 'name').join(', ')})`);
  }
  const pool: Omit<PoolConfig, 'name'> & { name?: string } = { ...base };
  if (named) {
    const name = input['name'];
    if (!isPoolName(name)) {
      problems.add(`${path}/name`, `must be ${POOL_NAME_RULE} (got ${JSON.stringify(name)})`);
    }
    pool.name = String(name);
  }
  if (input['image'] !== undefined) {
    if (typeof input['image'] !== 'string' || !IMAGE.test(input['image']))
      problems.add(`${path}/image`, `must be a container image reference such as base-shift/job-executor:v1.0.0 (got ${JSON.stringify(input['image'])})`);
    else pool.image = input['image'];
  }
  if (input['imagePullPolicy'] !== undefined) {
    const policy = input['imagePullPolicy'];
    if (!PULL_POLICIES.includes(policy as never))
      problems.add(`${path}/imagePullPolicy`, `must be one of ${PULL_POLICIES.join(', ')} (got ${JSON.stringify(policy)})`);
    else pool.imagePullPolicy = policy as PoolConfig['imagePullPolicy'];
  }
  if (input['resources'] !== undefined) pool.resources = readResources(input['resources'], `${path}/resources`, base.resources, problems);
  const int = (field: keyof PoolConfig, min: number, max: number) => {
    const value = input[field];
    if (value === undefined) return;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      problems.add(childPointer(path, field), `must be an integer from ${min} to ${max} (got ${JSON.stringify(value)})`);
    } else {
      (pool as Record<string, unknown>)[field] = value;
    }
  };
  int('minPods', 0, 1000);
  int('maxPods', 0, 1000);
  int('jobsPerPod', 1, 1000);
  int('scaleDownDelaySeconds', 0, 86_400);
  int('drainSeconds', 0, 3600);
  int('readyDeadlineSeconds', 10, 86_400);
  if (pool.maxPods < pool.minPods) problems.add(`${path}/maxPods`, `must be at least minPods (${pool.minPods}), got ${pool.maxPods}`);
  if (input['env'] !== undefined) pool.env = readEnv(input['env'], `${path}/env`, problems);
  if (input['nodeSelector'] !== undefined) pool.nodeSelector = readLabels(input['nodeSelector'], `${path}/nodeSelector`, problems);
  if (input['secretName'] !== undefined) {
    const secret = input['secretName'];
    if (typeof secret !== 'string' || !DNS_NAME.test(secret))
      problems.add(`${path}/secretName`, `must be the name of a Secret (lower-case DNS name), got ${JSON.stringify(secret)}`);
    else pool.secretName = secret;
  }
  if (input['secrets'] !== undefined) {
    const { bindings, problems: bindingProblems } = parseSecretBindings(input['secrets'], `${path}/secrets`);
    for (const problem of bindingProblems) problems.add(problem.pointer, problem.message);
    pool.secrets = bindings;
  }
  return pool;
}

function readResources(value: unknown, path: string, base: PoolConfig['resources'], problems: Problems): PoolConfig['resources'] {
  if (!isObject(value)) {
    problems.add(path, 'must be an object with "requests" and/or "limits"');
    return base;
  }
  for (const key of Object.keys(value))
    if (key !== 'requests' && key !== 'limits') problems.add(childPointer(path, key), 'is not a field (expected requests, limits)');
  const requests = value['requests'] === undefined ? base.requests : readResourceList(value['requests'], `${path}/requests`, problems);
  const limits = value['limits'] === undefined ? base.limits : readResourceList(value['limits'], `${path}/limits`, problems);
  for (const resource of ['cpu', 'memory'] as const) {
    const request = requests[resource] && parseQuantity(requests[resource]);
    const limit = limits[resource] && parseQuantity(limits[resource]);
    if (request !== undefined && limit !== undefined && request > limit) {
      problems.add(childPointer(path, 'requests', resource), `must not exceed limits.${resource} (${requests[resource]} > ${limits[resource]})`);
    }
  }
  return { requests, limits };
}

function readResourceList(value: unknown, path: string, problems: Problems): ResourceList {
  const list: ResourceList = {};
  if (!isObject(value)) {
    problems.add(path, 'must be an object such as { cpu: "250m", memory: "64Mi" }');
    return list;
  }
  for (const [key, quantity] of Object.entries(value)) {
    if (key !== 'cpu' && key !== 'memory') {
      problems.add(childPointer(path, key), 'is not a resource the pool manages (cpu, memory)');
    } else if (typeof quantity !== 'string' && typeof quantity !== 'number') {
      problems.add(childPointer(path, key), `must be a quantity such as "250m" or "128Mi" (got ${JSON.stringify(quantity)})`);
    } else if (parseQuantity(String(quantity)) === undefined || parseQuantity(String(quantity)) === 0) {
      problems.add(childPointer(path, key), `must be a positive quantity such as "250m" or "128Mi" (got ${JSON.stringify(quantity)})`);
    } else {
      list[key] = String(quantity);
    }
  }
  return list;
}

function readEnv(value: unknown, path: string, problems: Problems): Record<string, string> {
  const env: Record<string, string> = {};
  if (!isObject(value)) {
    problems.add(path, 'must be an object of variable names to string values');
    return env;
  }
  for (const [name, text] of Object.entries(value)) {
    if (!ENV_NAME.test(name)) problems.add(childPointer(path, name), 'is not a valid environment variable name');
    else if (MANAGED_EXECUTOR_ENV.includes(name))
      problems.add(childPointer(path, name), `is set by the pod manager and cannot be overridden (managed: ${MANAGED_EXECUTOR_ENV.join(', ')})`);
    else if (typeof text !== 'string') problems.add(childPointer(path, name), `must be a string (got ${JSON.stringify(text)}); quote numbers and booleans`);
    else env[name] = text;
  }
  return env;
}

function readLabels(value: unknown, path: string, problems: Problems): Record<string, string> {
  const labels: Record<string, string> = {};
  if (!isObject(value)) {
    problems.add(path, 'must be an object of label keys to values');
    return labels;
  }
  for (const [key, text] of Object.entries(value)) {
    if (!LABEL_KEY.test(key)) problems.add(childPointer(path, key), 'is not a valid label key');
    else if (typeof text !== 'string' || !LABEL_VALUE.test(text))
      problems.add(childPointer(path, key), `must be a label value (≤ 63 letters, digits, '-', '_', '.'), got ${JSON.stringify(text)}`);
    else labels[key] = text;
  }
  return labels;
}

function isObject(value: unknown): value is Input {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
