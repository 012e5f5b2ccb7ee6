#!/usr/bin/env node
// Launcher: runs overload-bench.ts on the project's Node with the workspace's
// TypeScript path aliases (the libs are used as they are, not a copy).
//   npx node tools/bench/overload-bench.mjs [--rates 20,40,80,160,320] [--seconds 20] [--quick]
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const result = spawnSync(process.execPath, ['-r', '@swc-node/register', path.join(root, 'tools/bench/overload-bench.ts'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, SWC_NODE_PROJECT: path.join(root, 'tsconfig.base.json') },
});
process.exit(result.status ?? 1);
