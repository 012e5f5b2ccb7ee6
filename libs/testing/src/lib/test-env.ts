import { randomBytes } from 'node:crypto';

/**
 * Values written by tools/testenv (jest's globalSetup puts them in process.env).
 * A missing one means the suite was started without the test environment.
 */
export function requireTestEnv(name: 'REDIS_URL' | 'MONGO_URL' | 'REDIS_CLUSTER_NODES' | 'KUBECONFIG'): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run the tests through jest's globalSetup (npm test / nx test) or \`npm run testenv up\` first`);
  }
  return value;
}

/**
 * The kubectl to spawn: KUBECTL from tools/testenv (kubectl of the test API server's
 * version, built with it, so no kubectl need be installed), else `kubectl` on PATH.
 */
export function kubectlCommand(): string {
  return process.env['KUBECTL'] || 'kubectl';
}

/** A name no other test, run or developer instance uses: `<label>-<pid>-<random>`. */
export function uniqueName(label: string): string {
  return `${label}-${process.pid}-${randomBytes(4).toString('hex')}`;
}
