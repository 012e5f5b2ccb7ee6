import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { templateSnapshotField, templateSnapshotsKey } from '@base-shift/job-contract';
import { JobLeases, JobQueue, JobWorker, QueueKeys, QueueMaintenance, type LeasedJob } from '@base-shift/queue';
import {
  checkRedisPersistence,
  CONTROL_PLANE_SCRIPT_COMMANDS,
  createRedisConnection,
  EXECUTOR_SCRIPT_COMMANDS,
  InstallationEpoch,
  redisAclRules,
  redisAclSetUserArgs,
  type RedisConnection,
  type RedisRole,
} from '@base-shift/redis';
import { eventually, startThrowawayRedis, uniqueName, type ThrowawayRedis } from '@base-shift/testing';
import { QueueAdapter } from '../lib/adapters/queue-adapter';
import { TemplateGeneration } from '../lib/adapters/template-cache/template-generation';
import { WorkflowEngine } from '../lib/engine/workflow-engine';
import { WorkflowEvents } from '../lib/events/workflow-events';
import { RetentionBackfill } from '../lib/store/retention-backfill';
import { WorkflowIndex } from '../lib/store/workflow-index';
import { WorkflowKeys } from '../lib/store/workflow-keys';
import { WorkflowStore } from '../lib/store/workflow-store';
import { WorkflowTimers } from '../lib/store/workflow-timers';
import type { HistoryEntry } from '../lib/store/workflow-record';
import { FixedTemplates, pinnedTemplate, POOL } from './engine-fixture';

/*
 * The Redis users (libs/redis/src/lib/acl/redis-acl.ts) against a real Redis.
 * This spec lives here because libs/workflow is where both sides meet: the
 * control plane's engine, store and events, and the real queue an executor
 * drives (JobWorker, JobLeases, the reaper) plus the template snapshot read
 * (keys from @base-shift/job-contract, as TemplateSnapshotStore reads them).
 * It starts its own redis-server: ACL users are server state the shared test
 * Redis must not carry.
 */

const REPO_ROOT = path.resolve(__dirname, '../../../..');

