import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { JsonValue } from '@base-shift/core';
import { SecretBindings, type ExternalApiCallStepConfig } from '@base-shift/steps';
import { eventually } from '@base-shift/testing';
import { EgressAllowList } from '../egress/egress-allow-list';
import { EgressGuard } from '../egress/egress-guard';
import {
  EgressRefusedError,
  HttpClientError,
  HttpUnavailableError,
  InvalidTemplateError,
  JobFailure,
  JobTimedOutError,
  SecretDestinationRefusedError,
  SecretMissingError,
} from '../errors/executor-errors';
import { GuardedHttpClient } from '../http/guarded-http-client';
import { Redactor } from '../secrets/redactor';
import { SecretResolver } from '../secrets/secret-resolver';
import { externalApiCallRunner } from './external-api-call.runner';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

type Handler = (request: Seen, response: ServerResponse) => void;

/** A loopback HTTP server answering with the handlers in turn (the last one repeats). */
async function startServer(handlers: Handler[]): Promise<{ url: string; seen: Seen[]; server: Server; connections: () => number }> {
  const seen: Seen[] = [];
  let connections = 0;
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const entry = { method: request.method ?? '', url: request.url ?? '', headers: request.headers, body };
      seen.push(entry);
      handlers[Math.min(seen.length, handlers.length) - 1](entry, response);
    });
  });
  server.on('connection', () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server, connections: () => connections };
}

const json =
  (status: number, body: JsonValue, headers: Record<string, string> = {}): Handler =>
  (_, response) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
  };

