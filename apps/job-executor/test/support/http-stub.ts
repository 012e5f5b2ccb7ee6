import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StubRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** Resolves when the client closed the connection before an answer was sent (an aborted request). */
  aborted: Promise<void>;
}

export type StubHandler = (request: StubRequest, response: ServerResponse) => void;

export interface HttpStub {
  url: string;
  port: number;
  requests: StubRequest[];
  /** Resolves when the n-th request (1-based) has arrived. */
  nthRequest(n: number): Promise<StubRequest>;
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 answering request n with handlers[n - 1] (the last handler repeats). */
export async function startHttpStub(handlers: StubHandler[]): Promise<HttpStub> {
  const requests: StubRequest[] = [];
  const waiters: Array<{ n: number; resolve: (request: StubRequest) => void }> = [];
  const server: Server = createServer((incoming, response) => {
    let body = '';
    incoming.on('data', (chunk: Buffer) => (body += chunk.toString()));
    incoming.on('end', () => {
      const aborted = new Promise<void>((resolve) => response.once('close', () => !response.writableEnded && resolve()));
      const request: StubRequest = { method: incoming.method ?? '', path: incoming.url ?? '', headers: incoming.headers, body, aborted };
      requests.push(request);
      handlers[Math.min(requests.length, handlers.length) - 1](request, response);
      for (const waiter of waiters.filter((w) => w.n === requests.length)) waiter.resolve(request);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    nthRequest: (n) => (requests.length >= n ? Promise.resolve(requests[n - 1]) : new Promise((resolve) => waiters.push({ n, resolve }))),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): StubHandler {
  return (_, response) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
  };
}

/** Never answers (until the client gives up). */
export const hang: StubHandler = () => undefined;

/** Holds each request until the test answers it: `const held = holding(); … held.answer(0, 200, body)`. */
export function holding(): { handler: StubHandler; answer(index: number, status: number, body: unknown): void } {
  const responses: ServerResponse[] = [];
  return {
    handler: (_, response) => void responses.push(response),
    answer(index, status, body) {
      responses[index].writeHead(status, { 'content-type': 'application/json' });
      responses[index].end(JSON.stringify(body));
    },
  };
}
