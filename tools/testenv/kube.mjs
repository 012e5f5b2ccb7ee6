// A real Kubernetes API server for tests, envtest style: kube-apiserver and an
// embedded etcd in one process (tools/kube-apiserver), no kubelet, scheduler or
// controller-manager. Built once into a per-user cache, started detached.
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { ensureGoBinary, GoMissingError, goBinaryPath } from './go-binary.mjs';
import { spawnDetached, spawned, tailFile } from './processes.mjs';

const SOURCE_DIR = fileURLToPath(new URL('../kube-apiserver/', import.meta.url));
const READY_LINE = /^READY (https:\/\/\S+) (.+)$/m;

/** Thrown when the API server does not come up. */
export class KubeError extends Error {
  name = 'KubeError';
}

/** The k8s.io/kubernetes version tools/kube-apiserver/go.mod builds, e.g. 'v1.34.4'. */
export function kubeVersion() {
  const goMod = fs.readFileSync(path.join(SOURCE_DIR, 'go.mod'), 'utf8');
  const match = /^\s*k8s\.io\/kubernetes (v\d+\.\d+\.\d+)\s*$/m.exec(goMod);
  if (!match) throw new KubeError(`${SOURCE_DIR}go.mod does not require k8s.io/kubernetes vX.Y.Z`);
  return match[1];
}

// Built from modules, the server would report version v0.0.0-master, which kubectl
// and clients refuse to parse; release builds set these the same way.
function buildArgs(version) {
  const [major, minor] = version.slice(1).split('.');
  const pkg = 'k8s.io/component-base/version';
  const vars = { gitVersion: version, gitMajor: major, gitMinor: minor, gitTreeState: 'clean' };
  return [
    `-ldflags=${Object.entries(vars)
      .map(([name, value]) => `-X ${pkg}.${name}=${value}`)
      .join(' ')}`,
  ];
}

function binarySpec() {
  const version = kubeVersion();
  return { sourceDir: SOURCE_DIR, name: 'kube-apiserver', version, buildArgs: buildArgs(version) };
}

/** Path of the cached binary for the current sources of tools/kube-apiserver. */
export function kubeBinaryPath() {
  return goBinaryPath(binarySpec());
}

/** Returns the path of a runnable kube-apiserver, building it on first use (minutes). */
export function ensureKubeBinary() {
  const spec = binarySpec();
  return ensureGoBinary({
    ...spec,
    what: `kube-apiserver ${spec.version}`,
    needs: 'set KUBECONFIG to a cluster of your own (kind, k3d)',
  });
}

/**
 * Makes `link` (e.g. .testenv/bin/kubectl) a kubectl of the API server's version: a
 * symlink to the cached binary, which is kubectl when called by that name, so
 * tests need no kubectl on the machine. Builds the binary if it is missing, unless
 * `build` is false. Without a binary (no Go, or `build` false) the link is removed
 * and a `kubectl` found on `PATH` stands in. Resolves to the kubectl to run, or
 * undefined if there is none.
 */
export async function provideKubectl(link, { build = true, env = process.env } = {}) {
  let binary = kubeBinaryPath();
  if (!fs.existsSync(binary)) {
    binary = build ? await ensureKubeBinary().catch(unlessGoIsMissing) : undefined;
  }
  if (binary) {
    symlinkAtomically(binary, link);
    return link;
  }
  fs.rmSync(link, { force: true });
  return findOnPath('kubectl', env.PATH);
}

// Without Go nothing can be built, but kubectl is only a client: one on PATH will do.
function unlessGoIsMissing(err) {
  if (!(err instanceof GoMissingError)) throw err;
  process.stderr.write(`testenv: ${err.message}\ntestenv: using a kubectl from PATH, if any, instead of kubectl ${kubeVersion()}\n`);
  return undefined;
}

// A new link under a temporary name renamed over the old one: a concurrent test
// never finds `link` missing while it is switched to a rebuilt binary.
function symlinkAtomically(target, link) {
  if (readLink(link) === target) return;
  fs.mkdirSync(path.dirname(link), { recursive: true });
  const tmp = `${link}.tmp-${process.pid}`;
  fs.rmSync(tmp, { force: true });
  fs.symlinkSync(target, tmp);
  fs.renameSync(tmp, link);
}

function readLink(file) {
  try {
    return fs.readlinkSync(file);
  } catch {
    return undefined;
  }
}

function findOnPath(command, searchPath = '') {
  for (const dir of searchPath.split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, command);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/**
 * Starts the API server with its certificates, etcd data and admin kubeconfig in
 * `dir`, detached, output in `logFile`. Resolves to { url, kubeconfig, pid } once
 * /readyz answers ok.
 */
export async function startKube({ dir, logFile = `${dir}.log`, timeoutMs = 180_000 }) {
  const binary = await ensureKubeBinary();
  fs.mkdirSync(dir, { recursive: true });
  // The program binds a kernel-chosen port itself, so two starts never collide.
  const args = ['-dir', dir, '-ready-timeout', `${Math.ceil(timeoutMs / 1000)}s`];
  const child = spawnDetached(binary, args, { logFile });
  await spawned(child);

  let exit;
  child.once('exit', (code, sig) => (exit = sig ?? `exit code ${code}`));
  // A few seconds of grace past the program's own timeout, so it reports why.
  const deadline = Date.now() + timeoutMs + 5_000;
  while (Date.now() < deadline) {
    // The whole log: the API server logs hundreds of lines around READY.
    const ready = READY_LINE.exec(readLog(logFile));
    if (ready) return { url: ready[1], kubeconfig: ready[2], pid: child.pid };
    if (exit) break;
    await sleep(100);
  }
  if (!exit) child.kill('SIGKILL');
  const why = exit ? `exited (${exit})` : `did not print READY within ${timeoutMs / 1000}s`;
  throw new KubeError(`kube-apiserver ${why}; last lines of ${logFile}:\n${tailFile(logFile)}`);
}

function readLog(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
