import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '../../../..');

export type BuiltApp = 'control-plane' | 'job-executor';

export interface AppProcess {
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code (or the signal name) once the process ends. */
  exited: Promise<number | NodeJS.Signals>;
  /** Polls `url` until it answers with `status` (or the process dies). */
  waitForHttp(url: string, status?: number, timeoutMs?: number): Promise<Response>;
  /** Sends `signal` and waits for the exit; SIGKILL after `timeoutMs`. */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<number | NodeJS.Signals>;
}

/**
 * Runs a built app exactly as its container does: `node dist/apps/<app>/main.js`
 * with an environment of the test's choosing (no inherited REDIS_URL surprises).
 * The Node binary is the one running the tests (the project's Node 24).
 */
export function startBuiltApp(app: BuiltApp, env: Record<string, string>): AppProcess {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'dist/apps', app, 'main.js')], {
    cwd: REPO_ROOT,
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | NodeJS.Signals>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? -1));
  });
  let exitCode: number | NodeJS.Signals | undefined;
  void exited.then((code) => (exitCode = code));

  return {
    child,
    output: () => output,
    exited,
    async waitForHttp(url, status = 200, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      let last = 'no answer yet';
      while (Date.now() < deadline) {
        if (exitCode !== undefined) throw new Error(`${app} exited with ${exitCode} before ${url} answered:\n${output}`);
        try {
          const response = await fetch(url);
          if (response.status === status) return response;
          last = `status ${response.status}`;
        } catch (error) {
          last = (error as Error).message;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`${url} did not answer ${status} within ${timeoutMs} ms (last: ${last}); output:\n${output}`);
    },
    async stop(signal = 'SIGTERM', timeoutMs = 15_000) {
      if (exitCode !== undefined) return exitCode;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** A TCP port that was free a moment ago (good enough for tests on loopback). */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
