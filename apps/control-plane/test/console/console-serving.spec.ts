import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { CONSOLE_CONTENT_SECURITY_POLICY } from '../../src/app/console/console-headers';
import { startInProcessApp, type InProcessApp } from '../support/in-process-app';

const INDEX_HTML =
  '<!doctype html><html><head><script type="module" src="/ui/assets/index-Abc123.js"></script></head><body><div id="root"></div></body></html>\n';
const SCRIPT = 'console.log("the console");\n';
const STYLESHEET = 'body { margin: 0; }\n';

/** A console build as `nx build console` lays it out: index.html, hashed assets/, an unhashed file. */
function fakeBuild(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'console-build-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), INDEX_HTML);
  writeFileSync(path.join(dir, 'assets', 'index-Abc123.js'), SCRIPT);
  writeFileSync(path.join(dir, 'assets', 'index-Def456.css'), STYLESHEET);
  writeFileSync(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(path.join(dir, '.env'), 'SECRET=hidden');
  // A file beside the build that a traversal would reach.
  writeFileSync(path.join(path.dirname(dir), `${path.basename(dir)}-outside.txt`), 'OUTSIDE-CONTENT');
  return dir;
}

describe('the operator console at /ui: the built files, same origin, public', () => {
  let t: InProcessApp;
  let dir: string;
  const anonymous = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    dir = fakeBuild();
    t = await startInProcessApp('console_serving', { CONSOLE_DIR: dir });
  });

  afterAll(async () => {
    await t.stop();
    rmSync(dir, { recursive: true, force: true });
    rmSync(`${dir}-outside.txt`, { force: true });
  });

  it('answers /ui and /ui/ with index.html, without credentials, never cached without revalidation, under a strict policy', async () => {
    for (const url of ['/ui', '/ui/']) {
      const response = await anonymous().get(url).expect(200);
      expect({ url, type: response.headers['content-type'] }).toEqual({ url, type: 'text/html; charset=utf-8' });
      expect(response.text).toBe(INDEX_HTML);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers['content-security-policy']).toBe(
        "default-src 'self'; connect-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'",
      );
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
    }
    expect(CONSOLE_CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|https?:|\*/);
  });

  it('answers any page of the app (the one-time sign-in link, a deep link) with index.html: the app routes in the browser', async () => {
    for (const url of ['/ui/sign-in', '/ui/workflows', '/ui/workflows/3f1c2a9e-0000-4000-8000-000000000000', '/ui/templates/order_validation?compare=1']) {
      const response = await anonymous().get(url).expect(200);
      expect({ url, type: response.headers['content-type'], body: response.text }).toEqual({ url, type: 'text/html; charset=utf-8', body: INDEX_HTML });
      expect(response.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves hashed assets with their content type, cached for a year, and revalidates with their ETag', async () => {
    const script = await anonymous().get('/ui/assets/index-Abc123.js').expect(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.text).toBe(SCRIPT);
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(script.headers['content-security-policy']).toBe(CONSOLE_CONTENT_SECURITY_POLICY);
    await anonymous()
      .get('/ui/assets/index-Abc123.js')
      .set('If-None-Match', script.headers['etag'] as string)
      .expect(304);

    const css = await anonymous().get('/ui/assets/index-Def456.css').expect(200);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.text).toBe(STYLESHEET);

    const icon = await anonymous().get('/ui/favicon.svg').expect(200);
    expect(icon.headers['content-type']).toBe('image/svg+xml');
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('answers a missing asset 404 as a problem, not with the app (HTML where a script was expected)', async () => {
    const response = await anonymous().get('/ui/assets/index-Gone99.js').expect(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 404, detail: 'the console has no file assets/index-Gone99.js' });
  });

  it('refuses path traversal and hidden files, encoded or not', async () => {
    const outside = `${path.basename(dir)}-outside.txt`;
    for (const url of [
      `/ui/..%2F${outside}`,
      `/ui/%2E%2E/${outside}`,
      `/ui/assets/..%2F..%2F${outside}`,
      `/ui/assets/%2e%2e%2f%2e%2e%2f${outside}`,
      '/ui/x%2F..%2F..%2Fpackage.json',
      '/ui/..%5C..%5Cpackage.json',
      '/ui/.env',
      '/ui/%2Eenv',
      '/ui/index.html%00.js',
    ]) {
      const response = await anonymous().get(url);
      expect({ url, status: response.status, type: response.headers['content-type'] }).toEqual({
        url,
        status: 404,
        type: expect.stringMatching(/^application\/problem\+json/),
      });
      expect(response.text).not.toMatch(/OUTSIDE-CONTENT|SECRET|"version"/);
    }
  });

  it('answers /ui/config.json without credentials: no single sign-on offered when OIDC is not configured', async () => {
    const response = await anonymous().get('/ui/config.json').expect(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.body).toEqual({ oidc: null });
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers['content-security-policy']).toBe(CONSOLE_CONTENT_SECURITY_POLICY);
  });

  it('is not part of the REST contract (absent from the OpenAPI document)', async () => {
    const document = (await anonymous().get('/docs-json').expect(200)).body as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths).filter((p) => p.startsWith('/ui'))).toEqual([]);
  });
});

describe('the operator console at /ui with single sign-on configured', () => {
  let t: InProcessApp;
  let dir: string;
  // Loopback (the verifier allows plain http only there); nothing listens: nothing here calls the issuer.
  const issuer = 'http://127.0.0.1:9/realms/main';

  beforeAll(async () => {
    dir = fakeBuild();
    t = await startInProcessApp('console_oidc', {
      CONSOLE_DIR: dir,
      OIDC_ISSUER_URL: issuer,
      OIDC_AUDIENCE: 'base-shift',
      OIDC_CONSOLE_CLIENT_ID: 'base-shift-console',
      OIDC_CONSOLE_SCOPES: 'openid workflows:read',
    });
  });

  afterAll(async () => {
    await t.stop();
    rmSync(dir, { recursive: true, force: true });
    rmSync(`${dir}-outside.txt`, { force: true });
  });

  it("tells the console the issuer, its public client and the scopes to ask for, and nothing else (the API's audience stays out)", async () => {
    const response = await request(t.app.getHttpServer()).get('/ui/config.json').expect(200);
    expect(response.body).toEqual({ oidc: { issuer, clientId: 'base-shift-console', scopes: 'openid workflows:read' } });
  });

  it("lets the console's scripts call exactly the issuer's origin, and still nothing else", async () => {
    for (const url of ['/ui', '/ui/sign-in/callback', '/ui/assets/index-Abc123.js', '/ui/config.json']) {
      const response = await request(t.app.getHttpServer()).get(url).expect(200);
      expect({ url, policy: response.headers['content-security-policy'] }).toEqual({
        url,
        policy: "default-src 'self'; connect-src 'self' http://127.0.0.1:9; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'",
      });
    }
  });
});

describe('the operator console at /ui when it was not built', () => {
  let t: InProcessApp;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'console-missing-'));
    t = await startInProcessApp('console_missing', { CONSOLE_DIR: path.join(dir, 'console') });
  });

  afterAll(async () => {
    await t.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers every page 404 with a problem saying the console was not built and where it was looked for', async () => {
    for (const url of ['/ui', '/ui/sign-in', '/ui/assets/index.js']) {
      const response = await request(t.app.getHttpServer()).get(url).expect(404);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ title: 'Console not built', status: 404, instance: url });
      expect(response.body.detail).toContain(`the console was not built: ${path.join(dir, 'console')} has no index.html`);
    }
  });
});
