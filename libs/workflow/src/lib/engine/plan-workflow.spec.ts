import { FixedTemplates, pinnedTemplate } from '../../test/engine-fixture';
import { validateWorkflowDefinition } from '../definition/validate-definition';
import { WorkflowValidationError } from '../domain/workflow-errors';
import { planWorkflow } from './plan-workflow';
import { TemplateSchemas } from './template-schemas';

const TEMPLATES = new FixedTemplates([
  pinnedTemplate('step', { version: '1.0.0', priority: 3, maxAttempts: 4, timeoutSeconds: 30 }),
  pinnedTemplate('step', { version: '2.0.0', priority: 3, maxAttempts: 2, timeoutSeconds: 90 }),
  pinnedTemplate('counter', { inputSchema: { type: 'object', properties: { count: { type: 'integer' } }, required: ['count'] } }),
  pinnedTemplate('render', { resourceClass: 'gpu' }),
]);

/** Plans a request (validated first, as the engine does) for a control plane serving the pool `default`. */
function plan(request: unknown, defaultTimeoutSeconds?: number) {
  return planWorkflow(validateWorkflowDefinition(request), TEMPLATES, new TemplateSchemas(), {
    id: 'wf-1',
    createdAt: 1_000,
    requestHash: 'h',
    pools: ['default'],
    retentionSeconds: 604_800,
    defaultTimeoutSeconds,
  });
}

async function problemsOf(request: unknown) {
  const refused = await plan(request).catch((error: unknown) => error);
  expect(refused).toBeInstanceOf(WorkflowValidationError);
  return (refused as WorkflowValidationError).problems;
}

describe('planWorkflow', () => {
  it("pins one snapshot per template version and takes each job's priority from the job, else the workflow, else the template", async () => {
    const planned = await plan({
      priority: 5,
      jobs: [
        { id: 'a', templateId: 'step', version: '1.0.0' },
        { id: 'b', templateId: 'step', version: '1.0.0', priority: 9 },
        { id: 'c', templateId: 'step' },
      ],
    });
    expect(
      planned.jobs.map((job) => [job.id, job.version, job.requestedVersion, job.priority, job.maxAttempts, job.timeoutSeconds, job.pool, job.dependsOn]),
    ).toEqual([
      ['a', '1.0.0', '1.0.0', 5, 4, 30, 'default', []],
      ['b', '1.0.0', '1.0.0', 9, 4, 30, 'default', ['a']],
      ['c', '2.0.0', undefined, 5, 2, 90, 'default', ['b']],
    ]);
    expect(planned.templates.map((t) => `${t.templateId}@${t.version}`)).toEqual(['step@1.0.0', 'step@2.0.0']);
    expect(planned.jobs[0].templateHash).toBe(planned.jobs[1].templateHash);
    expect(planned.jobs[2].templateHash).not.toBe(planned.jobs[0].templateHash);

    const withoutPriorities = await plan({ jobs: [{ id: 'a', templateId: 'step' }] });
    expect(withoutPriorities.jobs[0].priority).toBe(3);
  });

  it('names every job whose template is unknown, has no such version or runs in a pool not served, in one error', async () => {
    const problems = await problemsOf({
      jobs: [
        { id: 'fine', templateId: 'step' },
        { id: 'ghost', templateId: 'ghost' },
        { id: 'old', templateId: 'step', version: '9.9.9' },
        { id: 'gpu', templateId: 'render' },
      ],
    });
    expect(problems).toEqual([
      { pointer: '/jobs/1/templateId', message: 'no template "ghost" exists (or every version of it is deprecated or a prerelease)' },
      { pointer: '/jobs/2/version', message: 'template "step" has no version matching "9.9.9" (deprecated versions only match exactly)' },
      { pointer: '/jobs/3/templateId', message: 'template render@1.0.0 runs in pool "gpu", which this control plane does not serve (pools: default)' },
    ]);
  });

  it("checks the inputs known at planning against their inputSchema and leaves references to other jobs' outputs for later", async () => {
    const problems = await problemsOf({
      input: { n: 'x' },
      jobs: [
        { id: 'literal', templateId: 'counter', input: { count: 'three' } },
        { id: 'fromInput', templateId: 'counter', input: { count: { $from: 'input.n' } } },
        { id: 'fromOutput', templateId: 'counter', input: { count: { $from: 'jobs.literal.output.n' } } },
      ],
    });
    expect(problems.map((p) => p.pointer)).toEqual(['/jobs/0/input/count', '/jobs/1/input/count']);

    const planned = await plan({ input: { n: 2 }, jobs: [{ id: 'fromInput', templateId: 'counter', input: { count: { $from: 'input.n' } } }] });
    // The job keeps its input as requested; the reference is resolved again when the job is enqueued.
    expect(planned.jobs[0].input).toEqual({ count: { $from: 'input.n' } });
  });

  it('gives the workflow the default timeout only when the request sets none', async () => {
    const job = { id: 'a', templateId: 'step' };
    expect((await plan({ jobs: [job] }, 600)).timeoutSeconds).toBe(600);
    expect((await plan({ timeoutSeconds: 30, jobs: [job] }, 600)).timeoutSeconds).toBe(30);
    expect(await plan({ jobs: [job] })).not.toHaveProperty('timeoutSeconds');
  });
});
