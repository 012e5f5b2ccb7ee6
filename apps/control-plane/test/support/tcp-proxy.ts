import { createServer, connect, type Server, type Socket } from 'node:net';
import { freePort } from '@base-shift/testing';

/**
 * A port that refuses connections until `open()`, then forwards them to a real
 * server: a dependency that is down when a process starts and comes up later.
 */
export class TcpProxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();

  private constructor(
    readonly port: number,
    private readonly target: URL,
  ) {}

  /** A free port for `target` (host and port of a URL), closed for now. */
  static async reserve(target: URL): Promise<TcpProxy> {
    return new TcpProxy(await freePort(), target);
  }

  open(): void {
    this.server = createServer((client) => {
      const upstream = connect(Number(this.target.port), this.target.hostname);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => [client, upstream].forEach((s) => s.destroy()));
      }
      client.pipe(upstream).pipe(client);
    });
    this.server.listen(this.port, '127.0.0.1');
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    const server = this.server;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
