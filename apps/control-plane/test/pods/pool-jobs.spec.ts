import { ApiKeyStore } from '@base-shift/auth';
import { JobLeases, JobQueue } from '@base-shift/queue';
import { echoTemplate, WorkflowTestApp } from '../workflows/workflow-test-app';

const CARD_SCHEMA = { type: 'object', properties: { cardNumber: { type: 'string', writeOnly: true }, amount: { type: 'number' } } };
const SECRET = '4111111111111111';

interface PoolJobJson {
  id: string;
  state: string;
  priority: number;
  effectivePriority: number;
  observedAt: string;
  createdAt: string;
  waitSeconds: number;
  workflowId?: string;
  jobId?: string;
  templateId?: string;
  lease?: { executorId: string; leasedAt: string; expiresAt: string };
  retryAt?: string;
}

/** A pool's live queue over REST: queued in pop order, leased, delayed — never a payload. */
describe('GET /pools/{pool}/jobs (real Redis)', () => {
  let t: WorkflowTestApp;
  let queue: JobQueue;
  let leases: JobLeases;

  beforeAll(async () => {
    t = await WorkflowTestApp.start('pool-jobs', { templates: [echoTemplate('pj_card', { inputSchema: CARD_SCHEMA })] });
    queue = t.app.get(JobQueue);
    leases = t.leases();
  });
  afterAll(() => t.stop());

  async function list(query = ''): Promise<{ items: PoolJobJson[]; total: number; nextCursor: string | null }> {
    return (await t.http().get(`/pools/default/jobs${query}`).expect(200)).body;
  }

  /** Leases every queued job one at a time and fails it for good: the order executors got them in, and an empty pool after. */
  async function drain(): Promise<string[]> {
    const popped: string[] = [];
    for (;;) {
      const [job] = await leases.lease(['default'], 'drainer', { count: 1, leaseMs: 30_000 });
      if (!job) return popped;
      popped.push(job.id);
      await leases.fail('default', job.id, job.attempt, { message: 'drained', retryable: false });
    }
  }

  it('lists queued jobs in the order executors pop them, a page at a time, with aging counted in', async () => {
    const now = Date.now();
    const low = await queue.enqueue('default', { payload: { secret: SECRET }, priority: 1 });
    const high = await queue.enqueue('default', { payload: { secret: SECRET }, priority: 10 });
    // Base 5, but 100 s of waiting adds 10: it overtakes the newer priority 10.
    const aged = await queue.enqueue('default', { payload: { secret: SECRET }, priority: 5, createdAt: now - 100_000 });

    const first = await list('?limit=2');
    expect(first.total).toBe(3);
    expect(first.items.map((job) => job.id)).toEqual([aged, high]);
    const rest = await list(`?limit=2&cursor=${first.nextCursor}`);
    expect(rest).toMatchObject({ total: 3, nextCursor: null });
    const listed = [...first.items, ...rest.items];

    const [oldest] = listed;
    expect(oldest).toMatchObject({ state: 'queued', priority: 5, attempt: 0, failures: 0, maxAttempts: expect.any(Number) });
    expect(oldest.waitSeconds).toBeGreaterThanOrEqual(99);
    expect(oldest.effectivePriority).toBeCloseTo(5 + oldest.waitSeconds * 0.1, 2);
    expect(Date.parse(oldest.createdAt)).toBeCloseTo(now - 100_000, -3);
    expect(JSON.stringify(listed)).not.toContain(SECRET);
    expect(listed.every((job) => !('payload' in job) && !('meta' in job))).toBe(true);

    expect(await drain()).toEqual(listed.map((job) => job.id));
    expect(low).toBe(listed[2].id);
  });

  it('shows effective priority rising while a job waits', async () => {
    const id = await queue.enqueue('default', { payload: { n: 1 }, priority: 2 });
    const [before] = (await list()).items;
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const [after] = (await list()).items;
    expect([before.id, after.id]).toEqual([id, id]);
    expect(after.effectivePriority - before.effectivePriority).toBeGreaterThanOrEqual(0.1);
    expect(Date.parse(after.observedAt)).toBeGreaterThan(Date.parse(before.observedAt));
    expect(after.priority).toBe(2);
    await drain();
  });

  it('names the workflow, job and template of a workflow job, never its input; leased jobs with their lease, delayed with their retry time', async () => {
    const workflow = await t.create({
      input: { cardNumber: SECRET, amount: 3 },
      jobs: [{ id: 'charge', templateId: 'pj_card', input: { cardNumber: { $from: 'input.cardNumber' }, amount: { $from: 'input.amount' } } }],
    });
    const [queued] = (await list()).items;
    expect(queued).toMatchObject({ workflowId: workflow.id, jobId: 'charge', templateId: 'pj_card' });
    expect(JSON.stringify(queued)).not.toContain(SECRET);

    const [job] = await leases.lease(['default'], 'executor-a', { count: 1, leaseMs: 30_000, blockMs: 1000 });
    const leased = await list('?state=leased');
    expect(leased).toMatchObject({ total: 1, items: [{ id: job.id, state: 'leased', workflowId: workflow.id, lease: { executorId: 'executor-a' } }] });
    expect(Date.parse(leased.items[0].lease?.expiresAt ?? '')).toBe(job.leaseExpiresAt);
    expect(JSON.stringify(leased)).not.toContain(SECRET);
    expect(await list()).toMatchObject({ total: 0, items: [] });

    // A retry a minute away: delayed until then.
    const patient = new JobLeases(t.redis, { pools: ['default'], prefix: t.prefix, backoff: { baseMs: 60_000, factor: 1, capMs: 60_000 } });
    const outcome = await patient.fail('default', job.id, job.attempt, { message: 'gateway down', retryable: true });
    await patient.close();
    expect(outcome).toMatchObject({ outcome: 'retrying' });
    const delayed = await list('?state=delayed');
    expect(delayed).toMatchObject({ total: 1, items: [{ id: job.id, state: 'delayed', failures: 1, jobId: 'charge' }] });
    expect(Date.parse(delayed.items[0].retryAt ?? '')).toBe((outcome as { retryAt: number }).retryAt);
    expect(JSON.stringify(delayed)).not.toContain(SECRET);
    await t.http().post(`/workflows/${workflow.id}/cancel`).expect(200);
  });

  it('answers 404 for an unknown pool and 400 naming a bad state, limit or cursor', async () => {
    const unknown = await t.http().get('/pools/nope/jobs').expect(404);
    expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
    for (const [query, pointer] of [
      ['state=dead', '/state'],
      ['state=QUEUED', '/state'],
      ['limit=0', '/limit'],
      ['limit=101', '/limit'],
      ['cursor=abc', '/cursor'],
    ]) {
      const response = await t.http().get(`/pools/default/jobs?${query}`).expect(400);
      expect({ query, type: response.headers['content-type'], pointers: response.body.errors?.map((error: { pointer: string }) => error.pointer) }).toEqual({
        query,
        type: expect.stringMatching(/^application\/problem\+json/),
        pointers: [pointer],
      });
    }
  });

  it('needs pools:read', async () => {
    const { key } = await t.app.get(ApiKeyStore).create({ name: 'workflows only', scopes: ['workflows:read'] });
    const response = await t.anonymous().get('/pools/default/jobs').set('Authorization', `Bearer ${key}`).expect(403);
    expect(response.body).toMatchObject({ missingScope: 'pools:read' });
    const { key: reader } = await t.app.get(ApiKeyStore).create({ name: 'pools reader', scopes: ['pools:read'] });
    await t.anonymous().get('/pools/default/jobs').set('Authorization', `Bearer ${reader}`).expect(200);
  });
});
