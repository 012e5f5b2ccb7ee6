import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPENAPI_FILE } from '../../src/app/http/openapi';

const ROOT = process.cwd();
const BIN = join(ROOT, 'node_modules/.bin');

/**
 * What a client author does on day one: generate types from openapi.json with
 * openapi-typescript and call the API through openapi-fetch. The calls below
 * must type-check (strict), and the mistakes marked @ts-expect-error must not,
 * or the types would be `any` and prove nothing.
 */
const USAGE = `
import createClient from 'openapi-fetch';
import type { components, paths } from './openapi';

type Schemas = components['schemas'];
const client = createClient<paths>({ baseUrl: 'http://localhost:3000', headers: { Authorization: 'Bearer bsk_example' } });

export async function firstWorkflow(): Promise<string> {
  const created = await client.POST('/workflows', {
    params: { header: { 'Idempotency-Key': 'order-o-1001' } },
    body: { name: 'order o-1001', jobs: [{ id: 'order_validation', templateId: 'order_validation', input: { orderId: 'o-1001' } }] },
  });
  if (created.error) {
    const problem: Schemas['ProblemDetails'] = created.error;
    return \`\${problem.status} \${problem.title}: \${problem.detail} \${problem.errors?.[0]?.pointer ?? ''}\`;
  }
  const id: string = created.data.id;

  const got = await client.GET('/workflows/{id}', { params: { path: { id } } });
  const job = got.data?.jobs[0];
  const message: string | undefined = job?.error?.message;
  const code: string | undefined = job?.error?.code;
  const output: Schemas['JsonValue'] | undefined = job?.output;

  // The stream: Last-Event-ID is optional, the body is the raw text/event-stream.
  const fromStart = await client.GET('/workflows/{id}/events', { params: { path: { id } }, parseAs: 'stream' });
  const resumed = await client.GET('/workflows/{id}/events', { params: { path: { id }, header: { 'Last-Event-ID': '3' } }, parseAs: 'stream' });
  const body: ReadableStream<Uint8Array> | null = resumed.data ?? fromStart.response.body;
  const event: Schemas['WorkflowEvent'] = { event: 'transition', id: '1', data: { seq: 1, at: '2026-01-01T00:00:00Z', kind: 'workflow', from: '', to: 'RUNNING' } };
  const seq: number = event.data.seq;

  const page = await client.GET('/workflows', { params: { query: { state: 'FAILED', limit: 10 } } });
  const next: string | null | undefined = page.data?.nextCursor;

  const failed = await client.PUT('/workflows/{id}/jobs/{jobId}', { params: { path: { id, jobId: 'order_validation' } }, body: { status: 'FAILED', error: 'warehouse offline' } });
  const failure: Schemas['JobError'] | undefined = failed.data?.jobs[0]?.error;

  return [message, code, JSON.stringify(output), String(body), seq, next, failure?.message].join(' ');
}

export async function mistakes(): Promise<void> {
  // @ts-expect-error jobs is required
  await client.POST('/workflows', { body: { name: 'no jobs' } });
  // @ts-expect-error the path parameter is required
  await client.GET('/workflows/{id}', {});
  // @ts-expect-error status is one of RUNNING, SUCCEEDED, FAILED
  await client.PUT('/workflows/{id}/jobs/{jobId}', { params: { path: { id: 'x', jobId: 'y' } }, body: { status: 'DONE' } });
  const got = await client.GET('/workflows/{id}', { params: { path: { id: 'x' } } });
  // @ts-expect-error a job error is an object, not a string
  const text: string | undefined = got.data?.jobs[0]?.error;
  void text;
}
`;

describe('a client generated from openapi.json', () => {
  let dir: string;

  beforeAll(() => {
    mkdirSync(join(ROOT, 'tmp'), { recursive: true });
    dir = mkdtempSync(join(ROOT, 'tmp', 'openapi-client-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('type-checks with openapi-typescript and openapi-fetch (createClient<paths>)', () => {
    execFileSync(join(BIN, 'openapi-typescript'), [OPENAPI_FILE, '-o', join(dir, 'openapi.d.ts')], { stdio: 'pipe' });
    writeFileSync(join(dir, 'usage.ts'), USAGE);
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'esnext', moduleResolution: 'bundler', lib: ['es2022', 'dom'], types: [] },
        files: ['usage.ts', 'openapi.d.ts'],
      }),
    );
    let output = '';
    try {
      execFileSync(join(BIN, 'tsc'), ['-p', join(dir, 'tsconfig.json')], { encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout);
    }
    expect(output).toBe('');
  }, 120_000);
});
