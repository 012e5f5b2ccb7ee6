import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConnectTo } from '../egress/connect-to';
import { EgressAllowList } from '../egress/egress-allow-list';
import { EgressGuard } from '../egress/egress-guard';
import { EgressRefusedError } from '../errors/executor-errors';
import { GuardedHttpClient } from './guarded-http-client';

describe('GuardedHttpClient with EGRESS_CONNECT_TO (real HTTP on loopback)', () => {
  let server: Server;
  let port: number;
  const seen: IncomingHttpHeaders[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      seen.push(request.headers);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"ok":true}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const client = (allow: string[]) =>
    new GuardedHttpClient(new EgressGuard(EgressAllowList.parse(allow).allowList), {
      connectTo: ConnectTo.parse([`payment.gateway.com:80:127.0.0.1:${port}`]).connectTo,
    });
  const post = (http: GuardedHttpClient, checkDestination?: (url: URL) => void) =>
    http.send({
      method: 'POST',
      url: new URL('http://payment.gateway.com/process'),
      headers: { 'content-type': 'application/json' },
      body: '{}',
      signal: AbortSignal.timeout(5000),
      checkDestination,
    });

  it("connects to the mapped address while the request keeps the URL's host (Host header, destination checks)", async () => {
    const http = client(['127.0.0.1']);
    const checked: string[] = [];
    const response = await post(http, (url) => checked.push(url.host));
    http.close();
    expect(response.status).toBe(200);
    expect(response.url.host).toBe('payment.gateway.com');
    expect(seen.at(-1)?.host).toBe('payment.gateway.com');
    // Secret bindings judge the host the template names, not where it was sent.
    expect(checked).toEqual(['payment.gateway.com']);
  });

  it('still puts the mapped address through the SSRF guard', async () => {
    const http = client([]);
    await expect(post(http)).rejects.toThrow(EgressRefusedError);
    http.close();
  });
});
