import { PAYMENT_GATEWAY_TEMPLATE } from '../../src/app/templates/samples';
import { CREATE, GET, PUBLISH, simpleDraft, TemplatesTestApp } from './templates-test-app';

interface Template {
  id: string;
  version: string;
  description: string | null;
  deprecated: boolean;
  steps: unknown[];
  versions: { version: string; deprecated: boolean }[];
}

const DEPRECATE = `mutation Deprecate($id: ID!, $version: String!, $deprecated: Boolean) {
  deprecateJobTemplateVersion(id: $id, version: $version, deprecated: $deprecated) { id version deprecated }
}`;
const DELETE = `mutation Delete($id: ID!) { deleteJobTemplate(id: $id) { id deletedVersions } }`;

describe('job template versions over GraphQL and REST (real FerretDB)', () => {
  let t: TemplatesTestApp;

  beforeAll(async () => {
    t = await TemplatesTestApp.start('template_versions');
  });

  afterAll(() => t.stop());

  const get = async (id: string, version?: string) => (await t.ok<{ jobTemplate: Template | null }>(GET, { id, version })).jobTemplate;
  const publish = (id: string, args: { bump?: string; version?: string; changes?: object }) =>
    t.graphql<{ publishJobTemplateVersion: Template }>(PUBLISH, { id, ...args });

  it("round-trips the seed's payment_gateway_template exactly", async () => {
    const created = await t.ok<{ createJobTemplate: Template }>(CREATE, { input: PAYMENT_GATEWAY_TEMPLATE });
    expect(created.createJobTemplate).toMatchObject({ id: 'payment_gateway_template', version: '1.2.0', requiredSecrets: ['API_KEY'], deprecated: false });

    const viaGraphql = (await get('payment_gateway_template')) as unknown as Record<string, unknown>;
    const { templateId, ...seedRest } = PAYMENT_GATEWAY_TEMPLATE;
    expect({
      id: viaGraphql['id'],
      version: viaGraphql['version'],
      steps: viaGraphql['steps'],
      inputSchema: viaGraphql['inputSchema'],
      outputSchema: viaGraphql['outputSchema'],
    }).toEqual({
      id: templateId,
      ...seedRest,
    });

    const viaRest = await t.http().get('/templates/payment_gateway_template').expect(200);
    const seedKeys = Object.keys(PAYMENT_GATEWAY_TEMPLATE) as (keyof typeof PAYMENT_GATEWAY_TEMPLATE)[];
    const restSeedPart = Object.fromEntries(seedKeys.map((key) => [key, viaRest.body[key]]));
    // Byte for byte, key order included.
    expect(JSON.stringify(restSeedPart)).toBe(JSON.stringify(PAYMENT_GATEWAY_TEMPLATE));
    expect(viaRest.body).toMatchObject({
      requiredSecrets: ['API_KEY'],
      deprecated: false,
      priority: 0,
      maxAttempts: 3,
      timeoutSeconds: 300,
      resourceClass: 'default',
    });
  });

  it('bumping minor of 1.2.0 publishes 1.3.0 with the changes and leaves 1.2.0 as it was', async () => {
    const response = await publish('payment_gateway_template', { bump: 'MINOR', changes: { description: 'Adds a description' } });
    expect(response.errors).toBeUndefined();
    const published = response.data?.publishJobTemplateVersion;
    expect(published).toMatchObject({ version: '1.3.0', description: 'Adds a description', steps: PAYMENT_GATEWAY_TEMPLATE.steps });
    expect(published?.versions.map((v) => v.version)).toEqual(['1.3.0', '1.2.0']);
    expect(await get('payment_gateway_template', '1.2.0')).toMatchObject({ version: '1.2.0', description: null });
    expect((await get('payment_gateway_template'))?.version).toBe('1.3.0');
  });

  it('refuses an explicit version that is not greater than the highest, naming the highest', async () => {
    for (const version of ['1.3.0', '1.2.9']) {
      const response = await publish('payment_gateway_template', { version });
      expect(response.data).toBeNull();
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', domainCode: 'TEMPLATE.VERSION_CONFLICT', currentVersion: '1.3.0' });
      expect(response.errors?.[0].message).toContain('current highest version 1.3.0');
    }
    expect((await publish('payment_gateway_template', { version: '2.0.0-rc.1' })).data?.publishJobTemplateVersion.version).toBe('2.0.0-rc.1');
    // A prerelease is never the default version.
    expect((await get('payment_gateway_template'))?.version).toBe('1.3.0');
  });

  describe('resolution', () => {
    beforeAll(async () => {
      await t.ok(CREATE, { input: simpleDraft('resolver') });
      for (const version of ['1.2.0', '1.2.3', '1.3.0', '2.0.0', '2.1.0', '3.0.0-rc.1']) {
        expect((await publish('resolver', { version })).errors).toBeUndefined();
      }
    });

    it.each([
      ['an exact version', '1.2.3', '1.2.3'],
      ['a caret range', '^1.2', '1.3.0'],
      ['a tilde range', '~1.2.3', '1.2.3'],
      ['a bounded range', '>=2 <3', '2.1.0'],
      ['no version (highest release, not the prerelease)', undefined, '2.1.0'],
      ['a range nothing satisfies', '^4', null],
    ])('resolves %s', async (_what, selector, expected) => {
      expect((await get('resolver', selector))?.version ?? null).toBe(expected);
      const rest = await t
        .http()
        .get('/templates/resolver')
        .query(selector ? { version: selector } : {});
      if (expected === null) {
        expect(rest.status).toBe(404);
        expect(rest.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(rest.body).toMatchObject({ status: 404, title: 'Template not found' });
      } else {
        expect(rest.status).toBe(200);
        expect(rest.body.version).toBe(expected);
      }
    });

    it('refuses a version that is neither a version nor a range', async () => {
      const response = await t.graphql(GET, { id: 'resolver', version: 'newest!' });
      expect(response.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        problems: [{ pointer: '/version', message: 'must be an exact version (1.2.0) or a semver range (^1.2, ~1.2.3, >=2 <3)' }],
      });
      const rest = await t.http().get('/templates/resolver?version=newest!').expect(400);
      expect(rest.body).toMatchObject({ status: 400, errors: [{ pointer: '/version' }] });
    });

    it('skips a deprecated version in ranges and the default, but still resolves it exactly', async () => {
      const deprecated = await t.ok<{ deprecateJobTemplateVersion: Template }>(DEPRECATE, { id: 'resolver', version: '2.1.0' });
      expect(deprecated.deprecateJobTemplateVersion).toEqual({ id: 'resolver', version: '2.1.0', deprecated: true });
      expect((await get('resolver'))?.version).toBe('2.0.0');
      expect((await get('resolver', '>=2 <3'))?.version).toBe('2.0.0');
      expect(await get('resolver', '2.1.0')).toMatchObject({ version: '2.1.0', deprecated: true });
      expect((await get('resolver', '2.0.0'))?.versions).toContainEqual({ version: '2.1.0', deprecated: true, createdAt: expect.any(String) });

      await t.ok(DEPRECATE, { id: 'resolver', version: '2.1.0', deprecated: false });
      expect((await get('resolver'))?.version).toBe('2.1.0');
    });

    it('answers NOT_FOUND when deprecating a version or template that does not exist', async () => {
      for (const [id, version, message] of [
        ['resolver', '9.9.9', 'template resolver has no version 9.9.9'],
        ['nobody', '1.0.0', 'template nobody does not exist'],
      ]) {
        const response = await t.graphql(DEPRECATE, { id, version });
        expect(response.errors?.[0]).toMatchObject({ message, extensions: { code: 'NOT_FOUND', domainCode: 'TEMPLATE.NOT_FOUND' } });
      }
    });
  });

  describe('concurrent publishes', () => {
    it('two simultaneous minor bumps give two consecutive versions, each with its own changes', async () => {
      await t.ok(CREATE, { input: simpleDraft('race-two', { version: '1.2.0' }) });
      const results = await Promise.all(
        ['first writer', 'second writer'].map((description) => publish('race-two', { bump: 'MINOR', changes: { description } })),
      );
      expect(results.map((r) => r.errors)).toEqual([undefined, undefined]);
      const published = results.map((r) => r.data?.publishJobTemplateVersion as Template);
      expect(published.map((p) => p.version).sort()).toEqual(['1.3.0', '1.4.0']);
      for (const { version, description } of published) expect((await get('race-two', version))?.description).toBe(description);
    });

    it('many simultaneous bumps never duplicate or lose a version: each either gets its own version or a clear conflict', async () => {
      await t.ok(CREATE, { input: simpleDraft('race-many', { version: '1.2.0' }) });
      const writers = ['w0', 'w1', 'w2', 'w3', 'w4', 'w5'];
      const results = await Promise.all(writers.map((description) => publish('race-many', { bump: 'MINOR', changes: { description } })));

      const winners = results.filter((r) => !r.errors).map((r) => r.data?.publishJobTemplateVersion as Template);
      const losers = results.filter((r) => r.errors);
      expect(winners.length).toBeGreaterThanOrEqual(2);
      for (const loser of losers) expect(loser.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', domainCode: 'TEMPLATE.VERSION_CONFLICT' });

      const stored = (await get('race-many', '1.2.0'))?.versions.map((v) => v.version) ?? [];
      const expected = ['1.2.0', ...winners.map((_, i) => `1.${3 + i}.0`)];
      expect([...stored].sort()).toEqual(expected.sort());
      expect(winners.map((w) => w.version).sort()).toEqual(expected.slice(1).sort());
      for (const { version, description } of winners) expect((await get('race-many', version))?.description).toBe(description);
    });
  });

  it('deletes a template with all its versions; unknown ids are null for queries and NOT_FOUND for mutations', async () => {
    const deleted = await t.ok<{ deleteJobTemplate: { id: string; deletedVersions: number } }>(DELETE, { id: 'race-two' });
    expect(deleted.deleteJobTemplate).toEqual({ id: 'race-two', deletedVersions: 3 });
    expect(await get('race-two')).toBeNull();
    expect(await get('race-two', '1.2.0')).toBeNull();
    await t.http().get('/templates/race-two').expect(404);

    const again = await t.graphql(DELETE, { id: 'race-two' });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    const publishMissing = await publish('race-two', { bump: 'PATCH' });
    expect(publishMissing.errors?.[0]).toMatchObject({ message: 'template race-two does not exist', extensions: { code: 'NOT_FOUND' } });
  });

  it('refuses to create a template id that already exists', async () => {
    const response = await t.graphql(CREATE, { input: simpleDraft('resolver', { version: '9.0.0' }) });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', domainCode: 'TEMPLATE.ALREADY_EXISTS' });
    expect(await get('resolver', '9.0.0')).toBeNull();
  });
});
