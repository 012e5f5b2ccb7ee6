/** The parent's side of worker-process.ts. */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { AdapterName } from './adapters';

export class WorkerHandle {
  private readonly child: ChildProcess;
  private readonly messages: { type: string; cpuMicros?: number }[] = [];
  private waiter?: () => void;

  private constructor(adapter: AdapterName, port: number, concurrency: number) {
    this.child = fork(path.join(__dirname, 'worker-process.ts'), [adapter, String(port), String(concurrency)], {
      execArgv: ['-r', '@swc-node/register'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.child.on('message', (message: { type: string }) => {
      this.messages.push(message);
      this.waiter?.();
    });
    this.child.on('exit', () => this.waiter?.());
  }

  /** Forks the worker process; `loaded()` waits until it is ready for commands. */
  static create(adapter: AdapterName, port: number, concurrency: number): WorkerHandle {
    return new WorkerHandle(adapter, port, concurrency);
  }

  async loaded(): Promise<void> {
    await this.next('loaded');
  }

  async start(): Promise<void> {
    this.child.send({ cmd: 'start' });
    await this.next('started');
  }

  async stop(): Promise<void> {
    this.child.send({ cmd: 'stop' });
    await this.next('stopped');
  }

  /** Counts completions from now; done() resolves with the worker's CPU (µs) once `target` completed. */
  async arm(target: number): Promise<{ done: () => Promise<number> }> {
    this.child.send({ cmd: 'arm', target });
    await this.next('armed');
    return { done: async () => (await this.next('done')).cpuMicros ?? 0 };
  }

  /** Asks the worker to stop and exit; one that has not exited within `graceMs` (hung, or busy) is killed. Safe to call twice. */
  async exit(graceMs = 5_000): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    if (this.child.connected) this.child.send({ cmd: 'exit' });
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }

  private async next(type: string): Promise<{ type: string; cpuMicros?: number }> {
    for (;;) {
      const index = this.messages.findIndex((m) => m.type === type);
      if (index >= 0) return this.messages.splice(index, 1)[0];
      if (this.child.exitCode !== null || this.child.signalCode !== null)
        throw new Error(`worker process exited (${this.child.exitCode}) while waiting for ${type}`);
      await new Promise<void>((resolve) => (this.waiter = resolve));
    }
  }
}
