// The test environment of the checkout: which servers testenv started (state.json)
// and the variables tests read (env), both under <repo>/.testenv/.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFerret } from './ferretdb.mjs';
import { provideKubectl, startKube } from './kube.mjs';
import { withLock } from './lock.mjs';
import { ensureChromium } from './chromium.mjs';
import { ensurePrometheus } from './prometheus.mjs';
import { isAlive, portAnswers, stopProcess } from './processes.mjs';
import { clusterIsOk, pingRedis, resolveRedis, startRedisCluster } from './redis.mjs';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const TESTENV_DIR = path.join(REPO_ROOT, '.testenv');
export const ENV_FILE = path.join(TESTENV_DIR, 'env');
const KUBECTL_LINK = path.join(TESTENV_DIR, 'bin', 'kubectl');
const STATE_FILE = path.join(TESTENV_DIR, 'state.json');
const LOCK_FILE = path.join(TESTENV_DIR, 'lock');
// What each state entry's processes run, so a recycled pid is never signalled.
const COMMANDS = { redis: 'redis-server', ferretdb: 'ferretdb', redisCluster: 'redis-server', kube: 'kube-apiserver' };

/**
 * Starts whatever is missing (Redis, FerretDB, with `cluster` a Redis Cluster and
 * with `kube` a Kubernetes API server; with `prometheus` / `chromium` Debian's packages are installed
 * when missing), reusing servers a previous `up` started
 * that still answer, and writes .testenv/env. Resolves to the variables written,
 * e.g. { REDIS_URL, MONGO_URL, REDIS_CLUSTER_NODES?, KUBECONFIG?, KUBECTL? }.
 * REDIS_URL / MONGO_URL / KUBECONFIG / KUBECTL already set in `env` are used as they are.
 */
export async function up({ cluster = false, kube = false, prometheus = false, chromium = false, env = process.env } = {}) {
  fs.mkdirSync(TESTENV_DIR, { recursive: true });
  // Keeps the whole directory out of git without touching the repo's .gitignore.
  fs.writeFileSync(path.join(TESTENV_DIR, '.gitignore'), '*\n');
  return withLock(LOCK_FILE, async () => {
    const state = readState();
    const vars = {
      REDIS_URL: await upRedis(state, env),
      MONGO_URL: await upMongo(state, env),
    };
    const clusterUrls = await upRedisCluster(state, cluster);
    if (clusterUrls) vars.REDIS_CLUSTER_NODES = clusterUrls.join(',');
    const kubeconfig = await upKube(state, kube, env);
    if (kubeconfig) {
      vars.KUBECONFIG = kubeconfig;
      const kubectl = await upKubectl(kube, env);
      if (kubectl) vars.KUBECTL = kubectl;
    }
    if (prometheus) ensurePrometheus();
    if (chromium) ensureChromium();
    writeAtomically(
      ENV_FILE,
      Object.entries(vars)
        .map(([key, value]) => `${key}=${value}\n`)
        .join(''),
    );
    return vars;
  });
}

/** Stops every server testenv started (never one it merely found) and removes state and env files. */
export async function down() {
  if (!fs.existsSync(TESTENV_DIR)) return;
  await withLock(LOCK_FILE, async () => {
    const state = readState();
    await Promise.all([
      stopAll([state.redis], COMMANDS.redis),
      stopAll([state.ferretdb], COMMANDS.ferretdb),
      stopAll(state.redisCluster?.nodes, COMMANDS.redisCluster),
      stopAll([state.kube], COMMANDS.kube),
    ]);
    fs.rmSync(STATE_FILE, { force: true });
    fs.rmSync(ENV_FILE, { force: true });
  });
}

/** The variables of the last `up` as an object, or undefined if the environment is down. */
export function readEnv() {
  if (!fs.existsSync(ENV_FILE)) return undefined;
  const lines = fs.readFileSync(ENV_FILE, 'utf8').split('\n').filter(Boolean);
  return Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
}

