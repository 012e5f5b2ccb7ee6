import { createServer, type Server } from 'node:http';
import { freePort } from '@base-shift/testing';

/**
 * An HTTP API on a loopback port that is reserved first and served later: until `start()` a call to it is
 * refused (the job fails), afterwards it answers 200 {"ok":true} (a retry or a requeue succeeds).
 */
export class LateApi {
  private server: Server | undefined;

  private constructor(readonly port: number) {}

  static async reserve(): Promise<LateApi> {
    return new LateApi(await freePort());
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/ping`;
  }

  async start(): Promise<void> {
    if (this.server) return;
    const server = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end('{"ok":true}');
      });
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
