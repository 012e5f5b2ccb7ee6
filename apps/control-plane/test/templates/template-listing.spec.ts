import { CREATE, createInput, PUBLISH, simpleDraft, TemplatesTestApp } from './templates-test-app';

const LIST = `query List($filter: JobTemplateFilter, $first: Int, $after: String) {
  jobTemplates(filter: $filter, first: $first, after: $after) { id name version cursor steps { type } }
}`;

interface Listed {
  id: string;
  name: string;
  version: string;
  cursor: string;
  steps: { type: string }[];
}

const ids = Array.from({ length: 50 }, (_, i) => `page-${String(i).padStart(2, '0')}`);
// Every fifth template waits with a delay step before shaping its output.
const hasDelay = (index: number) => index % 5 === 0;

describe('listing job templates over GraphQL (real FerretDB)', () => {
  let t: TemplatesTestApp;

  beforeAll(async () => {
    t = await TemplatesTestApp.start('template_listing');
    const drafts = ids.map((id, index) => {
      const draft = simpleDraft(id, { name: `Page template ${id.slice(5)}` });
      if (hasDelay(index)) draft['steps'] = [{ name: 'wait', type: 'delay', config: { ms: 10 } }, ...(draft['steps'] as object[])];
      return draft;
    });
    for (let i = 0; i < drafts.length; i += 10) {
      await Promise.all(drafts.slice(i, i + 10).map((draft) => t.ok(CREATE, { input: createInput(draft) })));
    }
    // page-05's default version (2.0.0) drops its delay step; its 1.0.0 keeps it.
    await t.ok(PUBLISH, { id: 'page-05', bump: 'MAJOR', changes: { steps: [{ name: 'shape', type: 'transform', config: { output: {} } }] } });
  });

  afterAll(() => t.stop());

  const list = async (variables: Record<string, unknown>) => (await t.ok<{ jobTemplates: Listed[] }>(LIST, variables)).jobTemplates;

  it('pages through 50 templates in id order with first/after, without gaps or repeats', async () => {
    const seen: string[] = [];
    const pageSizes: number[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await list({ first: 20, after });
      pageSizes.push(page.length);
      seen.push(...page.map((item) => item.id));
      if (page.length < 20) break;
      after = page[page.length - 1].cursor;
    }
    expect(pageSizes).toEqual([20, 20, 10]);
    expect(seen).toEqual(ids);
  });

  it('defaults to pages of 20 and resolves each template to its default version', async () => {
    const page = await list({});
    expect(page).toHaveLength(20);
    expect(page.find((item) => item.id === 'page-05')?.version).toBe('2.0.0');
  });

  it('filters by step type on the resolved version', async () => {
    const withDelay = ids.filter((_, index) => hasDelay(index));
    expect((await list({ filter: { type: 'delay' }, first: 100 })).map((item) => item.id)).toEqual(withDelay.filter((id) => id !== 'page-05'));
    expect((await list({ filter: { type: 'delay', version: '^1' }, first: 100 })).map((item) => item.id)).toEqual(withDelay);
    expect(await list({ filter: { type: 'validation' } })).toEqual([]);
  });

  it('pages through a filtered listing', async () => {
    const first = await list({ filter: { type: 'delay' }, first: 4 });
    const second = await list({ filter: { type: 'delay' }, first: 4, after: first[3].cursor });
    const third = await list({ filter: { type: 'delay' }, first: 4, after: second[3].cursor });
    expect([...first, ...second, ...third].map((item) => item.id)).toEqual([
      'page-00',
      'page-10',
      'page-15',
      'page-20',
      'page-25',
      'page-30',
      'page-35',
      'page-40',
      'page-45',
    ]);
  });

  it('filters by part of the name, ignoring case, and by version range', async () => {
    expect((await list({ filter: { name: 'TEMPLATE 1' }, first: 100 })).map((item) => item.id)).toEqual(ids.slice(10, 20));
    expect(await list({ filter: { version: '^2' }, first: 100 })).toEqual([expect.objectContaining({ id: 'page-05', version: '2.0.0' })]);
  });

  it('refuses bad paging and filter arguments, naming each', async () => {
    const response = await t.graphql(LIST, { first: 0, after: 'not-a-cursor', filter: { type: 'sleep', version: 'newest' } });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((response.errors?.[0].extensions?.['problems'] as { pointer: string }[]).map((p) => p.pointer)).toEqual([
      '/first',
      '/filter/type',
      '/after',
      '/filter/version',
    ]);
  });
});
