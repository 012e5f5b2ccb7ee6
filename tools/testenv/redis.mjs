// Redis for tests: the user's REDIS_URL, else a local server on 6379, else a
// throwaway redis-server; plus a 3-master Redis Cluster on demand.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort, spawnDetached, spawned, stopProcess, tailFile } from './processes.mjs';
import { pingRedis, redisCommands } from './resp.mjs';

export { pingRedis } from './resp.mjs';

const LOCAL_REDIS_URL = 'redis://127.0.0.1:6379';
const START_ATTEMPTS = 3;

/** Thrown when Redis cannot be reached or started. */
export class RedisEnvError extends Error {
  name = 'RedisEnvError';
}

/**
 * Picks the Redis for tests. Resolves to { url } for a server testenv does not own
 * (REDIS_URL, or one already on 127.0.0.1:6379), or { url, pid, port } for one it
 * started in `dir`.
 */
export async function resolveRedis({ dir, env = process.env }) {
  if (env.REDIS_URL) {
    if (!(await pingRedis(env.REDIS_URL))) {
      throw new RedisEnvError(`REDIS_URL=${env.REDIS_URL} does not answer PING; start that server or unset REDIS_URL`);
    }
    return { url: env.REDIS_URL };
  }
  if (await pingRedis(LOCAL_REDIS_URL)) return { url: LOCAL_REDIS_URL };
  return startRedis({ dir });
}

/** Starts a non-persistent redis-server on a free loopback port; resolves to { url, pid, port }. */
export async function startRedis({ dir, logFile = path.join(dir, 'redis.log') }) {
  fs.mkdirSync(dir, { recursive: true });
  return withPortRetries(async () => {
    const port = await freePort();
    const pid = await startRedisServer(['--port', port, '--dir', dir], logFile);
    return { url: `redis://127.0.0.1:${port}`, pid, port };
  });
}

/**
 * Starts three cluster-enabled redis-servers in `dir` (emptied first), joins them
 * into a cluster of three masters and waits until every node reports
 * cluster_state:ok. Resolves to { urls, nodes: [{ url, pid, port }] }.
 */
export async function startRedisCluster({ dir }) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const nodes = [];
  try {
    for (let i = 0; i < 3; i++) {
      nodes.push(
        await withPortRetries(async () => {
          // The bus port defaults to port+10000, which overflows for high ephemeral
          // ports; giving it its own free port avoids that.
          const [port, busPort] = [await freePort(), await freePort()];
          const args = ['--port', port, '--cluster-enabled', 'yes', '--cluster-port', busPort];
          args.push('--cluster-config-file', `nodes-${port}.conf`, '--dir', dir);
          const pid = await startRedisServer(args, path.join(dir, `node-${port}.log`));
          return { url: `redis://127.0.0.1:${port}`, pid, port };
        }),
      );
    }
    await createCluster(nodes.map((node) => `127.0.0.1:${node.port}`));
    await waitForClusterOk(nodes.map((node) => node.url));
    return { urls: nodes.map((node) => node.url), nodes };
  } catch (err) {
    await Promise.all(nodes.map((node) => stopProcess(node.pid)));
    throw err;
  }
}

/** True if every node answers and reports cluster_state:ok. */
export async function clusterIsOk(urls) {
  try {
    const infos = await Promise.all(urls.map((url) => redisCommands(url, [['CLUSTER', 'INFO']])));
    return infos.every((info) => /^cluster_state:ok\r?$/m.test(info));
  } catch {
    return false;
  }
}

async function startRedisServer(args, logFile) {
  const child = spawnDetached('redis-server', [...args.map(String), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'], {
    logFile,
  });
  try {
    await spawned(child);
  } catch (err) {
    throw err.code === 'ENOENT' ? new RedisEnvError('redis-server is not on PATH; install Redis, or set REDIS_URL to a running server') : err;
  }
  let exit;
  child.once('exit', (code, sig) => (exit = sig ?? `exit code ${code}`));
  const url = `redis://127.0.0.1:${args[args.indexOf('--port') + 1]}`;
  const deadline = Date.now() + 10_000;
  while (!exit && Date.now() < deadline) {
    if (await pingRedis(url, { timeoutMs: 500 })) return child.pid;
    await sleep(50);
  }
  if (!exit) await stopProcess(child.pid);
  const why = exit ? `exited (${exit})` : 'did not answer PING within 10s';
  throw new RedisEnvError(`redis-server ${why}; last lines of ${logFile}:\n${tailFile(logFile)}`);
}

// A port found free can be taken before redis-server binds it; try again with another.
async function withPortRetries(start) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start();
    } catch (err) {
      if (attempt >= START_ATTEMPTS || !/Address already in use/i.test(err.message)) throw err;
    }
  }
}

function createCluster(addresses) {
  const args = ['--cluster', 'create', ...addresses, '--cluster-replicas', '0', '--cluster-yes'];
  const child = spawn('redis-cli', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve, reject) => {
    child.once('error', (err) => reject(err.code === 'ENOENT' ? new RedisEnvError('redis-cli is not on PATH; it is needed to create the cluster') : err));
    child.once('exit', (code) => {
      if (code === 0) resolve();
      else reject(new RedisEnvError(`redis-cli --cluster create failed (exit code ${code}):\n${output.trim()}`));
    });
  });
}

async function waitForClusterOk(urls, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await clusterIsOk(urls)) return;
    await sleep(200);
  }
  throw new RedisEnvError(`Redis Cluster ${urls.join(', ')} did not reach cluster_state:ok within ${timeoutMs / 1000}s`);
}
