// promtool and prometheus for the metrics tests, from Debian's `prometheus`
// package. Installed here, under testenv's lock, so that parallel jest workers
// never race each other for apt's lock on a fresh machine.
import { spawnSync } from 'node:child_process';

export function ensurePrometheus() {
  if (onPath('promtool') && onPath('prometheus')) return;
  if (process.getuid?.() !== 0 || !onPath('apt-get')) {
    process.stderr.write("testenv: promtool/prometheus are missing and cannot be installed here: install Debian's `prometheus` package\n");
    return;
  }
  process.stderr.write("testenv: installing Debian's prometheus package (promtool, prometheus) for the metrics tests…\n");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (...args) => spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=300', ...args], { env, encoding: 'utf8' });
  const install = () => apt('install', '-y', '-qq', '--no-install-recommends', 'prometheus');
  let result = install();
  if (result.status !== 0) {
    // A fresh machine may have no package lists yet.
    apt('update', '-qq');
    result = install();
  }
  if (result.status !== 0) throw new Error(`apt-get install prometheus failed:\n${result.stderr}`);
}

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}
