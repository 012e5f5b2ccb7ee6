#!/usr/bin/env node
// `npx bsctl …` (package.json "bin"): runs the built CLI, dist/apps/cli/main.js
// (`npx nx build cli`, part of `npm run build`), on the project's Node 24. npx
// puts node_modules/.bin first on PATH, so the `node` above is usually the
// `node` devDependency already; an older Node re-runs this with that one.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUNDLE = path.join(ROOT, 'dist/apps/cli/main.js');
const PROJECT_NODE = path.join(ROOT, 'node_modules/.bin/node');

if (Number(process.versions.node.split('.')[0]) < 24 && existsSync(PROJECT_NODE)) {
  const result = spawnSync(PROJECT_NODE, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
if (!existsSync(BUNDLE)) {
  process.stderr.write('bsctl: dist/apps/cli/main.js is missing: build it with `npx nx build cli` (or `npm run build`)\n');
  process.exit(1);
}
createRequire(import.meta.url)(BUNDLE);
