import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRedisConnection, type RedisConnection } from '@base-shift/redis';
import { freePort } from './app-process';

export interface ThrowawayRedis {
  /** `redis://127.0.0.1:<port>`, as the default (unauthenticated) user. */
  url: string;
  port: number;
  /** `redis://<user>:<password>@127.0.0.1:<port>`. */
  urlFor(user: string, password: string): string;
  /** A connection as the default user, which is an admin here: for ACL SETUSER and inspection. */
  admin: RedisConnection;
  /** Kills the server (SIGKILL, as a crash) and starts an empty one on the same port: Redis lost its data. */
  restartEmpty(): Promise<void>;
  /** Stops the server (SIGTERM, or SIGKILL as a crash) and starts it again on the same port and data dir, with the same args: what it persisted survives. */
  restart(signal?: NodeJS.Signals): Promise<void>;
  /** The server's working directory (AOF, RDB), removed by stop(). */
  dataDir: string;
  stop(): Promise<void>;
}

export interface ThrowawayRedisOptions {
  /** Extra redis-server arguments after the defaults (which turn persistence off), e.g. `['--appendonly', 'yes', '--appendfsync', 'everysec']`. */
  serverArgs?: string[];
}

/**
 * A redis-server of this test alone (loopback, free port, own data dir, no
 * persistence unless `serverArgs` turn it on):
 * for tests that change server state the shared test Redis must keep, such as
 * ACL users. `stop()` ends exactly that process.
 */
export async function startThrowawayRedis(options: ThrowawayRedisOptions = {}): Promise<ThrowawayRedis> {
  const dataDir = await mkdtemp(join(tmpdir(), 'base-shift-redis-'));
  const extra = options.serverArgs ?? [];
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    let child: ChildProcess;
    try {
      child = await startServer(port, dataDir, extra);
    } catch (error) {
      if (attempt < 3) continue;
      await rm(dataDir, { recursive: true, force: true });
      throw error;
    }
    const url = `redis://127.0.0.1:${port}`;
    const admin = createRedisConnection(url, { connectionName: 'base-shift:test:throwaway-admin' });
    return {
      url,
      port,
      urlFor: (user, password) => `redis://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}`,
      admin,
      dataDir,
      async restartEmpty() {
        await kill(child, 'SIGKILL');
        await rm(dataDir, { recursive: true, force: true });
        await mkdir(dataDir, { recursive: true });
        child = await startServer(port, dataDir, extra);
      },
      async restart(signal = 'SIGTERM') {
        await kill(child, signal);
        child = await startServer(port, dataDir, extra);
      },
      async stop() {
        await admin.quit().catch(() => admin.disconnect());
        await kill(child, 'SIGTERM');
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  }
}

/** A redis-server on `port` in `dir`, answering PING; by default no persistence, so a restart starts empty. */
async function startServer(port: number, dir: string, extra: string[]): Promise<ChildProcess> {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--daemonize', 'no', ...extra];
  const child = spawn('redis-server', args, { stdio: 'ignore' });
  try {
    await waitForPing(child, port);
    return child;
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
}

async function kill(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}

async function waitForPing(child: ChildProcess, port: number): Promise<void> {
  let exit: string | undefined;
  child.once('exit', (code, signal) => (exit = signal ?? `exit code ${code}`));
  child.once('error', (error) => (exit = error.message));
  const deadline = Date.now() + 10_000;
  while (!exit && Date.now() < deadline) {
    if (await answersPing(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`redis-server on port ${port} ${exit ? `exited (${exit})` : 'did not answer PING within 10 s'}`);
}

/** One PING on a plain socket: no client library, so nothing retries or lingers after the answer. */
function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}
