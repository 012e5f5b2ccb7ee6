#!/usr/bin/env node
// Launcher: runs chaos.ts on the project's Node with the workspace's TypeScript
// path aliases (the libs are used as they are, not a copy). See README.md here.
//   npm run chaos -- [--workflows 400] [--after 100] [--rate 10] …
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const result = spawnSync(process.execPath, ['-r', '@swc-node/register', path.join(root, 'tools/chaos/chaos.ts'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, SWC_NODE_PROJECT: path.join(root, 'tsconfig.base.json') },
});
process.exit(result.status ?? 1);
