import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CountingApi {
  /** `http://127.0.0.1:<port>/calls`: the endpoint the chaos template calls. */
  endpoint: string;
  /** Calls received for one job of one workflow (`ref` is the workflow's client reference, `job` its job id). */
  callsOf(ref: string, job: string): number;
  total(): number;
  stop(): Promise<void>;
}

const MAX_BODY_BYTES = 16 * 1024;

/**
 * The "external API" of the chaos run: POST /calls with `{ workflow, job }`
 * counts one call for that job and answers after `delayMs` (so a job is in
 * flight long enough for a kill to catch it). It deliberately ignores the
 * Idempotency-Key the executor sends: the run measures how often the platform
 * calls out, not how well an API deduplicates. Loopback only.
 */
export async function startCountingApi(delayMs: number): Promise<CountingApi> {
  const calls = new Map<string, number>();
  let total = 0;
  const server = createServer((request, response) => {
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.method !== 'POST' || request.url !== '/calls') return reply(404, { error: `no route ${request.method} ${request.url}` });
    let text = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      text += chunk;
      if (text.length > MAX_BODY_BYTES) request.destroy();
    });
    request.on('end', () => {
      let body: { workflow?: unknown; job?: unknown };
      try {
        body = JSON.parse(text) as typeof body;
      } catch {
        return reply(400, { error: 'the body is not JSON' });
      }
      if (typeof body.workflow !== 'string' || typeof body.job !== 'string') return reply(422, { error: 'workflow and job must be strings' });
      // Counted on arrival: a call the executor made counts even if it dies before reading the answer.
      const key = `${body.workflow}/${body.job}`;
      const call = (calls.get(key) ?? 0) + 1;
      calls.set(key, call);
      total++;
      setTimeout(() => reply(200, { ok: true, call }), delayMs);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}/calls`,
    callsOf: (ref, job) => calls.get(`${ref}/${job}`) ?? 0,
    total: () => total,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
