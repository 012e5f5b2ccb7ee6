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

/** A name no other test, run or developer instance uses: `<label>-<pid>-<random>`. */
export function uniqueName(label: string): string {
  return `${label}-${process.pid}-${randomBytes(4).toString('hex')}`;
}
