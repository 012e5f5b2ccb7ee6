import { readFileSync, writeFileSync } from 'node:fs';
import request from 'supertest';
import { buildOpenApiDocument, OPENAPI_FILE, serializeOpenApi } from '../../src/app/http/openapi';
import { startInProcessApp, type InProcessApp } from '../support/in-process-app';

/**
 * apps/control-plane/openapi.json is what the code generates: clients are made
 * from the file, so it must not drift. `npx nx run control-plane:openapi`
 * (this spec with OPENAPI_WRITE=1) rewrites it.
 */
describe('the committed OpenAPI document', () => {
  let t: InProcessApp;

  beforeAll(async () => {
    t = await startInProcessApp('openapi_document');
  });
  afterAll(() => t.stop());

  it('is the one the app generates and serves at /docs-json (regenerate: npx nx run control-plane:openapi)', async () => {
    const generated = serializeOpenApi(buildOpenApiDocument(t.app));
    if (process.env['OPENAPI_WRITE'] === '1') writeFileSync(OPENAPI_FILE, generated);
    expect(readFileSync(OPENAPI_FILE, 'utf8')).toBe(generated);
    const served = await fetchServed(t);
    expect(served).toEqual(JSON.parse(generated));
  });
});

async function fetchServed(t: InProcessApp): Promise<unknown> {
  return (await request(t.app.getHttpServer()).get('/docs-json').expect(200)).body;
}
