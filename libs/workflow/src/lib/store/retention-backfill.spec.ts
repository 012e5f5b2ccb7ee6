import { isolatedRedis, type IsolatedRedis } from '@base-shift/testing';
import { RetentionBackfill } from './retention-backfill';
import { WorkflowIndex } from './workflow-index';
import { WorkflowKeys } from './workflow-keys';
import { WorkflowStore } from './workflow-store';
import { WorkflowTimers } from './workflow-timers';

const DAY_MS = 86_400_000;

describe('RetentionBackfill (real Redis)', () => {
  let env: IsolatedRedis;
  let keys: WorkflowKeys;
  let store: WorkflowStore;
  let timers: WorkflowTimers;

  beforeEach(() => {
    env = isolatedRedis('wf-backfill');
    keys = new WorkflowKeys(env.prefix);
    store = new WorkflowStore(env.redis, keys);
    timers = new WorkflowTimers(env.redis, keys);
  });
  afterEach(() => env.cleanup());

  /** A workflow as an older version left it: finished `finishedAgoMs` ago, no retentionSeconds, no expiry on any key. */
  async function legacyWorkflow(id: string, finishedAgoMs: number | null): Promise<string[]> {
    const createdAt = Date.now() - 30 * DAY_MS;
    await new WorkflowIndex(env.redis, keys).add(id, createdAt);
    await store.create({
      id,
      requestHash: 'h',
      mode: 'sequential',
      input: { card: '4111111111111111' },
      retentionSeconds: 1,
      createdAt,
      templates: [{ templateId: 'tpl', version: '1.0.0', snapshot: {} }],
      jobs: [{ id: 'only', templateId: 'tpl', version: '1.0.0', templateHash: 'h', pool: 'default', priority: 0, maxAttempts: 1, dependsOn: [], input: {} }],
    });
    const k = keys.forWorkflow(id);
    if (finishedAgoMs !== null) {
      await store.cancel(id, 'old');
      await env.redis.hset(k.meta, 'finishedAt', Date.now() - finishedAgoMs);
    }
    await env.redis.hdel(k.meta, 'retentionSeconds', 'expiresAt');
    const all = [k.state, k.currentJob, k.jobs, k.meta, k.history, k.templates, keys.job(id, 'only')];
    for (const key of all) await env.redis.persist(key);
    return all;
  }

  it('gives every finished workflow without an expiry one, counted from when it finished, and arms its timer', async () => {
    const keysOfOld = await legacyWorkflow('wf-old', DAY_MS);
    await legacyWorkflow('wf-running', null);
    const backfill = new RetentionBackfill(env.redis, keys, store, timers, 7 * 86_400);

    expect(await backfill.run()).toBe(1);

    const expiresAt = Number(await env.redis.hget(keys.forWorkflow('wf-old').meta, 'expiresAt'));
    expect(Math.abs(expiresAt - (Date.now() + 6 * DAY_MS))).toBeLessThan(60_000);
    for (const key of keysOfOld) {
      // Every key that exists expires then (currentJob may never have been written).
      if ((await env.redis.exists(key)) === 1) expect(await env.redis.pexpiretime(key)).toBe(expiresAt);
    }
    expect(Number(await env.redis.zscore(keys.timers(), 'wf-old'))).toBe(expiresAt + 1);
    // An unfinished workflow is left alone: it gets its expiry when it finishes.
    expect(await env.redis.pttl(keys.forWorkflow('wf-running').meta)).toBe(-1);
  });

  it('deletes at once a workflow whose retention ended long ago', async () => {
    await legacyWorkflow('wf-ancient', 30 * DAY_MS);
    expect(await new RetentionBackfill(env.redis, keys, store, timers, 7 * 86_400).run()).toBe(1);
    expect(await env.redis.exists(keys.forWorkflow('wf-ancient').state, keys.forWorkflow('wf-ancient').meta)).toBe(0);
  });

  it('runs once per installation: the marker makes later passes one read', async () => {
    await legacyWorkflow('wf-a', DAY_MS);
    const backfill = new RetentionBackfill(env.redis, keys, store, timers, 7 * 86_400);
    expect(await backfill.run()).toBe(1);
    expect(await env.redis.exists(keys.retentionBackfilled())).toBe(1);
    await legacyWorkflow('wf-b', DAY_MS);
    expect(await backfill.run()).toBe(0);
  });
});
