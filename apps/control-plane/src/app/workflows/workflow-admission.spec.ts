import { JobLeases, JobQueue, ResultConsumer } from '@base-shift/queue';
import { isolatedRedis, type IsolatedRedis } from '@base-shift/testing';
import { loadControlPlaneConfig } from '../config/control-plane-config';
import { RetryLaterException } from '../http/retry-later.exception';
import { QUEUED_COUNT_TTL_MS, WorkflowAdmission } from './workflow-admission';

const POOL = 'default';

describe('WorkflowAdmission (real Redis)', () => {
  let env: IsolatedRedis;
  let queue: JobQueue;
  let leases: JobLeases;

  beforeEach(() => {
    env = isolatedRedis('admission');
    queue = new JobQueue(env.redis, { pools: [POOL], prefix: env.prefix });
    leases = new JobLeases(env.redis, { pools: [POOL], prefix: env.prefix });
  });
  afterEach(async () => {
    await leases.close();
    await env.cleanup();
  });

  const admission = (variables: Record<string, string>) =>
    new WorkflowAdmission(queue, loadControlPlaneConfig({ REDIS_URL: 'redis://127.0.0.1:6379', MONGO_URL: 'mongodb://127.0.0.1:27017/x', ...variables }));
  const staleness = () => new Promise((resolve) => setTimeout(resolve, QUEUED_COUNT_TTL_MS + 50));

  it('refuses creates for a pool whose results the engine has not applied yet past the bound, and admits again once it caught up', async () => {
    const engine = new ResultConsumer(env.redis, { pool: POOL, group: 'engine', consumer: 'cp-1', prefix: env.prefix });
    await engine.ensureGroup();
    for (const id of ['a', 'b', 'c']) await queue.enqueue(POOL, { id, payload: {} });
    const leased = await leases.lease([POOL], 'exec-1', { count: 3, leaseMs: 60_000 });
    await leases.completeMany(
      POOL,
      leased.map((job) => ({ id: job.id, attempt: job.attempt })),
    );

    const admit = admission({ WORKFLOW_MAX_UNAPPLIED_RESULTS: '3' }).admit;
    const refusal = await admit([POOL]).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(RetryLaterException);
    expect(refusal).toMatchObject({ reason: 'results_backlog', retryAfterSeconds: 2 });
    expect((refusal as RetryLaterException).getStatus()).toBe(429);
    expect((refusal as RetryLaterException).getResponse()).toMatchObject({
      detail: expect.stringContaining('3 results of pool "default" still to apply (limit 3)'),
    });

    await engine.ack((await engine.read({ count: 3 })).map((result) => result.entryId));
    await staleness();
    await expect(admit([POOL])).resolves.toBeUndefined();
  });

  it('admits while the backlog stays under the bound', async () => {
    await expect(admission({}).admit([POOL])).resolves.toBeUndefined();
  });
});
