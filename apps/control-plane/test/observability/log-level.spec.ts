import { BuiltStack, jsonLines } from '../support/built-stack';

const CREATE = 'mutation Create($input: CreateJobTemplateInput!) { createJobTemplate(input: $input) { id } }';
// A job that fails validation: the executor reports it with a warn line.
const CHECK_TEMPLATE = {
  id: 'lvl_check',
  steps: [{ name: 'check', type: 'validation', config: { rules: [{ rule: 'required', field: 'orderId' }] } }],
  inputSchema: { type: 'object' },
  outputSchema: { type: 'object' },
};

describe('LOG_LEVEL (built control plane and executor)', () => {
  let stack: BuiltStack;

  beforeAll(async () => {
    stack = await BuiltStack.start('log-level', { logLevel: 'warn' });
  });
  afterAll(() => stack?.stop());

  it('with LOG_LEVEL=warn, both apps write warn lines and nothing below', async () => {
    await stack.graphql(CREATE, { input: CHECK_TEMPLATE });
    const created = await stack.json<{ id: string }>('/workflows', { method: 'POST', body: { jobs: [{ id: 'check', templateId: 'lvl_check', input: {} }] } });
    await stack.waitForWorkflow(created.id, 'FAILED');

    const controlPlane = jsonLines(stack.controlPlane.output());
    const executor = jsonLines(stack.executor.output());
    expect(executor).toContainEqual(expect.objectContaining({ level: 'warn', workflowId: created.id, jobId: 'check', attempt: 1, templateId: 'lvl_check' }));
    for (const line of [...controlPlane, ...executor]) expect(['warn', 'error', 'fatal']).toContain(line['level']);
    // The start-up lines are info: present at the default level, absent here.
    expect(stack.controlPlane.output()).not.toContain('control plane listening');
    expect(stack.executor.output()).not.toContain('executor started');
  });
});
