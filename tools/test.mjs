// Driver behind tools/test: test environment up, every project's lint, type
// check, build and tests through Nx, one summary line, environment down again
// (unless it was already up before this run, e.g. a developer's own).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { down, readEnv, REPO_ROOT, up } from './testenv/index.mjs';

const SUMMARY_DIR = path.join(REPO_ROOT, 'tmp', 'test-summary');

const wasUp = readEnv() !== undefined;
let status = 1;
try {
  const vars = await up({ cluster: true, kube: true, prometheus: true });
  process.stderr.write(
    `test environment: ${Object.entries(vars)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')}\n`,
  );
  fs.rmSync(SUMMARY_DIR, { recursive: true, force: true });
  // Formatting of every code file (eslint checks the .ts files too; this adds the tools' .mjs/.cjs).
  const format = spawnSync('npm', ['run', '--silent', 'format:check'], { stdio: 'inherit', cwd: REPO_ROOT });
  const nx = spawnSync('nx', ['run-many', '-t', 'lint', 'typecheck', 'build', 'test', '--outputStyle=static', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, ...vars },
    cwd: REPO_ROOT,
  });
  status = nx.status ?? 1;
  if (format.status !== 0) {
    process.stderr.write('formatting: some files differ from Prettier (run `npm run format`)\n');
    status ||= 1;
  }
  printSummary();
} finally {
  if (!wasUp) await down();
}
process.exit(status);

function printSummary() {
  const totals = { passed: 0, failed: 0, skipped: 0 };
  const files = fs.existsSync(SUMMARY_DIR) ? fs.readdirSync(SUMMARY_DIR) : [];
  for (const file of files) {
    const counts = JSON.parse(fs.readFileSync(path.join(SUMMARY_DIR, file), 'utf8'));
    for (const key of Object.keys(totals)) totals[key] += counts[key];
  }
  if (files.length === 0) process.stdout.write('\nno test results were recorded\n');
  else process.stdout.write(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
  if (totals.skipped > 0 || totals.failed > 0) status ||= 1;
}
