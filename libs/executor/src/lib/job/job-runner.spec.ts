import { SecretBindings } from '@base-shift/steps';
import { Redactor } from '../secrets/redactor';
import { SecretResolver } from '../secrets/secret-resolver';
import { EgressGuard } from '../egress/egress-guard';
import { GuardedHttpClient } from '../http/guarded-http-client';
import { JobTimedOutError } from '../errors/executor-errors';
import { createStepRunners } from '../steps/step-runners';
import { prepareTemplate } from '../templates/prepared-template';
import { JobRunner } from './job-runner';

describe('JobRunner', () => {
  const redactor = new Redactor();
  const http = new GuardedHttpClient(new EgressGuard());
  const runner = new JobRunner(createStepRunners({ http, secrets: new SecretResolver({ bindings: SecretBindings.NONE, redactor }) }), redactor);
  const run = (snapshot: object, input: unknown, signal = new AbortController().signal) =>
    runner.run({ template: prepareTemplate('t', '1.0.0', snapshot), input: input as never, signal, jobKey: 'wf:job:1' });
  afterAll(() => http.close());

  it("feeds each step's output to the next; the last output is the job output", async () => {
    const steps = [
      { name: 'check', type: 'validation', config: { rules: [{ rule: 'range', field: 'n', min: 0 }] } },
      { name: 'double', type: 'transform', config: { output: { value: { $from: 'input.n' }, original: { $from: 'job.input' } } } },
      { name: 'wrap', type: 'transform', config: { output: { result: { $from: 'input.value' } } } },
    ];
    await expect(run({ steps, outputSchema: { required: ['result'] } }, { n: 2 })).resolves.toEqual({ ok: true, output: { result: 2 } });
  });

  it('names the failed step and blanks known secrets in outputs and errors', async () => {
    redactor.remember('hunter2-secret');
    const echo = [{ name: 'echo', type: 'transform', config: { output: { said: { $from: 'input.text' } } } }];
    await expect(run({ steps: echo }, { text: 'pw is hunter2-secret' })).resolves.toEqual({ ok: true, output: { said: 'pw is [REDACTED]' } });
    const result = await run({ steps: [{ name: 'pick', type: 'transform', config: { output: { $from: 'input.missing' } } }] }, {});
    expect(result).toMatchObject({
      ok: false,
      failure: { code: 'EXECUTOR.MAPPING_FAILED', step: 'pick', message: 'output mapping: nothing at input.missing and no default given' },
    });
  });

  it('blanks values of writeOnly input fields in the output and in errors quoting them', async () => {
    const inputSchema = { type: 'object', properties: { cardNumber: { type: 'string', writeOnly: true } } };
    const echo = [{ name: 'echo', type: 'transform', config: { output: { said: { $from: 'input.cardNumber' }, n: { $from: 'input.n' } } } }];
    await expect(run({ steps: echo, inputSchema }, { cardNumber: '5500005555555559', n: 1 })).resolves.toEqual({
      ok: true,
      output: { said: '[REDACTED]', n: 1 },
    });
    const check = [{ name: 'check', type: 'validation', config: { rules: [{ rule: 'regex', field: 'cardNumber', pattern: '^5500005555555559x$' }] } }];
    const failed = await run({ steps: check, inputSchema }, { cardNumber: '5500005555555559' });
    expect(JSON.stringify(failed)).not.toContain('5500005555555559');
    expect(failed).toMatchObject({ ok: false, failure: { step: 'check', message: expect.stringContaining('[REDACTED]') } });
  });

  it('reports the reason the job was aborted with, not what the step saw', async () => {
    const controller = new AbortController();
    const running = run({ steps: [{ name: 'wait', type: 'delay', config: { ms: 60_000 } }] }, {}, controller.signal);
    controller.abort(new JobTimedOutError('too slow'));
    const result = await running;
    expect(result.ok).toBe(false);
    expect(!result.ok && result.failure).toBeInstanceOf(JobTimedOutError);
    expect(!result.ok && result.failure.step).toBe('wait');
  });
});
