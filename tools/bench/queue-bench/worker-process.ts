/**
 * A worker in a process of its own (forked by queue-bench.ts):
 *   argv: <adapter> <redis port> <concurrency>
 * Parent → child: { cmd: 'start' | 'stop' | 'exit' } and { cmd: 'arm', target }.
 * Child → parent: { type: 'started' | 'stopped' }, and once `target` jobs have
 * completed after 'arm': { type: 'done', cpuMicros } (this process's CPU since 'arm').
 */
import { adapter, type RunningWorker } from './adapters';

const [name, port, concurrency] = process.argv.slice(2);
const queue = adapter(name);
let worker: RunningWorker | undefined;
let completed = 0;
let target = Infinity;
let cpuAtArm = process.cpuUsage();

function onCompleted(): void {
  if (++completed === target) {
    const cpu = process.cpuUsage(cpuAtArm);
    target = Infinity;
    process.send?.({ type: 'done', cpuMicros: cpu.user + cpu.system });
  }
}

process.on('message', (message: { cmd: string; target?: number }) => {
  void (async () => {
    switch (message.cmd) {
      case 'start':
        worker = await queue.startWorker(Number(port), Number(concurrency), onCompleted);
        process.send?.({ type: 'started' });
        return;
      case 'arm':
        completed = 0;
        target = message.target ?? Infinity;
        cpuAtArm = process.cpuUsage();
        process.send?.({ type: 'armed' });
        return;
      case 'stop':
        await worker?.stop();
        worker = undefined;
        process.send?.({ type: 'stopped' });
        return;
      case 'exit':
        await worker?.stop();
        process.exit(0);
    }
  })().catch((error: Error) => {
    process.stderr.write(`worker ${name}: ${error.stack}\n`);
    process.exit(1);
  });
});
process.send?.({ type: 'loaded' });
