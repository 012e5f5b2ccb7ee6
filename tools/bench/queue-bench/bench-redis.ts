/** A throwaway redis-server on a free loopback port for one benchmark run (never the shared 6379). */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRedisConnection, type RedisConnection } from '@base-shift/redis';

export interface BenchRedis {
  port: number;
  client: RedisConnection;
  version: string;
  flush(): Promise<void>;
  /** Redis main-thread CPU so far, µs (user + sys). */
  cpuMicros(): Promise<number>;
  usedMemory(): Promise<number>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

export async function startBenchRedis(): Promise<BenchRedis> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'queue-bench-'));
  const port = await freePort();
  const child: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
    stdio: 'ignore',
  });
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  for (let i = 0; !(await accepts(port)); i++) {
    if (i > 200 || child.exitCode !== null) throw new Error(`redis-server did not start on port ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const client = createRedisConnection(`redis://127.0.0.1:${port}`);
  await client.ping();
  const info = async (section: string) => {
    const text = await client.info(section);
    return new Map(
      text
        .split('\r\n')
        .filter((line) => line.includes(':'))
        .map((line) => line.split(':') as [string, string]),
    );
  };
  return {
    port,
    client,
    version: (await info('server')).get('redis_version') ?? '?',
    flush: async () => void (await client.flushall()),
    cpuMicros: async () => {
      const cpu = await info('cpu');
      return Math.round((Number(cpu.get('used_cpu_user_main_thread')) + Number(cpu.get('used_cpu_sys_main_thread'))) * 1e6);
    },
    usedMemory: async () => Number((await info('memory')).get('used_memory')),
    stop: async () => {
      await client.quit().catch(() => undefined);
      process.removeListener('exit', kill);
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
