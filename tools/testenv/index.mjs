#!/usr/bin/env node
// Test environment for Base Shift: Redis, a MongoDB-compatible FerretDB and, on
// request, a Kubernetes API server for tests.
//
//   node tools/testenv/index.mjs up [--cluster] [--kube] [--chromium]   start what is missing, write .testenv/env
//   node tools/testenv/index.mjs down                      stop what `up` started
//   node tools/testenv/index.mjs env                       print .testenv/env
//
// From code (e.g. a jest globalSetup, even a CommonJS one):
//   const { up } = await import('../../tools/testenv/index.mjs');
//   Object.assign(process.env, await up());
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { down, ENV_FILE, readEnv, up } from './environment.mjs';

export { down, ENV_FILE, readEnv, REPO_ROOT, TESTENV_DIR, up } from './environment.mjs';
export { ensureFerretBinary, ferretBinaryPath, startFerret } from './ferretdb.mjs';
export { ensureKubeBinary, kubeBinaryPath, provideKubectl, startKube } from './kube.mjs';
export { pingRedis, resolveRedis, startRedis, startRedisCluster } from './redis.mjs';

const USAGE = 'usage: testenv up [--cluster] [--kube] [--chromium] | down | env';
const UP_FLAGS = ['--cluster', '--kube', '--chromium'];

async function main([command, ...flags]) {
  const unknown = flags.filter((flag) => !(command === 'up' && UP_FLAGS.includes(flag)));
  if (unknown.length > 0) throw new UsageError(`unknown option ${unknown[0]} for ${command}`);
  switch (command) {
    case 'up':
      await up({ cluster: flags.includes('--cluster'), kube: flags.includes('--kube'), chromium: flags.includes('--chromium') });
      process.stdout.write(fs.readFileSync(ENV_FILE, 'utf8'));
      return;
    case 'down':
      await down();
      return;
    case 'env':
      if (!readEnv()) throw new Error(`${ENV_FILE} does not exist; run \`testenv up\` first`);
      process.stdout.write(fs.readFileSync(ENV_FILE, 'utf8'));
      return;
    default:
      throw new UsageError(command ? `unknown command ${command}` : 'missing command');
  }
}

class UsageError extends Error {
  name = 'UsageError';
}

// Run as a command only when executed directly, not when imported.
if (process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((err) => {
    process.stderr.write(`testenv: ${err.message}\n${err instanceof UsageError ? `${USAGE}\n` : ''}`);
    process.exitCode = err instanceof UsageError ? 2 : 1;
  });
}