async function upRedis(state, env) {
  const running = state.redis;
  const healthy = running && isAlive(running.pid, COMMANDS.redis) && (await pingRedis(running.url));
  if (!healthy) await forget(state, 'redis', [running]);
  if (healthy && !env.REDIS_URL) return running.url;
  const redis = await resolveRedis({ dir: path.join(TESTENV_DIR, 'redis'), env });
  if (redis.pid) remember(state, 'redis', redis);
  return redis.url;
}

async function upMongo(state, env) {
  if (env.MONGO_URL) return env.MONGO_URL;
  const running = state.ferretdb;
  if (running && isAlive(running.pid, COMMANDS.ferretdb) && (await portAnswers(...hostAndPort(running.url)))) {
    return running.url;
  }
  await forget(state, 'ferretdb', [running]);
  const ferret = await startFerret({
    dataDir: path.join(TESTENV_DIR, 'ferretdb-data'),
    logFile: path.join(TESTENV_DIR, 'ferretdb.log'),
  });
  remember(state, 'ferretdb', ferret);
  return ferret.url;
}

// Returns the cluster's node URLs, or undefined if there is no cluster and none was asked for.
async function upRedisCluster(state, wanted) {
  const running = state.redisCluster;
  if (running && running.nodes.every((node) => isAlive(node.pid, COMMANDS.redisCluster)) && (await clusterIsOk(running.urls))) {
    return running.urls;
  }
  await forget(state, 'redisCluster', running?.nodes);
  if (!wanted) return undefined;
  const cluster = await startRedisCluster({ dir: path.join(TESTENV_DIR, 'redis-cluster') });
  remember(state, 'redisCluster', cluster);
  return cluster.urls;
}

// Returns the kubeconfig path, or undefined if there is no API server and none was asked for.
async function upKube(state, wanted, env) {
  if (wanted && env.KUBECONFIG) return env.KUBECONFIG;
  const running = state.kube;
  if (running && isAlive(running.pid, COMMANDS.kube) && fs.existsSync(running.kubeconfig)) {
    const { hostname, port } = new URL(running.url);
    if (await portAnswers(hostname, Number(port))) return running.kubeconfig;
  }
  await forget(state, 'kube', [running]);
  if (!wanted) return undefined;
  const kube = await startKube({ dir: path.join(TESTENV_DIR, 'kube'), logFile: path.join(TESTENV_DIR, 'kube.log') });
  remember(state, 'kube', kube);
  return kube.kubeconfig;
}

// A kubectl for whatever KUBECONFIG is, a cluster of the user's own included: it is
// only a client. Built when `up --kube` asks; otherwise (an API server left running
// by an earlier `up --kube`) an existing build is linked, no build started.
async function upKubectl(wanted, env) {
  if (env.KUBECTL) return env.KUBECTL;
  return provideKubectl(KUBECTL_LINK, { build: wanted, env });
}

function hostAndPort(mongoUrl) {
  const { hostname, port } = new URL(mongoUrl);
  return [hostname, Number(port || 27017)];
}

// Records a server as soon as it runs, so a later failure in the same `up` still leaves it for `down`.
function remember(state, key, value) {
  state[key] = value;
  writeAtomically(STATE_FILE, `${JSON.stringify(state, null, 2)}\n`);
}

// Drops a recorded server that is gone or unhealthy, stopping whatever of it still runs.
async function forget(state, key, processes = []) {
  if (!state[key]) return;
  await stopAll(processes, COMMANDS[key]);
  delete state[key];
  writeAtomically(STATE_FILE, `${JSON.stringify(state, null, 2)}\n`);
}

function stopAll(processes = [], commandIncludes) {
  return Promise.all(processes.filter(Boolean).map(({ pid }) => stopProcess(pid, { commandIncludes })));
}

function readState() {
  try {
    return JSON.parse(fs.readFileSync(STATE_FILE, 'utf8'));
  } catch (err) {
    if (err.code === 'ENOENT') return {};
    throw new Error(`${STATE_FILE} is not valid JSON (${err.message}); stop its servers by hand and delete it`);
  }
}

function writeAtomically(file, text) {
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}
