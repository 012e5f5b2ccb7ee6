import { createRedisConnection, type RedisConnection } from '@base-shift/redis';
import { eventually, isolatedRedis, requireTestEnv, type IsolatedRedis } from '@base-shift/testing';
import { WorkflowKeys } from '../store/workflow-keys';
import type { HistoryEntry } from '../store/workflow-record';
import { WorkflowEvents } from './workflow-events';

describe('WorkflowEvents (real Redis)', () => {
  let env: IsolatedRedis;
  let events: WorkflowEvents;
  let connection: RedisConnection | undefined;

  beforeEach(() => {
    env = isolatedRedis('wf-events');
    // A fresh subscriber connection, as a control plane has right after it starts.
    events = new WorkflowEvents(
      () => (connection = createRedisConnection(requireTestEnv('REDIS_URL'), { connectionName: `${env.prefix}events` })),
      new WorkflowKeys(env.prefix),
    );
  });
  afterEach(async () => {
    await events.close();
    await env.cleanup();
  });

  it('subscribes many workflows at once on a connection still in its handshake, and delivers their events', async () => {
    const seen: HistoryEntry[] = [];
    const ids = Array.from({ length: 100 }, (_, i) => `wf-${i}`);
    // The first subscription opens the connection; the others arrive while it is connected but not yet
    // ready (ioredis still naming it), the window in which a SUBSCRIBE used to break its ready check.
    const first = events.subscribe(ids[0], (entry) => seen.push(entry));
    await new Promise((resolve) => connection?.once('connect', resolve));
    const leaves = await Promise.all([first, ...ids.slice(1).map((id) => events.subscribe(id, (entry) => seen.push(entry)))]);
    const entry: HistoryEntry = { seq: 1, at: Date.now(), kind: 'workflow', from: 'RUNNING', to: 'COMPLETED' };
    await env.redis.publish(new WorkflowKeys(env.prefix).forWorkflow('wf-42').events, JSON.stringify(entry));
    await eventually(() => seen.length === 1, 'the event of wf-42');
    expect(seen).toEqual([entry]);
    await Promise.all(leaves.map((leave) => leave()));
  });
});
