// Go programs under tools/ built once into a per-user cache, the way ferretdb.mjs
// builds FerretDB: the cache directory is named after the program's sources, so
// every clone (CI's fresh one too) and worktree reuses one build, and changed
// sources build anew.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Thrown when Go is missing or `go build` fails. */
export class GoBuildError extends Error {
  name = 'GoBuildError';
}

/** Thrown when there is no `go` on PATH: nothing can be built, though a caller may have a fallback. */
export class GoMissingError extends GoBuildError {
  name = 'GoMissingError';
}

/**
 * `${XDG_CACHE_HOME:-~/.cache}/base-shift/<name>-<version>-<hash>/<name>`, the hash
 * covering go.mod, go.sum, the *.go files of `sourceDir` and `buildArgs` (an
 * -ldflags change must rebuild too).
 */
export function goBinaryPath({ sourceDir, name, version, buildArgs = [] }) {
  const hash = createHash('sha256');
  const files = fs
    .readdirSync(sourceDir)
    .filter((file) => file === 'go.mod' || file === 'go.sum' || file.endsWith('.go'))
    .sort();
  for (const file of files) {
    hash
      .update(`${file}\0`)
      .update(fs.readFileSync(path.join(sourceDir, file)))
      .update('\0');
  }
  hash.update(`${JSON.stringify(buildArgs)}\0`);
  const cacheHome = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(cacheHome, 'base-shift', `${name}-${version}-${hash.digest('hex').slice(0, 12)}`, name);
}

/**
 * Returns the cached binary of `sourceDir`, building it first if it is missing.
 * `what` names the program in progress messages ("kube-apiserver v1.34.4").
 */
export async function ensureGoBinary({ sourceDir, name, version, buildArgs = [], what = name, needs = '' }) {
  const binary = goBinaryPath({ sourceDir, name, version, buildArgs });
  if (fs.existsSync(binary)) return binary;

  checkGo(what, needs);
  fs.mkdirSync(path.dirname(binary), { recursive: true });
  // Each build writes its own temporary file and renames it into place: rename is
  // atomic, so a concurrent build (another checkout) can never expose half a binary.
  const tmp = `${binary}.tmp-${process.pid}-${Date.now()}`;
  process.stderr.write(`testenv: building ${what} (first run only, a few minutes)…\n`);
  const started = Date.now();
  try {
    await goBuild(sourceDir, tmp, buildArgs);
    fs.renameSync(tmp, binary);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  process.stderr.write(`testenv: built ${binary} in ${seconds}s\n`);
  return binary;
}

function checkGo(what, needs) {
  const result = spawnSync('go', ['version'], { encoding: 'utf8' });
  if (result.error?.code === 'ENOENT') {
    throw new GoMissingError(`Go (1.24 or newer) is needed to build ${what}, but \`go\` is not on PATH. Install Go${needs ? `, or ${needs}` : ''}.`);
  }
  if (result.error || result.status !== 0) {
    throw new GoBuildError(`\`go version\` failed: ${result.error?.message ?? result.stderr.trim()}`);
  }
}

function goBuild(sourceDir, output, buildArgs) {
  // Pure Go (CGO_ENABLED=0), so no C toolchain is needed; -buildvcs=false because
  // the surrounding git checkout is not this module's.
  const args = ['build', '-trimpath', '-buildvcs=false', ...buildArgs, '-o', output, '.'];
  const child = spawn('go', args, {
    cwd: sourceDir,
    env: { ...process.env, CGO_ENABLED: '0' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', (err) => reject(new GoBuildError(`cannot run go build: ${err.message}`)));
    child.once('exit', (code, sig) => {
      if (code === 0) resolve();
      else reject(new GoBuildError(`go build in ${sourceDir} failed (${sig ?? `exit code ${code}`}); see its output above`));
    });
  });
}
