import request from 'supertest';
import { IDE_ASSET_NAMES } from '../../src/app/graphql/ide/ide-assets';
import { TemplatesTestApp } from '../templates/templates-test-app';

/** What Chrome sends when the user types the URL. */
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

const CONTENT_TYPES: Record<string, RegExp> = {
  js: /^text\/javascript; charset=utf-8$/,
  css: /^text\/css; charset=utf-8$/,
};

describe('the GraphQL IDE: GraphiQL served offline from our own origin', () => {
  let t: TemplatesTestApp;
  const anonymous = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await TemplatesTestApp.start('graphql_ide');
  });

  afterAll(() => t.stop());

  it('answers a browser opening /graphql with the page, without credentials and without a CSRF error', async () => {
    const response = await anonymous().get('/graphql').set('Accept', BROWSER_ACCEPT).expect(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = response.headers['content-security-policy'] as string;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');

    const html = response.text;
    expect(html).not.toMatch(/https?:\/\//);
    // No inline script or style: every script has a src, no style element or attribute.
    expect(html.match(/<script\b[^>]*>/g)?.every((tag) => / src="/.test(tag))).toBe(true);
    expect(html).not.toMatch(/<style|style=/);
    const references = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
    expect(references.sort()).toEqual(
      ['graphiql.min.css', 'graphiql.min.js', 'ide.css', 'ide.js', 'react-dom.production.min.js', 'react.production.min.js'].map(
        (name) => `/graphql/ide/${name}`,
      ),
    );
  });

  it('serves each file the page loads with its content type, the same policy, and a working ETag', async () => {
    expect(IDE_ASSET_NAMES).toHaveLength(6);
    for (const name of IDE_ASSET_NAMES) {
      const response = await anonymous().get(`/graphql/ide/${name}`).expect(200);
      expect({ name, type: response.headers['content-type'] }).toEqual({ name, type: expect.stringMatching(CONTENT_TYPES[name.split('.').pop() as string]) });
      expect(response.headers['content-security-policy']).toContain("default-src 'none'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      const body = response.text ?? '';
      expect(body.length).toBeGreaterThan(20);
      const etag = response.headers['etag'] as string;
      await anonymous().get(`/graphql/ide/${name}`).set('If-None-Match', etag).expect(304);
    }
    const graphiql = await anonymous().get('/graphql/ide/graphiql.min.js').expect(200);
    expect(graphiql.text).toContain('window.GraphiQL =');
    // Its fonts are inlined in the CSS: nothing is fetched from elsewhere.
    const css = await anonymous().get('/graphql/ide/graphiql.min.css').expect(200);
    expect(css.text).not.toMatch(/url\(\s*['"]?(https?:)?\/\//);
  });

  it('prefills the headers editor with the bearer header a user completes, and never stores it', async () => {
    const script = (await anonymous().get('/graphql/ide/ide.js').expect(200)).text;
    expect(script).toContain(JSON.stringify(JSON.stringify({ Authorization: 'Bearer <paste your API key>' }, null, 2)));
    expect(script).toContain("defaultEditorToolsVisibility: 'headers'");
    expect(script).toContain('shouldPersistHeaders: false');
    expect(script).not.toMatch(/https?:\/\//);
  });

  it('serves nothing else under /graphql/ide', async () => {
    for (const path of ['/graphql/ide/package.json', '/graphql/ide/..%2F..%2Fpackage.json', '/graphql/ide/graphiql.min.js.map', '/graphql/ide/constructor']) {
      const response = await anonymous().get(path);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });

  it('leaves GraphQL requests to Apollo: POST and GET queries work as before, with CSRF prevention on', async () => {
    const posted = await t.http().post('/graphql').send({ query: '{ jobTemplates { id } }' }).expect(200);
    expect(posted.body).toEqual({ data: { jobTemplates: [] } });
    const unauthenticated = await anonymous().post('/graphql').send({ query: '{ jobTemplates { id } }' });
    expect(unauthenticated.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');

    // A GET query with Apollo's preflight header runs, whatever the Accept header says.
    const viaGet = await t
      .http()
      .get('/graphql')
      .query({ query: '{ jobTemplates { id } }' })
      .set('Accept', BROWSER_ACCEPT)
      .set('apollo-require-preflight', 'true')
      .expect(200);
    expect(viaGet.body).toEqual({ data: { jobTemplates: [] } });

    // Without it, a GET query from a browser is what CSRF prevention refuses: still refused.
    const simple = await t.http().get('/graphql').query({ query: '{ jobTemplates { id } }' }).set('Accept', BROWSER_ACCEPT);
    expect(simple.status).toBe(400);
    expect(simple.text).toMatch(/CSRF/);

    // A client asking for JSON (or anything, like curl) gets Apollo's answer, not the page.
    for (const accept of ['application/json', '*/*', 'application/graphql-response+json']) {
      const response = await anonymous().get('/graphql').set('Accept', accept);
      expect({ accept, html: /text\/html/.test(response.headers['content-type'] ?? '') }).toEqual({ accept, html: false });
    }
  });
});
