// Chromium for the console's end-to-end tests, from Debian's `chromium` package:
// playwright-core drives the browser found on PATH, and nothing ever downloads one
// (no `playwright install`). Installed here, under testenv's lock, so that two test
// runs never race each other for apt's lock on a fresh machine.
import { spawnSync } from 'node:child_process';

/** Makes sure `chromium` is on PATH, installing Debian's package as root; throws, saying what to do, when it cannot. */
export function ensureChromium() {
  if (onPath('chromium')) return;
  if (process.getuid?.() !== 0 || !onPath('apt-get')) {
    throw new Error(
      "chromium is missing and cannot be installed here (needs root and apt-get): install Debian's `chromium` package, e.g. `sudo apt-get install -y chromium`",
    );
  }
  process.stderr.write("testenv: installing Debian's chromium package for the console's end-to-end tests (a minute or two)…\n");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (...args) => spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=300', ...args], { env, encoding: 'utf8' });
  const install = () => apt('install', '-y', '-qq', '--no-install-recommends', 'chromium');
  let result = install();
  if (result.status !== 0) {
    // A fresh machine may have no package lists yet.
    apt('update', '-qq');
    result = install();
  }
  if (result.status !== 0 || !onPath('chromium')) throw new Error(`apt-get install chromium failed:\n${result.stderr}`);
}

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}
