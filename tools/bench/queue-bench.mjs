#!/usr/bin/env node
// Launcher: runs queue-bench.ts (our queue vs BullMQ vs Bee-Queue) on the
// project's Node, with the libs used as they are (TypeScript via @swc-node).
//   npx node tools/bench/queue-bench.mjs [--reps 3] [--pop-reps 3] [--quick] [--only end-to-end,latency,…]
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const result = spawnSync(process.execPath, ['-r', '@swc-node/register', path.join(root, 'tools/bench/queue-bench.ts'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, SWC_NODE_PROJECT: path.join(root, 'tsconfig.base.json') },
});
process.exit(result.status ?? 1);
