import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createServer, connect, type Server, type Socket } from 'node:net';
import path from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';

const REPO_ROOT = path.resolve(__dirname, '../../../..');

/**
 * A kube-apiserver of one test's own (tools/kube-apiserver, the binary the test
 * environment builds and caches), for what the shared one must not go through:
 * being stopped and restarted. Its data directory survives restarts.
 */
export class PrivateApiServer {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    readonly kubeconfig: string,
  ) {}

  get port(): number {
    return Number(new URL(this.url).port);
  }

  static async start(dir: string): Promise<PrivateApiServer> {
    const binary = execFileSync(
      process.execPath,
      ['-e', 'import(process.argv[1]).then(async (m) => process.stdout.write(await m.ensureKubeBinary()))', path.join(REPO_ROOT, 'tools/testenv/kube.mjs')],
      { encoding: 'utf8' },
    );
    const child = spawn(binary, ['-dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    const ready = await new Promise<RegExpExecArray>((resolve, reject) => {
      let stdout = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /^READY (https:\/\/\S+) (\S+)$/m.exec(stdout);
        if (match) resolve(match);
      });
      child.once('exit', (code, signal) => reject(new Error(`kube-apiserver exited (${signal ?? code}) before READY:\n${stderr}`)));
    });
    return new PrivateApiServer(child, ready[1], ready[2]);
  }

  /** The admin kubeconfig, pointed at `server` (e.g. a proxy in front of this server). */
  kubeConfig(server = this.url): KubeConfig {
    const original = new KubeConfig();
    original.loadFromFile(this.kubeconfig);
    const config = new KubeConfig();
    config.loadFromOptions({
      clusters: original.clusters.map((cluster) => ({ ...cluster, server })),
      users: original.users,
      contexts: original.contexts,
      currentContext: original.currentContext,
    });
    return config;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  }
}

/**
 * A loopback TCP forwarder with a switchable target, so a client keeps one
 * address while the server behind it goes away and comes back on another port.
 * With no target, connections are refused (closed at once).
 */
export class TcpProxy {
  private readonly sockets = new Set<Socket>();
  private target?: number;

  private constructor(private readonly server: Server) {}

  static async start(): Promise<TcpProxy> {
    const server = createServer();
    const proxy = new TcpProxy(server);
    server.on('connection', (socket) => proxy.forward(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    return proxy;
  }

  get url(): string {
    const address = this.server.address();
    return `https://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }

  /** Switches the target and cuts every open connection (watches included). */
  pointTo(port: number | undefined): void {
    this.target = port;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  async close(): Promise<void> {
    this.pointTo(undefined);
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private forward(socket: Socket): void {
    if (this.target === undefined) {
      socket.destroy();
      return;
    }
    const upstream = connect(this.target, '127.0.0.1');
    for (const end of [socket, upstream]) {
      this.sockets.add(end);
      end.on('error', () => undefined);
      end.on('close', () => {
        this.sockets.delete(end);
        socket.destroy();
        upstream.destroy();
      });
    }
    socket.pipe(upstream).pipe(socket);
  }
}
