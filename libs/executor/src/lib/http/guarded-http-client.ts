import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import { CREDENTIAL_HEADERS } from '@base-shift/steps';
import { EgressRefusedError, HttpBadResponseError } from '../errors/executor-errors';
import { ConnectTo } from '../egress/connect-to';
import type { EgressGuard } from '../egress/egress-guard';

export interface HttpRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string;
  /** Aborts the request (job timeout, cancellation, the per-request timeout). */
  signal: AbortSignal;
  /** Throws if this request (it carries secrets) may not go to the URL; called for the first hop and every redirect, before connecting. */
  checkDestination?: (url: URL) => void;
}

export interface HttpResponse {
  status: number;
  statusText: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The URL that answered (after redirects). */
  url: URL;
}

export interface HttpClientOptions {
  maxRedirects?: number;
  maxResponseBytes?: number;
  /** Per origin; keep-alive sockets are reused across jobs. */
  maxSocketsPerOrigin?: number;
  /** EGRESS_CONNECT_TO: hosts whose connections go elsewhere (see ConnectTo). */
  connectTo?: ConnectTo;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * HTTP(S) with keep-alive connection reuse, where every connection goes
 * through the egress guard: the socket's DNS lookup checks each resolved
 * address, and redirects are followed by hand so each hop is checked too.
 * Credential headers are dropped when a redirect leaves the origin.
 */
export class GuardedHttpClient {
  private readonly httpAgent: http.Agent;
  private readonly httpsAgent: https.Agent;
  private readonly maxRedirects: number;
  private readonly maxResponseBytes: number;
  private readonly connectTo: ConnectTo;

  constructor(
    private readonly guard: EgressGuard,
    options: HttpClientOptions = {},
  ) {
    const agentOptions = { keepAlive: true, maxSockets: options.maxSocketsPerOrigin ?? 256, scheduling: 'lifo' as const, lookup: guard.lookup };
    this.httpAgent = new http.Agent(agentOptions);
    this.httpsAgent = new https.Agent(agentOptions);
    this.maxRedirects = options.maxRedirects ?? 5;
    this.maxResponseBytes = options.maxResponseBytes ?? 10 * 1024 * 1024;
    this.connectTo = options.connectTo ?? ConnectTo.NONE;
  }

  async send(request: HttpRequest): Promise<HttpResponse> {
    let current = request;
    for (let hop = 0; ; hop += 1) {
      current.checkDestination?.(current.url);
      this.guard.checkUrl(current.url);
      const target = this.connectTo.target(current.url);
      if (target) this.guard.checkUrl(new URL(`${current.url.protocol}//${target.host.includes(':') ? `[${target.host}]` : target.host}:${target.port}`));
      const response = await this.once(current);
      const location = response.headers.location;
      if (!REDIRECTS.has(response.status) || !location) return response;
      if (hop >= this.maxRedirects) {
        throw new HttpBadResponseError(`${request.method} ${request.url.origin}${request.url.pathname}: more than ${this.maxRedirects} redirects`);
      }
      current = this.redirected(current, response.status, location);
    }
  }

  /** Closes idle keep-alive sockets (shutdown). */
  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  private redirected(previous: HttpRequest, status: number, location: string): HttpRequest {
    let url: URL;
    try {
      url = new URL(location, previous.url);
    } catch {
      throw new HttpBadResponseError(`${previous.method} ${previous.url.origin}${previous.url.pathname}: redirect to an invalid URL`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new EgressRefusedError(`egress refused: redirect to scheme ${url.protocol.replace(/:$/, '')} (only http and https)`);
    }
    // 303, and 301/302 after a POST (what every browser does): the next request is a GET without body.
    const toGet = status === 303 || ((status === 301 || status === 302) && previous.method === 'POST');
    const headers = { ...previous.headers };
    if (toGet) for (const name of Object.keys(headers)) if (/^content-/i.test(name)) delete headers[name];
    if (url.origin !== previous.url.origin) {
      for (const name of Object.keys(headers)) if (CREDENTIAL_HEADERS.includes(name.toLowerCase())) delete headers[name];
    }
    return {
      method: toGet ? 'GET' : previous.method,
      url,
      headers,
      body: toGet ? undefined : previous.body,
      signal: previous.signal,
      checkDestination: previous.checkDestination,
    };
  }

  private once(request: HttpRequest): Promise<HttpResponse> {
    const secure = request.url.protocol === 'https:';
    const headers: Record<string, string> = { ...request.headers };
    if (request.body !== undefined) headers['content-length'] = String(Buffer.byteLength(request.body));
    // Connected elsewhere, the request still names (Host) and verifies (TLS server name) the URL's host.
    const target = this.connectTo.target(request.url);
    const elsewhere = target && { hostname: target.host, port: target.port, servername: request.url.hostname };
    if (target) headers['host'] = request.url.host;
    return new Promise<HttpResponse>((resolve, reject) => {
      const outgoing = (secure ? https : http).request(request.url, {
        method: request.method,
        headers,
        agent: secure ? this.httpsAgent : this.httpAgent,
        signal: request.signal,
        ...elsewhere,
      });
      outgoing.once('error', reject);
      outgoing.once('response', (incoming) => this.collect(request, incoming).then(resolve, reject));
      outgoing.end(request.body);
    });
  }

  private collect(request: HttpRequest, incoming: IncomingMessage): Promise<HttpResponse> {
    return new Promise<HttpResponse>((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      incoming.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > this.maxResponseBytes) {
          incoming.destroy();
          reject(
            new HttpBadResponseError(`${request.method} ${request.url.origin}${request.url.pathname}: response larger than ${this.maxResponseBytes} bytes`),
          );
          return;
        }
        chunks.push(chunk);
      });
      incoming.once('error', reject);
      incoming.once('end', () =>
        resolve({
          status: incoming.statusCode ?? 0,
          statusText: incoming.statusMessage ?? '',
          headers: incoming.headers,
          body: Buffer.concat(chunks),
          url: request.url,
        }),
      );
    });
  }
}
