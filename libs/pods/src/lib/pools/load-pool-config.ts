import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { errorMessage } from '@base-shift/core';
import { PoolConfigError } from '../errors/pod-errors';
import { parsePoolConfig } from './parse-pool-config';
import type { PoolConfig } from './pool-config';

/**
 * Reads a pool configuration file: YAML, or JSON (which is YAML too). The
 * Kubernetes manifests mount it from a ConfigMap.
 */
export function loadPoolConfigFile(path: string): PoolConfig[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new PoolConfigError([`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? errorMessage(error)})`], path);
  }
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (error) {
    throw new PoolConfigError([`${path}: is not valid YAML/JSON: ${errorMessage(error).split('\n')[0]}`], path);
  }
  return parsePoolConfig(document, path);
}

/** Pools from names only (the POOLS variable), each with the defaults. */
export function defaultPools(names: readonly string[], overrides: Record<string, unknown> = {}): PoolConfig[] {
  return parsePoolConfig({ defaults: overrides, pools: names.map((name) => ({ name })) }, 'POOLS');
}
