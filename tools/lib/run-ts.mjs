#!/usr/bin/env node
// Runs a TypeScript tool (the benches, the chaos run) on the project's Node with
// the workspace's TypeScript path aliases, so the libs are used as they are, not
// a copy. The package.json scripts call it:
//   node tools/lib/run-ts.mjs <file.ts> [args…]
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const [file, ...args] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: node tools/lib/run-ts.mjs <file.ts> [args…]\n');
  process.exit(2);
}
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const result = spawnSync(process.execPath, ['-r', '@swc-node/register', path.resolve(file), ...args], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, SWC_NODE_PROJECT: path.join(root, 'tsconfig.base.json') },
});
process.exit(result.status ?? 1);
