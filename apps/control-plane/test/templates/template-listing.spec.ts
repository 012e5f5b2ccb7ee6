import { CREATE, PUBLISH, simpleDraft, TemplatesTestApp } from './templates-test-app';

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
      await Promise.all(drafts.slice(i, i + 10).map((draft) => t.ok(CREATE, { input: draft })));
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

  it('answers bad paging arguments with their own code (PAGINATION_INVALID), naming each', async () => {
    for (const field of ['jobTemplates', 'jobTemplatePage']) {
      const query = `query L($first: Int, $after: String, $filter: JobTemplateFilter) { ${field}(first: $first, after: $after, filter: $filter) { __typename } }`;
      const response = await t.graphql(query, { first: 0, after: 'not-a-cursor', filter: { type: 'sleep' } });
      expect(response.errors).toEqual([
        expect.objectContaining({
          locations: expect.any(Array),
          message: 'invalid page request: /first: must be an integer between 1 and 100; /after: is not a cursor returned by this API',
          path: [field],
          extensions: {
            code: 'PAGINATION_INVALID',
            domainCode: 'TEMPLATE.INVALID_PAGE',
            problems: [
              { pointer: '/first', message: 'must be an integer between 1 and 100' },
              { pointer: '/after', message: 'is not a cursor returned by this API' },
            ],
          },
        }),
      ]);
      const tooMany = await t.graphql(query, { first: 101 });
      expect(tooMany.errors?.[0].extensions).toMatchObject({ code: 'PAGINATION_INVALID', problems: [{ pointer: '/first' }] });
    }
  });

  it('refuses a bad filter as bad input, naming each field', async () => {
    const response = await t.graphql(LIST, { filter: { type: 'sleep', version: 'newest' } });
    expect(response.errors?.[0].message).toMatch(/^invalid template filter: /);
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((response.errors?.[0].extensions?.['problems'] as { pointer: string }[]).map((p) => p.pointer)).toEqual(['/filter/type', '/filter/version']);
  });
});

const PAGE = `query Page($filter: JobTemplateFilter, $first: Int, $after: String) {
  jobTemplatePage(filter: $filter, first: $first, after: $after) {
    edges { cursor node { templateId id version } }
    nodes { templateId }
    pageInfo { hasNextPage endCursor hasPreviousPage startCursor }
  }
}`;

interface Page {
  edges: { cursor: string; node: { templateId: string; id: string; version: string } }[];
  nodes: { templateId: string }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null; hasPreviousPage: boolean; startCursor: string | null };
}

describe('jobTemplatePage: the listing with pageInfo (real FerretDB)', () => {
  let t: TemplatesTestApp;

  beforeAll(async () => {
    t = await TemplatesTestApp.start('template_page');
    for (let i = 0; i < ids.length; i += 10) {
      await Promise.all(ids.slice(i, i + 10).map((id) => t.ok(CREATE, { input: simpleDraft(id) })));
    }
  });

  afterAll(() => t.stop());

  const page = async (variables: Record<string, unknown>) => (await t.ok<{ jobTemplatePage: Page }>(PAGE, variables)).jobTemplatePage;

  it('pages through every template while hasNextPage, after = endCursor', async () => {
    const seen: string[] = [];
    const infos: Page['pageInfo'][] = [];
    let after: string | null = null;
    for (;;) {
      const current: Page = await page({ first: 20, after });
      infos.push(current.pageInfo);
      seen.push(...current.edges.map((edge) => edge.node.templateId));
      expect(current.nodes.map((node) => node.templateId)).toEqual(current.edges.map((edge) => edge.node.templateId));
      expect(current.pageInfo.startCursor).toBe(current.edges[0]?.cursor ?? null);
      expect(current.pageInfo.endCursor).toBe(current.edges.at(-1)?.cursor ?? null);
      if (!current.pageInfo.hasNextPage) break;
      after = current.pageInfo.endCursor;
    }
    expect(seen).toEqual(ids);
    expect(infos.map((info) => [info.hasNextPage, info.hasPreviousPage])).toEqual([
      [true, false],
      [true, true],
      [false, true],
    ]);
  });

  it('ends on a full last page with hasNextPage false, and an empty page has null cursors', async () => {
    const all = await page({ first: 50 });
    expect(all.edges).toHaveLength(50);
    expect(all.pageInfo.hasNextPage).toBe(false);
    const past = await page({ after: all.pageInfo.endCursor });
    expect(past).toEqual({ edges: [], nodes: [], pageInfo: { hasNextPage: false, endCursor: null, hasPreviousPage: true, startCursor: null } });
    expect((await page({ filter: { type: 'validation' } })).pageInfo).toEqual({
      hasNextPage: false,
      endCursor: null,
      hasPreviousPage: false,
      startCursor: null,
    });
  });

  it('pages a filtered listing the same way', async () => {
    const first = await page({ filter: { name: 'page-4' }, first: 6 });
    expect(first.edges.map((edge) => edge.node.id)).toEqual(ids.slice(40, 46));
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await page({ filter: { name: 'page-4' }, first: 6, after: first.pageInfo.endCursor });
    expect(second.edges.map((edge) => edge.node.id)).toEqual(ids.slice(46, 50));
    expect(second.pageInfo.hasNextPage).toBe(false);
  });
});