/** Commands the Lua scripts run, read from the script sources with their includes expanded. */
function scriptCommands(dir: string, names: readonly string[]): Set<string> {
  const read = (file: string): string => {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    return text.replace(/^-- @include ([a-z-]+)$/gm, (_, include: string) =>
      fs.existsSync(path.join(dir, 'includes', `${include}.lua`)) ? read(`includes/${include}.lua`) : '',
    );
  };
  const commands = new Set<string>();
  for (const name of names) {
    const source = read(`${name}.lua`);
    for (const match of source.matchAll(/(?:redis\.p?call|rcall)\(\s*'([A-Za-z]+)'(?:,\s*'([A-Z]+)')?/g)) {
      const command = match[1].toLowerCase();
      commands.add(command === 'xinfo' ? `xinfo|${match[2].toLowerCase()}` : command);
    }
    // list-jobs builds its ZRANGE call as a table.
    if (/\{ 'ZRANGE'/.test(source)) commands.add('zrange');
  }
  return commands;
}

function luaNames(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.lua'))
    .map((file) => file.replace(/\.lua$/, ''));
}

const QUEUE_LUA = path.join(REPO_ROOT, 'libs/queue/src/lib/lua');
const ALL_LUA = [QUEUE_LUA, 'libs/workflow/src/lib/store/lua', 'libs/auth/src/lib/lua', 'libs/pods/src/lib/lua'].map((dir) => path.resolve(REPO_ROOT, dir));

describe('Redis ACL rules', () => {
  it('grant the executor every command inside the queue scripts it runs (lease, heartbeat, complete, fail, release, requeue-leases)', () => {
    const used = scriptCommands(QUEUE_LUA, ['lease-8', 'heartbeat-2', 'complete-3', 'fail-9', 'release-7', 'requeue-leases-8']);
    expect([...used].sort()).toEqual([...EXECUTOR_SCRIPT_COMMANDS].sort());
  });

  it('grant the control plane every command inside every queue, workflow, auth and pod-manager script', () => {
    const used = new Set(ALL_LUA.flatMap((dir) => [...scriptCommands(dir, luaNames(dir))]));
    expect([...used].sort()).toEqual([...CONTROL_PLANE_SCRIPT_COMMANDS].sort());
  });

  it('never grant a dangerous, admin or key-enumerating command', () => {
    for (const role of ['executor', 'control-plane'] as const) {
      const rules = redisAclRules(role);
      expect(rules.slice(0, 3)).toEqual(['resetkeys', 'resetchannels', '-@all']);
      expect(rules.filter((rule) => rule.startsWith('+@') || rule === 'allkeys' || rule === 'allcommands' || rule === '~*')).toEqual([]);
      for (const command of ['flushall', 'flushdb', 'config', 'keys', 'scan', 'acl', 'debug', 'shutdown', 'script', 'function', 'module', 'monitor']) {
        expect(rules.filter((rule) => rule === `+${command}` || rule.startsWith(`+${command}|`))).toEqual([]);
      }
    }
  });
});

describe('Redis ACL users on a real Redis', () => {
  const prefix = `acl-test:${uniqueName('p')}:`;
  const users = { 'control-plane': uniqueName('acl-cp'), executor: uniqueName('acl-ex') };
  const passwords = { 'control-plane': randomBytes(16).toString('hex'), executor: randomBytes(16).toString('hex') };
  const opened: RedisConnection[] = [];
  let server: ThrowawayRedis;
  let cp: RedisConnection;
  let ex: RedisConnection;

  const connect = (role: RedisRole): RedisConnection => {
    const connection = createRedisConnection(server.urlFor(users[role], passwords[role]), { connectionName: `base-shift:test:acl-${role}` });
    opened.push(connection);
    return connection;
  };

  beforeAll(async () => {
    server = await startThrowawayRedis();
    for (const role of ['control-plane', 'executor'] as const) {
      await server.admin.call('ACL', ...redisAclSetUserArgs(role, { user: users[role], password: passwords[role], prefix }));
    }
    await server.admin.call('ACL', 'LOG', 'RESET');
    cp = connect('control-plane');
    ex = connect('executor');
  });

  afterAll(async () => {
    await Promise.all(opened.map((connection) => connection.quit().catch(() => connection.disconnect())));
    await server?.stop();
  });

  /** What the server refused since the last reset, except CLIENT SETINFO (ioredis ignores its failure on purpose). */
  async function refusals(): Promise<string[]> {
    const log = (await server.admin.call('ACL', 'LOG')) as unknown[][];
    const entries = log.map((entry) => {
      const fields: Record<string, unknown> = {};
      for (let i = 0; i < entry.length; i += 2) fields[String(entry[i])] = entry[i + 1];
      return `${String(fields['username'])} ${String(fields['reason'])} ${String(fields['object'])}`;
    });
    return entries.filter((entry) => !/ client\|setinfo$/.test(entry));
  }

  it('run a whole workflow: the control plane creates it and applies results, an executor leases, heartbeats, reads the snapshot and completes, nothing refused', async () => {
    const keys = new WorkflowKeys(prefix);
    const store = new WorkflowStore(cp, keys);
    const index = new WorkflowIndex(cp, keys);
    const timers = new WorkflowTimers(cp, keys);
    const queue = new QueueAdapter(cp, { pools: [POOL], prefix, consumer: 'acl-engine' });
    const engine = new WorkflowEngine({ store, index, timers, queue, templates: new FixedTemplates([pinnedTemplate('echo')]) }, { pools: [POOL] });
    const events = new WorkflowEvents(() => connect('control-plane'), keys);
    const controlQueue = new JobQueue(cp, { pools: [POOL], prefix });
    const controlMaintenance = new QueueMaintenance(cp, { pools: [POOL], prefix });

    const leases = new JobLeases(ex, { pools: [POOL], prefix, announceStarts: true });
    const reaper = new QueueMaintenance(ex, { pools: [POOL], prefix });
    const snapshots: unknown[] = [];
    const handled: LeasedJob[] = [];
    const worker = new JobWorker(leases, {
      pools: [POOL],
      executorId: 'acl-executor',
      concurrency: 2,
      leaseMs: 3000,
      heartbeatMs: 100,
      blockMs: 200,
      handler: async (job) => {
        const payload = job.payload as { workflowId: string; templateId: string; version: string; input: unknown };
        // TemplateSnapshotStore's read, with the executor's credentials.
        snapshots.push(
          JSON.parse((await ex.hget(templateSnapshotsKey(prefix, payload.workflowId), templateSnapshotField(payload.templateId, payload.version))) ?? 'null'),
        );
        // Long enough for heartbeats to run.
        await new Promise((resolve) => setTimeout(resolve, 300));
        handled.push(job);
        return { echoed: payload.input as never };
      },
    });

    try {
      const { workflow } = await engine.create({
        input: { n: 1 },
        jobs: [
          { id: 'a', templateId: 'echo', input: { n: { $from: 'input.n' } } },
          { id: 'b', templateId: 'echo' },
        ],
      });
      const seen: HistoryEntry[] = [];
      const leave = await events.subscribe(workflow.id, (entry) => seen.push(entry));
      expect((await controlQueue.stats(POOL)).queued).toBe(1);

      worker.start();
      const applyAll = async () => {
        if (!(await queue.ensureResultGroup(POOL))) return;
        for (;;) {
          const batch = await queue.readResults(POOL, 100, 0);
          if (batch.length === 0) return;
          for (const result of batch) await engine.applyQueueResult(result);
          await queue.ackResults(
            POOL,
            batch.map((result) => result.entryId),
          );
        }
      };
      await eventually(
        async () => {
          await applyAll();
          return (await engine.get(workflow.id)).state === 'COMPLETED';
        },
        'the workflow completing',
        { attempts: 150, everyMs: 100 },
      );

      const done = await engine.get(workflow.id);
      expect(done.jobs.map((job) => [job.id, job.state, job.output])).toEqual([
        ['a', 'SUCCEEDED', { echoed: { n: 1 } }],
        ['b', 'SUCCEEDED', { echoed: {} }],
      ]);
      expect(handled).toHaveLength(2);
      expect(snapshots).toEqual([expect.objectContaining({ templateId: 'echo', version: '1.0.0' }), expect.objectContaining({ templateId: 'echo' })]);
      await eventually(() => seen.some((entry) => entry.to === 'COMPLETED'), 'the COMPLETED event');

      // Housekeeping on both sides: the executor's reaper, the control plane's sweep (promote, reap, trim results).
      expect(await reaper.reapExpired(POOL)).toBe(0);
      await controlMaintenance.sweep();
      expect((await index.list({ limit: 10 })).items.map((item) => item.id)).toEqual([workflow.id]);
      // The once-per-installation retention backfill (ZSCAN of the index, its marker key) and an Idempotency-Key lookup.
      expect(await new RetentionBackfill(cp, keys, store, timers, 60).run()).toBe(0);
      expect(await store.requestHash(workflow.id)).toEqual(expect.any(String));
      await leave();
      expect(await refusals()).toEqual([]);
    } finally {
      await worker.stop();
      await leases.close();
      await queue.close();
      await events.close();
    }
  });

  it('let an executor heartbeat and fail its own lease, and read nothing but queue keys and template snapshots', async () => {
    const queueKeys = new QueueKeys(prefix).pool(POOL);
    await new JobQueue(cp, { pools: [POOL], prefix }).enqueue(POOL, { payload: { n: 2 } });
    const leases = new JobLeases(ex, { pools: [POOL], prefix });
    try {
      const [job] = await leases.lease([POOL], 'acl-executor-2', { count: 1, leaseMs: 5000 });
      expect(await leases.heartbeat('acl-executor-2', [{ pool: POOL, id: job.id, attempt: job.attempt }], 5000)).toEqual([
        expect.objectContaining({ status: 'ok' }),
      ]);
      await leases.fail(POOL, job.id, job.attempt, { message: 'no', retryable: false });
      expect(await server.admin.xlen(queueKeys.results)).toBeGreaterThan(0);
      expect(await refusals()).toEqual([]);
    } finally {
      await leases.close();
    }
  });

  it("grant the control plane the direct commands of the pod manager and auth (their libs' own specs run them; here: the same calls, raw)", async () => {
    const pods = `${prefix}pods:{base-shift}:`;
    const auth = `${prefix}auth:`;
    const results = new QueueKeys(prefix).pool(POOL).results;
    // RedisLockElector, PoolStatusStore, TemplateStatsStore
    expect(await cp.set(`${pods}leader`, 'me', 'PX', 5000, 'NX')).toBe('OK');
    expect(await cp.get(`${pods}leader`)).toBe('me');
    await cp.hset(`${pods}status`, POOL, '{}');
    expect(await cp.hgetall(`${pods}status`)).toEqual({ [POOL]: '{}' });
    // ApiKeyStore, AuditLog
    await cp.hset(`${auth}{api-keys}:key:k1`, 'name', 'k');
    expect(await cp.smembers(`${auth}{api-keys}:index`)).toEqual([]);
    expect(await cp.multi().del(`${auth}{api-keys}:key:k1`).srem(`${auth}{api-keys}:index`, 'k1').exec()).toEqual([
      [null, 1],
      [null, 0],
    ]);
    await cp.xadd(`${auth}audit`, 'MAXLEN', '~', 100, '*', 'action', 'test');
    expect(await cp.xrevrange(`${auth}audit`, '+', '-', 'COUNT', 1)).toHaveLength(1);
    // ResultFollower
    expect(await cp.xread('COUNT', 1, 'STREAMS', results, '0-0')).not.toBeNull();
    expect(await refusals()).toEqual([]);
  });

  it("let the control plane keep the template cache's generation: GET, MULTI INCR PUBLISH EXEC, SUBSCRIBE to its channel", async () => {
    const writer = new TemplateGeneration(cp, () => connect('control-plane'), prefix);
    const reader = new TemplateGeneration(cp, () => connect('control-plane'), prefix);
    let heard = 0;
    try {
      await reader.watch(() => heard++);
      const before = heard;
      const generation = Number(await reader.read());
      await writer.bump('echo');
      expect(Number(await reader.read())).toBe(generation + 1);
      await eventually(() => heard > before, 'the change message');
      expect(await refusals()).toEqual([]);
      // The executor has no business with it.
      await expect(ex.get(writer.key)).rejects.toThrow(/NOPERM/);
      await expect(ex.publish(writer.channel, 'echo')).rejects.toThrow(/NOPERM/);
    } finally {
      await Promise.all([writer.close(), reader.close()]);
    }
  });

  describe('refuse the executor (NOPERM)', () => {
    const wf = new WorkflowKeys(prefix).forWorkflow('wf-acl');
    beforeAll(async () => {
      await cp.set(wf.state, 'RUNNING');
      await cp.hset(wf.templates, 'echo@1.0.0', '{}');
    });

    it.each<[string, (redis: RedisConnection) => Promise<unknown>]>([
      ['reading workflow state', (redis) => redis.get(wf.state)],
      ['reading a workflow job hash', (redis) => redis.hgetall(`${wf.jobPrefix}a`)],
      ['writing a template snapshot', (redis) => redis.hset(wf.templates, 'echo@1.0.0', '{"evil":true}')],
      ['reading the workflow index', (redis) => redis.zrange(`${prefix}workflow-index`, 0, -1)],
      ['writing auth:*', (redis) => redis.hset(`${prefix}auth:{api-keys}:key:x`, 'name', 'evil')],
      ['writing pods:*', (redis) => redis.hset(`${prefix}pods:{base-shift}:status`, 'default', '{}')],
      ['queue keys without the prefix', (redis) => redis.zcard(`queue:{${POOL}}:queued`)],
      ['publishing workflow events', (redis) => redis.publish(wf.events, '{}')],
      ['a script declaring a workflow key', (redis) => redis.eval(`return redis.call('HGET', KEYS[1], 'x')`, 1, wf.meta)],
      ['a command it has no use for, on its own keys', (redis) => redis.del(`${prefix}queue:{${POOL}}:jobs`)],
      ['FLUSHALL', (redis) => redis.call('FLUSHALL')],
      ['FLUSHDB', (redis) => redis.call('FLUSHDB')],
      ['CONFIG GET', (redis) => redis.call('CONFIG', 'GET', 'maxmemory')],
      ['CONFIG SET', (redis) => redis.call('CONFIG', 'SET', 'maxmemory', '1')],
      ['KEYS', (redis) => redis.call('KEYS', '*')],
      ['SCAN', (redis) => redis.call('SCAN', '0')],
      ['ACL', (redis) => redis.call('ACL', 'LIST')],
      ['SCRIPT FLUSH', (redis) => redis.call('SCRIPT', 'FLUSH')],
      ['MONITOR', (redis) => redis.call('MONITOR')],
    ])('%s', async (_, run) => {
      await expect(run(ex)).rejects.toThrow(/NOPERM/);
    });

    it('a script touching a workflow key it does not declare (Redis checks the keys a script uses, not only KEYS)', async () => {
      const script = `return redis.call('HGET', ARGV[1], 'x')`;
      await expect(ex.eval(script, 1, `${prefix}queue:{${POOL}}:x`, wf.meta)).rejects.toThrow(/NOPERM|can't access/);
      // The same script on a queue key runs: it is the key that is refused.
      expect(await ex.eval(script, 1, `${prefix}queue:{${POOL}}:x`, `${prefix}queue:{${POOL}}:jobs`)).toBeNull();
    });

    it('but it may read a template snapshot', async () => {
      expect(await ex.hget(wf.templates, 'echo@1.0.0')).toBe('{}');
    });
  });

  it('let both read and establish the installation epoch, so each notices a loss of Redis data', async () => {
    await server.admin.call('ACL', 'LOG', 'RESET');
    const [control, executor] = [new InstallationEpoch(cp, { prefix }), new InstallationEpoch(ex, { prefix })];
    expect(await executor.check()).toBe(false);
    expect(await control.check()).toBe(false);
    expect(control.current).toBe(executor.current);
    expect(await refusals()).toEqual([]);
  });

  it("let the control plane check Redis's persistence without CONFIG: INFO tells all but appendfsync", async () => {
    // The throwaway server runs without AOF, with the default noeviction policy.
    const result = await checkRedisPersistence(cp);
    expect(result.problems.map((problem) => [problem.setting, problem.value])).toEqual([['appendonly', 'no']]);
    expect(result.unchecked).toEqual(['appendfsync']);
    expect(result.refusal).toMatch(/NOPERM/);
  });

  it('refuse DEBUG to both (ACL DRYRUN: this server refuses DEBUG to everyone anyway)', async () => {
    for (const user of Object.values(users)) {
      expect(await server.admin.call('ACL', 'DRYRUN', user, 'DEBUG', 'SLEEP', '0')).toMatch(/no permissions/);
    }
  });

  describe('refuse the control plane (NOPERM)', () => {
    it.each<[string, (redis: RedisConnection) => Promise<unknown>]>([
      ['keys outside its families', (redis) => redis.set(`${prefix}other`, '1')],
      ['its keys without the prefix', (redis) => redis.get(`workflow:{x}:state`)],
      ['another channel', (redis) => redis.publish(`${prefix}other`, '1')],
      ['FLUSHALL', (redis) => redis.call('FLUSHALL')],
      ['CONFIG GET', (redis) => redis.call('CONFIG', 'GET', 'maxmemory')],
      ['KEYS', (redis) => redis.call('KEYS', '*')],
      ['ACL', (redis) => redis.call('ACL', 'LIST')],
      ['SHUTDOWN', (redis) => redis.call('SHUTDOWN', 'NOSAVE')],
    ])('%s', async (_, run) => {
      await expect(run(cp)).rejects.toThrow(/NOPERM/);
    });
  });
});
