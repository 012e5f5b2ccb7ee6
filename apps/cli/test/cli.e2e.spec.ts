import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { CliStack } from './support/cli-stack';

const SEED_TEMPLATE = readFileSync(path.join(__dirname, 'fixtures/payment-gateway-template.yaml'), 'utf8');
const DELAY_TEMPLATE = JSON.stringify({
  templateId: 'cli_delay',
  version: '1.0.0',
  steps: [{ name: 'wait', type: 'delay', config: { ms: 200 } }],
  inputSchema: {},
  outputSchema: {},
});
// The executor refuses egress to loopback addresses: a permanent failure, at once.
const FAILING_TEMPLATE = JSON.stringify({
  templateId: 'cli_refused_call',
  version: '1.0.0',
  maxAttempts: 1,
  steps: [{ name: 'call', type: 'external_api_call', config: { api_endpoint: 'http://127.0.0.1:9/nothing', method: 'POST' } }],
  inputSchema: {},
  outputSchema: {},
});

describe('bsctl against a built control plane and executor', () => {
  let stack: CliStack;

  beforeAll(async () => {
    stack = await CliStack.start('bsctl');
    for (const [name, text] of [
      ['delay.json', DELAY_TEMPLATE],
      ['failing.json', FAILING_TEMPLATE],
    ]) {
      const applied = await stack.bsctl(['template', 'apply', '-f', stack.file(name, text)]);
      expect(applied).toMatchObject({ code: 0, stderr: '' });
    }
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('login checks the key and stores server and key in a 0600 file that later commands use', async () => {
    const login = await stack.bsctl(['login', stack.baseUrl, '--token', stack.adminKey], { XDG_CONFIG_HOME: path.join(stack.dir, 'xdg') });
    const file = path.join(stack.dir, 'xdg/bsctl/config.json');
    expect(login).toEqual({ code: 0, stdout: `logged in to ${stack.baseUrl} (config: ${file})\n`, stderr: '' });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ server: stack.baseUrl, token: stack.adminKey });

    const pools = await stack.bsctl(['pools', '-o', 'json'], { XDG_CONFIG_HOME: path.join(stack.dir, 'xdg') });
    expect(pools.code).toBe(0);
    expect((JSON.parse(pools.stdout) as { pools: Array<{ name: string }> }).pools.map((pool) => pool.name)).toEqual(['default']);
  });

  it('login refuses a bad key (read from stdin) without writing the config', async () => {
    const badKey = `bsk_aaaaaaaaaaaa_${'A'.repeat(43)}`;
    const login = await stack.bsctl(['login', stack.baseUrl], { XDG_CONFIG_HOME: path.join(stack.dir, 'refused') }, `${badKey}\n`);
    expect(login.code).toBe(1);
    expect(login.stderr).toMatch(/^error: the control plane refused the key: 401 Unauthorized: [^\n]+\n$/);
    expect(() => statSync(path.join(stack.dir, 'refused/bsctl/config.json'))).toThrow();
  });

  it("applies the seed's payment_gateway_template as written, and says unchanged the second time", async () => {
    const file = stack.file('payment-gateway-template.yaml', SEED_TEMPLATE);
    expect(await stack.bsctl(['template', 'apply', '-f', file])).toEqual({ code: 0, stdout: 'template payment_gateway_template 1.2.0 created\n', stderr: '' });
    expect(await stack.bsctl(['template', 'apply', '-f', file])).toEqual({
      code: 0,
      stdout: 'template payment_gateway_template 1.2.0 unchanged\n',
      stderr: '',
    });

    const edited = stack.file('edited.yaml', `${SEED_TEMPLATE}description: Charges a card\n`);
    const published = await stack.bsctl(['template', 'apply', '-f', edited, '-o', 'json']);
    expect(published.code).toBe(0);
    expect(JSON.parse(published.stdout)).toMatchObject({
      action: 'published',
      template: { id: 'payment_gateway_template', version: '1.2.1', description: 'Charges a card' },
    });

    const versions = await stack.bsctl(['template', 'versions', 'payment_gateway_template', '-o', 'yaml']);
    expect((parse(versions.stdout) as Array<{ version: string }>).map((v) => v.version)).toEqual(['1.2.1', '1.2.0']);
    const deprecated = await stack.bsctl(['template', 'deprecate', 'payment_gateway_template', '1.2.1']);
    expect(deprecated).toEqual({ code: 0, stdout: 'template payment_gateway_template 1.2.1 deprecated\n', stderr: '' });
    const get = await stack.bsctl(['template', 'get', 'payment_gateway_template']);
    expect(get.stdout).toMatch(/^Version: +1\.2\.0$/m);
    expect(get.stdout).toMatch(/^Secrets: +API_KEY$/m);
    const list = await stack.bsctl(['template', 'list']);
    expect(list.stdout.split('\n')[0]).toMatch(/^ID +VERSION +NAME +STEPS +POOL +DEPRECATED +CREATED$/);
    expect(list.stdout).toMatch(/^payment_gateway_template +1\.2\.0 +/m);
  });

  it('run --watch prints each transition and exits 0 once the workflow is COMPLETED', async () => {
    const file = stack.file('ok.yaml', 'name: two waits\njobs:\n  - id: first\n    templateId: cli_delay\n  - id: second\n    templateId: cli_delay\n');
    const run = await stack.bsctl(['run', '-f', file, '--watch']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^workflow [0-9a-f-]{36} created$/m);
    for (const job of ['first', 'second']) {
      expect(run.stdout).toMatch(new RegExp(`job ${job} +QUEUED -> RUNNING  \\(attempt 1\\)`));
      expect(run.stdout).toMatch(new RegExp(`job ${job} +RUNNING -> SUCCEEDED`));
    }
    expect(run.stdout).toMatch(/workflow +RUNNING -> COMPLETED/);
    expect(run.stdout).toMatch(/^State: +COMPLETED$/m);
    // No colours into a pipe.
    expect(run.stdout).not.toContain('\u001b[');
  });

  it("the README's first workflow: docs/examples applied and run as they are", async () => {
    const examples = path.resolve(__dirname, '../../../docs/examples');
    const applied = await stack.bsctl(['template', 'apply', '-f', path.join(examples, 'greeting-template.yaml')]);
    expect(applied).toMatchObject({ code: 0, stderr: '' });
    expect(applied.stdout).toMatch(/greeting 1\.0\.0/);
    const run = await stack.bsctl(['run', '-f', path.join(examples, 'greeting-workflow.yaml'), '--watch', '-o', 'json']);
    expect(run.code).toBe(0);
    const workflow = JSON.parse(run.stdout) as { state: string; jobs: Array<{ id: string; output: unknown }> };
    expect(workflow.state).toBe('COMPLETED');
    expect(workflow.jobs.map((job) => [job.id, job.output])).toEqual([
      ['greet', { greeting: 'hello', to: 'Ada' }],
      ['greet_back', { greeting: 'hello', to: 'Ada' }],
    ]);
  });

  it('run --watch -o json prints the finished workflow as JSON and the transitions as JSON lines on stderr', async () => {
    const file = stack.file('ok.json', JSON.stringify({ jobs: [{ id: 'only', templateId: 'cli_delay' }] }));
    const run = await stack.bsctl(['run', '-f', file, '--watch', '-o', 'json']);
    expect(run.code).toBe(0);
    const workflow = JSON.parse(run.stdout) as { id: string; state: string; jobs: Array<{ state: string }> };
    expect(workflow).toMatchObject({ state: 'COMPLETED', jobs: [{ state: 'SUCCEEDED' }] });
    const lines = run.stderr.trim().split('\n');
    expect(lines[0]).toBe(`workflow ${workflow.id} created`);
    expect(lines.slice(1).map((line) => (JSON.parse(line) as { to: string }).to)).toContain('COMPLETED');

    const events = await stack.bsctl(['workflow', 'events', workflow.id, '-o', 'json']);
    expect(events.code).toBe(0);
    const seqs = events.stdout
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { seq: number }).seq);
    expect(seqs).toEqual(seqs.map((_, index) => index + 1));
    const after = await stack.bsctl(['workflow', 'events', workflow.id, '--after', '2', '-o', 'json']);
    expect((JSON.parse(after.stdout.split('\n')[0] ?? '') as { seq: number }).seq).toBe(3);

    const got = await stack.bsctl(['workflow', 'get', workflow.id, '-o', 'yaml']);
    expect(parse(got.stdout)).toMatchObject({ id: workflow.id, state: 'COMPLETED' });
    const listed = await stack.bsctl(['workflow', 'list', '--state', 'COMPLETED', '-o', 'json']);
    expect((JSON.parse(listed.stdout) as { items: Array<{ id: string }> }).items.map((item) => item.id)).toContain(workflow.id);
  });

  it('a failing workflow makes run --watch exit 1 with the reason, and its job shows in the dead letter until requeued', async () => {
    const file = stack.file('failing.yaml', 'jobs:\n  - id: call\n    templateId: cli_refused_call\n');
    const run = await stack.bsctl(['run', '-f', file, '--watch']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/job call +RUNNING -> FAILED/);
    expect(run.stdout).toMatch(/^State: +FAILED$/m);
    expect(run.stderr).toMatch(/^error: workflow [0-9a-f-]{36} FAILED: job call failed: [^\n]+\n$/);
    const id = /workflow ([0-9a-f-]{36}) created/.exec(run.stdout)?.[1] ?? '';

    const dlq = await stack.bsctl(['dlq', 'list', 'default', '-o', 'json']);
    expect(dlq.code).toBe(0);
    const dead = (JSON.parse(dlq.stdout) as { items: Array<{ id: string }> }).items.find((item) => item.id.startsWith(id));
    expect(dead).toBeDefined();
    const table = await stack.bsctl(['dlq', 'list', 'default']);
    expect(table.stdout).toMatch(/^JOB +POOL +ATTEMPT +FAILURES +DEAD AT +LAST ERROR$/m);
    const requeue = await stack.bsctl(['dlq', 'requeue', 'default', dead?.id ?? '']);
    expect(requeue).toEqual({ code: 0, stdout: `job ${dead?.id} requeued in pool default\n`, stderr: '' });
  });

  it('workflow cancel stops a running workflow and workflow retry re-runs a failed one', async () => {
    const slow = stack.file(
      'slow.json',
      JSON.stringify({ templateId: 'cli_slow', steps: [{ name: 'wait', type: 'delay', config: { ms: 60_000 } }], inputSchema: {}, outputSchema: {} }),
    );
    expect((await stack.bsctl(['template', 'apply', '-f', slow])).stdout).toBe('template cli_slow 1.0.0 created\n');
    const created = await stack.bsctl(['run', '-f', stack.file('slow-run.yaml', 'jobs:\n  - id: wait\n    templateId: cli_slow\n'), '-o', 'json']);
    const { id } = JSON.parse(created.stdout) as { id: string };
    const cancel = await stack.bsctl(['workflow', 'cancel', id, '--reason', 'not needed']);
    expect(cancel).toEqual({ code: 0, stdout: `workflow ${id} CANCELLED\n`, stderr: '' });

    const failed = await stack.bsctl([
      'run',
      '-f',
      stack.file('fail-again.yaml', 'jobs:\n  - id: call\n    templateId: cli_refused_call\n'),
      '--watch',
      '-o',
      'json',
    ]);
    const failedId = (JSON.parse(failed.stdout) as { id: string }).id;
    const retry = await stack.bsctl(['workflow', 'retry', failedId, '-o', 'json']);
    expect(retry.code).toBe(0);
    expect((JSON.parse(retry.stdout) as { state: string }).state).toBe('RUNNING');
    const again = await stack.bsctl(['workflow', 'retry', id]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^error: 409 [^\n]+\n$/);
  });

  it('a bad file or a refused request is one error line and exit code 1', async () => {
    const missing = await stack.bsctl(['run', '-f', path.join(stack.dir, 'missing.yaml')]);
    expect(missing).toEqual({ code: 1, stdout: '', stderr: `error: ${path.join(stack.dir, 'missing.yaml')}: cannot read: no such file\n` });

    const broken = stack.file('broken.yaml', 'jobs: [\n');
    const syntax = await stack.bsctl(['template', 'apply', '-f', broken]);
    expect(syntax.code).toBe(1);
    expect(syntax.stderr).toMatch(new RegExp(`^error: ${broken}: invalid YAML: [^\\n]+\\n$`));

    const invalid = stack.file('invalid.yaml', 'jobs:\n  - id: x\n    templateId: ""\n');
    const refused = await stack.bsctl(['run', '-f', invalid]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^error: 400 Invalid request: \/jobs\/0\/templateId: must [^\n]+\n$/);

    const notTemplate = stack.file('not-template.json', '{"name":"x"}');
    const shape = await stack.bsctl(['template', 'apply', '-f', notTemplate]);
    expect(shape).toMatchObject({ code: 1, stdout: '' });
    expect(shape.stderr).toMatch(new RegExp(`^error: ${notTemplate}: /templateId: must be a non-empty string; [^\\n]+\\n$`));

    const usage = await stack.bsctl(['run']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toBe("error: required option '-f, --file <file>' not specified\n");
  });
});
