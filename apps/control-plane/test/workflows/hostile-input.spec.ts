import { echoTemplate, WorkflowTestApp } from './workflow-test-app';

const patternTemplate = echoTemplate('pattern_echo', {
  resourceClass: 'manual',
  inputSchema: { type: 'object', properties: { name: { type: 'string', pattern: '^(a+)+$' } } },
});

describe('hostile workflow requests', () => {
  let t: WorkflowTestApp;

  beforeAll(async () => {
    t = await WorkflowTestApp.start('wf-hostile', {
      pools: ['default', 'manual'],
      templates: [patternTemplate, echoTemplate('manual_echo', { resourceClass: 'manual' })],
    });
  });
  afterAll(() => t.stop());

  it('checks an input against a catastrophic-backtracking pattern in linear time', async () => {
    const started = performance.now();
    const response = await t
      .http()
      .post('/workflows')
      .send({ input: { name: `${'a'.repeat(32)}!` }, jobs: [{ id: 'j', templateId: 'pattern_echo', input: { $from: 'input' } }] })
      .expect(400);
    console.info(`^(a+)+$ against 33 characters through POST /workflows: ${(performance.now() - started).toFixed(0)} ms`);
    expect(response.body.errors).toEqual([{ pointer: '/jobs/0/input/name', message: 'must match the pattern ^(a+)+$' }]);
    await t
      .http()
      .post('/workflows')
      .send({ input: { name: 'a'.repeat(32) }, jobs: [{ id: 'j', templateId: 'pattern_echo', input: { $from: 'input' } }] })
      .expect(201);
  });

  it('refuses with 413 a small request that 200 input refs would blow up, writing nothing', async () => {
    const keysBefore = await t.keys();
    const body = {
      input: { blob: 'x'.repeat(85_000) },
      jobs: Array.from({ length: 200 }, (_, index) => ({ id: `j${index}`, templateId: 'manual_echo', input: { $from: 'input' } })),
    };
    expect(Buffer.byteLength(JSON.stringify(body))).toBeLessThan(100_000);
    const response = await t.http().post('/workflows').send(body).expect(413);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 413, code: 'WORKFLOW.TOO_LARGE', title: 'Workflow too large' });
    expect(response.body.errors).toEqual([
      { pointer: '', message: expect.stringMatching(/^the workflow would store \d+ bytes once its references are resolved; at most 8388608 are accepted/) },
    ]);
    expect(await t.keys()).toEqual(keysBefore);
  });
});