describe('external_api_call runner (real HTTP on loopback)', () => {
  const servers: Server[] = [];
  const redactor = new Redactor();
  const secretsDir = mkdtempSync(path.join(tmpdir(), 'runner-secrets-'));
  writeFileSync(path.join(secretsDir, 'API_KEY'), 'sk_test_51Hsecret');
  writeFileSync(path.join(secretsDir, 'UNBOUND_KEY'), 'sk_unbound');
  const bindings = new SecretBindings([
    { name: 'API_KEY', allowedHosts: ['127.0.0.1'] },
    { name: 'NOPE', allowedHosts: ['api.example.com'] },
    { name: 'PAYMENTS_KEY', allowedHosts: ['payments.example.com', '*.svc.cluster.local'] },
  ]);
  const secrets = new SecretResolver({ secretsDir, bindings, redactor });
  const http = new GuardedHttpClient(new EgressGuard(EgressAllowList.parse(['127.0.0.1']).allowList));
  const runner = externalApiCallRunner({ http, secrets, retry: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 5, maxRetryAfterMs: 1000 } });
  const context = (signal = new AbortController().signal) => ({ signal, jobInput: { orderId: 'o-1' }, idempotencyKey: 'wf:job:1:pay' });
  const serve = async (handlers: Handler[]) => {
    const started = await startServer(handlers);
    servers.push(started.server);
    return started;
  };

  afterAll(async () => {
    rmSync(secretsDir, { recursive: true, force: true });
    http.close();
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  });

  it('sends the mapped body with the secret filled in and returns the JSON response', async () => {
    const api = await serve([json(200, { transactionId: 't-1', status: 'approved' })]);
    const config: ExternalApiCallStepConfig = {
      api_endpoint: `${api.url}/process`,
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ${API_KEY}' },
      body: { amount: { $from: 'input.amount' }, order: { $from: 'job.input.orderId' }, note: { $from: 'input.note' } },
    };
    // A job input asking for a secret gets the literal text: only the template's own strings are filled.
    const output = await runner.run(config, { amount: 12.5, note: '${API_KEY}' }, context());
    expect(output).toEqual({ transactionId: 't-1', status: 'approved' });
    expect(api.seen[0].headers['authorization']).toBe('Bearer sk_test_51Hsecret');
    expect(api.seen[0].headers['idempotency-key']).toBe('wf:job:1:pay');
    expect(JSON.parse(api.seen[0].body)).toEqual({ amount: 12.5, order: 'o-1', note: '${API_KEY}' });
  });

  it('retries a 503, honouring Retry-After, then succeeds', async () => {
    const api = await serve([json(503, { error: 'busy' }, { 'retry-after': '0' }), json(200, { ok: true })]);
    await expect(runner.run({ api_endpoint: `${api.url}/x`, method: 'GET' }, {}, context())).resolves.toEqual({ ok: true });
    expect(api.seen).toHaveLength(2);
  });

  it('gives up after its retries with a retryable error', async () => {
    const api = await serve([json(502, {})]);
    const error = await runner.run({ api_endpoint: `${api.url}/x`, method: 'GET' }, {}, context()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpUnavailableError);
    expect((error as JobFailure).retryable).toBe(true);
    expect((error as Error).message).toBe(`GET ${api.url}/x answered 502 Bad Gateway (3 tries)`);
    expect(api.seen).toHaveLength(3);
  });

  it('does not wait for a Retry-After longer than it allows', async () => {
    const api = await serve([json(429, {}, { 'retry-after': '120' })]);
    await expect(runner.run({ api_endpoint: `${api.url}/x`, method: 'GET' }, {}, context())).rejects.toThrow(/asked to retry after 120 s/);
    expect(api.seen).toHaveLength(1);
  });

  it('fails permanently on a 400, keeping the API error', async () => {
    const api = await serve([json(400, { error: 'card_declined' })]);
    const error = (await runner.run({ api_endpoint: `${api.url}/pay`, method: 'POST' }, { a: 1 }, context()).catch((e: unknown) => e)) as HttpClientError;
    expect(error).toBeInstanceOf(HttpClientError);
    expect(error.retryable).toBe(false);
    expect(error.details).toEqual({ status: 400, body: { error: 'card_declined' } });
    expect(api.seen).toHaveLength(1);
  });

  it('times a request out after timeoutMs and retries it', async () => {
    const api = await serve([() => undefined]);
    await expect(runner.run({ api_endpoint: `${api.url}/slow`, method: 'GET', timeoutMs: 100 }, {}, context())).rejects.toThrow(
      `GET ${api.url}/slow timed out after 100 ms (3 tries)`,
    );
    expect(api.seen).toHaveLength(3);
  });

  it('stops at once when the job is aborted, with the reason the worker gave', async () => {
    const api = await serve([() => undefined]);
    const controller = new AbortController();
    const running = runner.run({ api_endpoint: `${api.url}/slow`, method: 'GET' }, {}, context(controller.signal));
    await eventually(() => api.seen.length > 0, 'the request to reach the API', { everyMs: 5 });
    controller.abort(new JobTimedOutError('job timed out after 1 s'));
    await expect(running).rejects.toThrow(JobTimedOutError);
  });

  it('names a missing secret', async () => {
    await expect(runner.run({ api_endpoint: 'https://api.example.com/x', method: 'GET', headers: { 'X-Api-Key': '${NOPE}' } }, {}, context())).rejects.toThrow(
      SecretMissingError,
    );
  });

  it('refuses redirects to forbidden places, and to other schemes', async () => {
    const api = await serve([
      (_, response) => response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end(),
      (_, response) => response.writeHead(307, { location: 'http://127.0.0.2:1/' }).end(),
      (_, response) => response.writeHead(301, { location: 'file:///etc/passwd' }).end(),
    ]);
    const call = () => runner.run({ api_endpoint: `${api.url}/r`, method: 'GET' }, {}, context());
    await expect(call()).rejects.toThrow('egress refused: 169.254.169.254 is a link-local address');
    await expect(call()).rejects.toThrow('egress refused: 127.0.0.2 is a loopback address');
    await expect(call()).rejects.toThrow(EgressRefusedError);
  });

  it('follows a redirect, dropping credentials when it leaves the origin', async () => {
    const target = await serve([json(200, { done: true })]);
    const origin = await serve([(_, response) => response.writeHead(307, { location: `${target.url}/next` }).end()]);
    await expect(
      runner.run({ api_endpoint: `${origin.url}/start`, method: 'POST', headers: { Authorization: 'Bearer ${API_KEY}' } }, { x: 1 }, context()),
    ).resolves.toEqual({ done: true });
    expect(origin.seen[0].headers['authorization']).toBe('Bearer sk_test_51Hsecret');
    expect(target.seen[0].headers['authorization']).toBeUndefined();
    expect(target.seen[0].method).toBe('POST');
    expect(target.seen[0].body).toBe('{"x":1}');
  });

  it('refuses loopback without an EGRESS_ALLOW entry', async () => {
    const api = await serve([json(200, {})]);
    const guarded = externalApiCallRunner({ http: new GuardedHttpClient(new EgressGuard()), secrets });
    await expect(guarded.run({ api_endpoint: `${api.url}/x`, method: 'GET' }, {}, context())).rejects.toThrow(
      'egress refused: 127.0.0.1 is a loopback address',
    );
    const viaName = await guarded.run({ api_endpoint: `http://localhost:${new URL(api.url).port}/x`, method: 'GET' }, {}, context()).catch((e: unknown) => e);
    expect(viaName).toBeInstanceOf(EgressRefusedError);
    expect((viaName as Error).message).toMatch(/\(resolved from localhost\) is a loopback address/);
    expect(api.seen).toHaveLength(0);
  });

  it('refuses to send a secret to a host outside its binding, before opening any connection', async () => {
    const api = await serve([json(200, { stolen: true })]);
    const steal = (config: Partial<ExternalApiCallStepConfig>) =>
      runner.run({ api_endpoint: `${api.url}/collect`, method: 'POST', ...config }, { a: 1 }, context()).catch((e: unknown) => e);
    const viaHeader = await steal({ headers: { Authorization: 'Bearer ${PAYMENTS_KEY}' } });
    expect(viaHeader).toBeInstanceOf(SecretDestinationRefusedError);
    expect((viaHeader as JobFailure).retryable).toBe(false);
    expect((viaHeader as Error).message).toBe(
      'secret PAYMENTS_KEY may not be sent to 127.0.0.1 (its binding allows payments.example.com, *.svc.cluster.local); no connection was made',
    );
    expect(await steal({ headers: { 'X-Trace': 'k=${PAYMENTS_KEY}' } })).toBeInstanceOf(SecretDestinationRefusedError);
    expect(await steal({ body: { note: 'k=${PAYMENTS_KEY}' } })).toBeInstanceOf(SecretDestinationRefusedError);
    expect(api.connections()).toBe(0);
  });

  it('resolves only secrets the pool binds, never an undeclared file or an environment variable', async () => {
    const api = await serve([json(200, {})]);
    process.env['ENV_ONLY_SECRET'] = 'from-env';
    try {
      for (const name of ['UNBOUND_KEY', 'ENV_ONLY_SECRET']) {
        const error = await runner
          .run({ api_endpoint: `${api.url}/x`, method: 'GET', headers: { 'X-Key': `\${${name}}` } }, {}, context())
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(SecretMissingError);
      }
    } finally {
      delete process.env['ENV_ONLY_SECRET'];
    }
    expect(api.connections()).toBe(0);
  });

  it('refuses a redirect that would carry a secret to a host outside its binding', async () => {
    const target = await serve([json(200, { done: true })]);
    const origin = await serve([(_, response) => response.writeHead(307, { location: `http://localhost:${new URL(target.url).port}/next` }).end()]);
    const error = await runner
      .run({ api_endpoint: `${origin.url}/start`, method: 'POST', body: { key: '${API_KEY}' } }, {}, context())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SecretDestinationRefusedError);
    expect(target.connections()).toBe(0);
  });

  it('never fills a URL from a secret (a snapshot written around template validation)', async () => {
    const error = await runner.run({ api_endpoint: 'http://${API_KEY}.example.com/x', method: 'GET' }, {}, context()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidTemplateError);
  });
});
