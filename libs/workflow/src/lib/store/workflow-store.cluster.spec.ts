import type { Cluster } from 'ioredis';
import { createRedisConnection, deleteKeysWithPrefix, type RedisConnection } from '@base-shift/redis';
import { requireTestEnv, uniqueName } from '@base-shift/testing';
import type { NewWorkflow } from './store-inputs';
import { WorkflowIndex } from './workflow-index';
import { WorkflowKeys } from './workflow-keys';
import { WorkflowStore } from './workflow-store';
import { WorkflowTimers } from './workflow-timers';

// Every script touches one hash tag, so it runs on a 3-master Redis Cluster as on one node.
describe('workflow store on a Redis Cluster', () => {
  let redis: RedisConnection;
  let prefix: string;

  beforeAll(() => {
    redis = createRedisConnection(requireTestEnv('REDIS_CLUSTER_NODES'), { connectionName: 'base-shift:test:wf-cluster' });
    prefix = `bs-test:${uniqueName('wf-cluster')}:`;
  });
  afterAll(async () => {
    await deleteKeysWithPrefix(redis, prefix);
    await redis.quit();
  });

  it('runs workflows whose keys land on different masters from creation to COMPLETED', async () => {
    const keys = new WorkflowKeys(prefix);
    const store = new WorkflowStore(redis, keys);
    const index = new WorkflowIndex(redis, keys);
    const timers = new WorkflowTimers(redis, keys);
    const ids = Array.from({ length: 6 }, (_, i) => `cluster-${i}`);
    for (const id of ids) {
      const workflow: NewWorkflow = {
        id,
        requestHash: 'r',
        mode: 'sequential',
        input: {},
        retentionSeconds: 60,
        createdAt: Date.now(),
        templates: [{ templateId: 't', version: '1.0.0', snapshot: { steps: [] } }],
        jobs: [{ id: 'only', templateId: 't', version: '1.0.0', templateHash: 'h', pool: 'default', priority: 0, maxAttempts: 1, dependsOn: [], input: {} }],
      };
      await index.add(id, workflow.createdAt);
      await timers.arm(id, Date.now() + 60_000);
      await store.create(workflow);
      const queued = await store.enqueueReady(id, [{ jobId: 'only', input: { n: 1 } }]);
      await store.ackOutbox(
        id,
        queued.ops.map((op) => op.op),
      );
      await index.syncState(id, 'RUNNING', workflow.createdAt, 'INITIALIZED');
      const done = await store.applyResult(id, { jobId: 'only', queueJobId: `${id}:only:1`, attempt: 1, outcome: 'succeeded', payload: { ok: true } });
      expect(done.state).toBe('COMPLETED');
      await index.syncState(id, done.state, workflow.createdAt, done.previousState);
    }
    // The workflows really are spread over several masters (ioredis' slot map: slot → node addresses).
    const masters = new Set<string>();
    for (const id of ids) {
      const slot = Number(await (redis as Cluster).cluster('KEYSLOT', keys.forWorkflow(id).state));
      masters.add((redis as Cluster).slots[slot][0]);
    }
    expect(masters.size).toBeGreaterThan(1);
    expect((await store.read('cluster-3'))?.jobs[0]).toMatchObject({ state: 'SUCCEEDED', output: { ok: true } });
    expect((await index.list({ state: 'COMPLETED', limit: 10 })).items.map((w) => w.id).sort()).toEqual(ids);
  });
});
