import { JobQueue, type JobLeases, type LeasedJob } from '@base-shift/queue';
import { eventually, promtoolCheckMetrics } from '@base-shift/testing';
import { WorkflowEngine } from '@base-shift/workflow';
import { documentedMetrics, familyNames, sampleValue } from '../support/metrics-text';
import { echoTemplate, WorkflowTestApp } from '../workflows/workflow-test-app';

const POOL = 'default';

describe('control-plane metrics of workflows, jobs, the queue and templates (real Redis, FerretDB)', () => {
  let t: WorkflowTestApp;
  let leases: JobLeases;

  beforeAll(async () => {
    t = await WorkflowTestApp.start('cp-metrics', {
      pools: [POOL, 'parked'],
      templates: [
        echoTemplate('m_ok'),
        echoTemplate('m_flaky', { maxAttempts: 2 }),
        echoTemplate('m_stalled'),
        echoTemplate('m_parked', { resourceClass: 'parked' }),
      ],
    });
    leases = t.leases();
  });
  afterAll(() => t.stop());

  const scrape = (): Promise<string> => t.scrape();
  const value = (text: string, name: string, labels: Record<string, string> = {}) => sampleValue(text, name, labels) ?? 0;

  async function leaseOne(leaseMs = 30_000): Promise<LeasedJob> {
    const [job] = await leases.lease([POOL], 'metrics-test-executor', { count: 1, leaseMs, blockMs: 5000 });
    if (!job) throw new Error('no job was queued');
    return job;
  }

  function until(check: (text: string) => boolean, what: string): Promise<string> {
    const shows = async () => {
      const text = await scrape();
      if (!check(text)) throw new Error(`last scrape:\n${text}`);
      return text;
    };
    return eventually(shows, `/metrics showing ${what}`, { attempts: 150, everyMs: 100 });
  }

  it("counts a job's start and success, its duration and queue wait, once per applied result", async () => {
    const before = await scrape();
    const workflow = await t.create({ jobs: [{ id: 'only', templateId: 'm_ok', input: { value: 1 } }] });
    const job = await leaseOne();
    await leases.complete(POOL, job.id, job.attempt, { value: 1 });
    await t.waitForState(workflow.id, 'COMPLETED');

    // At-least-once delivery: the same result applied again (another replica, a redelivery) counts nothing.
    await t.app
      .get(WorkflowEngine)
      .applyQueueResult({ entryId: '0-1', queueJobId: job.id, attempt: job.attempt, outcome: 'succeeded', output: { value: 1 }, pool: POOL });

    const after = await scrape();
    const job_ = { template: 'm_ok', pool: POOL };
    expect(value(after, 'base_shift_jobs_started_total', job_)).toBe(1);
    expect(value(after, 'base_shift_jobs_succeeded_total', job_)).toBe(1);
    expect(value(after, 'base_shift_jobs_failed_total', job_)).toBe(0);
    expect(value(after, 'base_shift_job_duration_seconds_count', { ...job_, outcome: 'succeeded' })).toBe(1);
    expect(value(after, 'base_shift_job_duration_seconds_sum', { ...job_, outcome: 'succeeded' })).toBeGreaterThanOrEqual(0);
    expect(
      value(after, 'base_shift_job_queue_wait_seconds_count', { pool: POOL }) - value(before, 'base_shift_job_queue_wait_seconds_count', { pool: POOL }),
    ).toBe(1);
    expect(value(after, 'base_shift_workflows_created_total') - value(before, 'base_shift_workflows_created_total')).toBe(1);
    const moved = (text: string, from: string, to: string) => value(text, 'base_shift_workflow_transitions_total', { from, to });
    expect(moved(after, 'INITIALIZED', 'RUNNING') - moved(before, 'INITIALIZED', 'RUNNING')).toBe(1);
    expect(moved(after, 'RUNNING', 'COMPLETED') - moved(before, 'RUNNING', 'COMPLETED')).toBe(1);
    // Ids never become labels.
    expect(after).not.toContain(workflow.id);
  });

  it('counts retried attempts, final failures and dead-lettered jobs', async () => {
    const before = await scrape();
    const workflow = await t.create({ jobs: [{ id: 'flaky', templateId: 'm_flaky', input: { value: 2 } }] });
    const first = await leaseOne();
    await leases.fail(POOL, first.id, first.attempt, { message: 'upstream timed out', retryable: true });
    await t.waitFor(workflow.id, (w) => w.jobs[0].state === 'RETRY_WAIT', 'RETRY_WAIT');
    const second = await leaseOne();
    await leases.fail(POOL, second.id, second.attempt, { message: 'upstream timed out again', retryable: true });
    await t.waitForState(workflow.id, 'FAILED');

    const after = await scrape();
    const job = { template: 'm_flaky', pool: POOL };
    expect(value(after, 'base_shift_jobs_started_total', job)).toBe(2);
    expect(value(after, 'base_shift_jobs_retried_total', job)).toBe(1);
    expect(value(after, 'base_shift_jobs_failed_total', job)).toBe(1);
    expect(value(after, 'base_shift_jobs_dead_lettered_total', job)).toBe(1);
    expect(value(after, 'base_shift_jobs_succeeded_total', job)).toBe(0);
    expect(value(after, 'base_shift_job_duration_seconds_count', { ...job, outcome: 'retrying' })).toBe(1);
    expect(value(after, 'base_shift_job_duration_seconds_count', { ...job, outcome: 'failed' })).toBe(1);
    // Only the first attempt measures the queue wait: the retry waited for its backoff.
    expect(
      value(after, 'base_shift_job_queue_wait_seconds_count', { pool: POOL }) - value(before, 'base_shift_job_queue_wait_seconds_count', { pool: POOL }),
    ).toBe(1);
    const moved = (text: string) => value(text, 'base_shift_workflow_transitions_total', { from: 'RUNNING', to: 'FAILED' });
    expect(moved(after) - moved(before)).toBe(1);
    expect(value(after, 'base_shift_queue_jobs', { pool: POOL, state: 'dead' })).toBe(1);
  });

  it("counts a stalled lease taken back by the control plane's housekeeping", async () => {
    const workflow = await t.create({ jobs: [{ id: 'stuck', templateId: 'm_stalled', input: { value: 3 } }] });
    await leaseOne(200); // and never heartbeat: an executor that died
    await until((text) => value(text, 'base_shift_queue_stalled_leases_recovered_total', { pool: POOL }) === 1, 'one recovered lease');
    const again = await leaseOne();
    expect(again.attempt).toBe(2);
    await leases.complete(POOL, again.id, again.attempt, { value: 3 });
    await t.waitForState(workflow.id, 'COMPLETED');
  });

  it('reads workflows per state and queue counts from Redis at scrape time', async () => {
    const before = await scrape();
    expect(familyNames(before)).toEqual(expect.arrayContaining(['base_shift_workflows', 'base_shift_queue_jobs', 'base_shift_queue_oldest_wait_seconds']));
    const workflow = await t.create({ jobs: [{ id: 'parked', templateId: 'm_parked', input: { value: 4 } }] });
    // A job added behind the engine's back counts too: the gauge is Redis's truth, not this process's tally.
    await new JobQueue(t.redis, { pools: [POOL, 'parked'], prefix: t.prefix }).enqueue('parked', { payload: { note: 'not a workflow job' } });

    const after = await scrape();
    expect(value(after, 'base_shift_workflows', { state: 'RUNNING' }) - value(before, 'base_shift_workflows', { state: 'RUNNING' })).toBe(1);
    expect(value(after, 'base_shift_workflows', { state: 'COMPLETED' })).toBe(2);
    expect(value(after, 'base_shift_workflows', { state: 'FAILED' })).toBe(1);
    expect(value(after, 'base_shift_workflows', { state: 'CANCELLED' })).toBe(0);
    expect(value(after, 'base_shift_queue_jobs', { pool: 'parked', state: 'queued' })).toBe(2);
    for (const state of ['leased', 'delayed', 'dead']) expect(value(after, 'base_shift_queue_jobs', { pool: 'parked', state })).toBe(0);
    expect(sampleValue(after, 'base_shift_queue_oldest_wait_seconds', { pool: 'parked' })).toBeGreaterThanOrEqual(0);
    expect(after).not.toContain(workflow.id);
  });

  it('counts template documents refused by validation, per operation', async () => {
    const before = await scrape();
    const create = await t
      .http()
      .post('/graphql')
      .send({
        query: 'mutation Create($input: CreateJobTemplateInput!) { createJobTemplate(input: $input) { id } }',
        variables: { input: { id: 'm_broken', steps: [{ name: 'x', type: 'teleport', config: {} }], inputSchema: {}, outputSchema: {} } },
      });
    expect(create.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const publish = await t
      .http()
      .post('/graphql')
      .send({ query: 'mutation { publishJobTemplateVersion(id: "m_ok", bump: PATCH, changes: { maxAttempts: 0 }) { id } }' });
    expect(publish.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');

    const after = await scrape();
    const refused = (text: string, operation: string) => value(text, 'base_shift_template_validation_failures_total', { operation });
    expect(refused(after, 'create') - refused(before, 'create')).toBe(1);
    expect(refused(after, 'publish') - refused(before, 'publish')).toBe(1);
    expect(refused(after, 'deprecate')).toBe(0);
  });

  it("times GraphQL operations by type and schema root field, never by the client's operation name", async () => {
    await t.http().post('/graphql').send({ query: 'query ClientChosenName_7f3a { jobTemplates(first: 1) { id } }' }).expect(200);
    await t.http().post('/graphql').send({ query: 'query { jobTemplate(id: "m_ok") { id } jobTemplates { id } }' }).expect(200);
    await t.http().post('/graphql').send({ query: 'query Nope_7f3a { noSuchField }' }).expect(400);

    const text = await scrape();
    const count = (labels: Record<string, string>) => value(text, 'base_shift_graphql_request_duration_seconds_count', labels);
    expect(count({ operation_type: 'query', field: 'jobTemplates', outcome: 'success' })).toBeGreaterThanOrEqual(1);
    expect(count({ operation_type: 'query', field: 'multiple', outcome: 'success' })).toBe(1);
    expect(count({ operation_type: 'unknown', field: 'other', outcome: 'error' })).toBeGreaterThanOrEqual(1);
    expect(count({ operation_type: 'mutation', field: 'createJobTemplate', outcome: 'error' })).toBe(1);
    expect(text).not.toContain('7f3a');
    expect(text).not.toContain('noSuchField');
  });

  it('passes promtool check metrics with every family present', async () => {
    const text = await scrape();
    expect(promtoolCheckMetrics(text)).toBe('');
  });

  it('documents every metric it exposes in the README, and exposes every control-plane metric the README lists', async () => {
    const documented = documentedMetrics();
    const controlPlane = documented.get('Control plane') ?? [];
    const anyDocumented = new Set([...documented.values()].flat());
    const exposed = familyNames(await scrape()).filter((name) => name.startsWith('base_shift_'));
    expect(exposed.filter((name) => !anyDocumented.has(name))).toEqual([]);
    expect(controlPlane.filter((name) => !exposed.includes(name))).toEqual([]);
  });
});
