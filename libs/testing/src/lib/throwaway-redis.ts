import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
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
  stop(): Promise<void>;
}

/**
 * A redis-server of this test alone (loopback, free port, no persistence):
 * for tests that change server state the shared test Redis must keep, such as
 * ACL users. `stop()` ends exactly that process.
 */
export async function startThrowawayRedis(): Promise<ThrowawayRedis> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    let child: ChildProcess;
    try {
      child = await startServer(port);
    } catch (error) {
      if (attempt < 3) continue;
      throw error;
    }
    const url = `redis://127.0.0.1:${port}`;
    const admin = createRedisConnection(url, { connectionName: 'base-shift:test:throwaway-admin' });
    return {
      url,
      port,
      urlFor: (user, password) => `redis://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}`,
      admin,
      async restartEmpty() {
        await kill(child, 'SIGKILL');
        child = await startServer(port);
      },
      async stop() {
        await admin.quit().catch(() => admin.disconnect());
        await kill(child, 'SIGTERM');
      },
    };
  }
}

/** A redis-server on `port`, answering PING; no persistence, so a restart starts empty. */
async function startServer(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'], {
    stdio: 'ignore',
  });
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
