import { createHash } from 'node:crypto';

/**
 * The Redis users of Base Shift, in one place: what each process may run and
 * which keys and channels it may touch. `k8s/overlays/dev/redis-users.acl` is
 * rendered from here (a spec checks it), and the ACL specs apply the same
 * rules to a real Redis. Every command a process sends is listed, including
 * the ones its Lua scripts run: Redis checks a script's commands, keys and
 * PUBLISH channels against the calling user too.
 */
export type RedisRole = 'control-plane' | 'executor';

/** Production user names (tests use their own, unique ones). */
export const REDIS_USERS: Readonly<Record<RedisRole, string>> = {
  'control-plane': 'base-shift-control-plane',
  executor: 'base-shift-executor',
};

/**
 * What every client sends besides its own work: ioredis's handshake (CLIENT
 * SETNAME from `connectionName`; INFO is its ready check, which waits out a
 * loading server: read-only server statistics, no key data), PING for health
 * checks, QUIT on close, and CLUSTER SLOTS for a Cluster client's slot map.
 * AUTH and HELLO need no grant. CLIENT SETINFO (Redis >= 7.2) is left out on
 * purpose: ioredis ignores its failure, and naming it would break ACL SETUSER
 * on Redis 7.0.
 */
const CONNECTION = ['ping', 'quit', 'info', 'client|setname', 'cluster|slots'];

/** Scripts run by SHA; a server that does not know one (NOSCRIPT) gets the source once with EVAL. */
const SCRIPTS = ['evalsha', 'eval'];

/**
 * Commands inside the queue scripts an executor runs: lease, heartbeat,
 * complete, fail, release (JobLeases) and requeue-leases (the reaper,
 * QueueMaintenance.reapExpired). Checked against the script sources by
 * redis-acl-scripts.spec.ts in libs/workflow.
 */
export const EXECUTOR_SCRIPT_COMMANDS = [
  'hdel',
  'hexists',
  'hget',
  'hincrby',
  'hset',
  'llen',
  'lpush',
  'time',
  'xadd',
  'zadd',
  'zcard',
  'zcount',
  'zpopmin',
  'zrange',
  'zrank',
  'zrem',
];

/**
 * The executor's own commands: BLPOP/LPUSH on the pool's wake list (WakeSignals), HGET of a template snapshot,
 * GET and SET NX of the installation epoch.
 */
const EXECUTOR_DIRECT = ['blpop', 'lpush', 'hget', 'get', 'set'];

/** Commands inside every queue, workflow, auth and pod-manager script (all of which the control plane runs). */
export const CONTROL_PLANE_SCRIPT_COMMANDS = [
  'del',
  'exists',
  'get',
  'hdel',
  'hexists',
  'hget',
  'hgetall',
  'hincrby',
  'hmget',
  'hset',
  'incrby',
  'llen',
  'lpush',
  'lrange',
  'lrem',
  'persist',
  'pexpire',
  'pexpireat',
  'publish',
  'rpush',
  'sadd',
  'set',
  'time',
  'xadd',
  'xinfo|groups',
  'xlen',
  'xpending',
  'xtrim',
  'zadd',
  'zcard',
  'zcount',
  'zpopmin',
  'zrange',
  'zrangebyscore',
  'zrank',
  'zrem',
  'zscore',
];

/**
 * The control plane's own commands: workflow reads and indexes (GET, HGET,
 * HMGET, ZADD/ZREM/ZRANGE/ZCARD/ZSCORE), API keys (SMEMBERS, HGETALL,
 * MULTI DEL SREM EXEC), the audit stream (XADD, XREVRANGE), leader lock
 * (SET NX PX, GET), the retention backfill (ZSCAN of the index, its marker),
 * pool status and template statistics (HSET, HGETALL), the
 * result streams (XGROUP CREATE, XREADGROUP, XAUTOCLAIM, XACK; XREAD and
 * XREVRANGE for the pod manager's follower), live events (SUBSCRIBE) and the
 * template cache's generation (GET; MULTI INCR PUBLISH EXEC on a template
 * change; SUBSCRIBE to its channel).
 */
const CONTROL_PLANE_DIRECT = [
  'exists',
  'get',
  'set',
  'del',
  'hget',
  'hmget',
  'hgetall',
  'hset',
  'smembers',
  'srem',
  'multi',
  'exec',
  'discard',
  'zadd',
  'zrem',
  'zcard',
  'zrange',
  'zscan',
  'zscore',
  'xadd',
  'xrevrange',
  'xread',
  'xgroup|create',
  'xreadgroup',
  'xautoclaim',
  'xack',
  'incr',
  'publish',
  'subscribe',
  'unsubscribe',
];

/** Redis glob patterns treat * ? [ ] \ specially; a prefix must match only itself. */
function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, (char) => `\\${char}`);
}

function unique(names: readonly string[]): string[] {
  return [...new Set(names)].sort();
}

/**
 * The rules of one role (no user name, no password, no on/off): start from
 * nothing (`resetkeys resetchannels -@all`), then allow only the listed
 * commands on the listed key and channel patterns under `prefix`
 * (REDIS_KEY_PREFIX; empty in production).
 */
export function redisAclRules(role: RedisRole, prefix = ''): string[] {
  const p = escapeGlob(prefix);
  const reset = ['resetkeys', 'resetchannels', '-@all'];
  if (role === 'executor') {
    const commands = unique([...CONNECTION, ...SCRIPTS, ...EXECUTOR_DIRECT, ...EXECUTOR_SCRIPT_COMMANDS]);
    // Every key of every pool, and read-only the template snapshots the engine pins into each workflow.
    return [...reset, `~${p}queue:*`, `%R~${p}workflow:{*}:templates`, ...commands.map((name) => `+${name}`)];
  }
  const commands = unique([...CONNECTION, ...SCRIPTS, ...CONTROL_PLANE_DIRECT, ...CONTROL_PLANE_SCRIPT_COMMANDS]);
  const keys = [
    'queue:*',
    'workflow:*',
    'workflow-index',
    'workflow-index:*',
    'workflow-timers',
    'workflow-retention-backfilled',
    'pods:*',
    'auth:*',
    'template-cache:generation',
  ];
  const channels = ['workflow:{*}:events', 'template-cache:changed'];
  return [...reset, ...keys.map((key) => `~${p}${key}`), ...channels.map((channel) => `&${p}${channel}`), ...commands.map((name) => `+${name}`)];
}

/** The arguments of `ACL SETUSER` that (re)define a user with one password, as `redis.call('ACL', ...args)` takes them. */
export function redisAclSetUserArgs(role: RedisRole, options: { user?: string; password: string; prefix?: string }): string[] {
  return ['SETUSER', options.user ?? REDIS_USERS[role], 'reset', 'on', `>${options.password}`, ...redisAclRules(role, options.prefix)];
}

/** SHA-256 of a password, as an ACL file's `#<hash>` names it (the file then holds no password). */
export function redisPasswordHash(password: string): string {
  return createHash('sha256').update(password).digest('hex');
}

/**
 * An ACL file (`aclfile`) for a Redis that only Base Shift uses: the two users
 * with password hashes, and the default (unauthenticated) user reduced to
 * PING, so a readiness probe needs no password and nothing else works without
 * one.
 */
export function renderRedisAclFile(options: { passwordHashes: Readonly<Record<RedisRole, string>>; prefix?: string }): string {
  // An ACL file has no comments: Redis refuses to start on any line not starting with `user`.
  const lines = ['user default on nopass resetkeys resetchannels -@all +ping'];
  for (const role of ['control-plane', 'executor'] as const) {
    const hash = options.passwordHashes[role];
    if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error(`the password hash of ${role} must be 64 lower-case hex digits (SHA-256)`);
    lines.push(['user', REDIS_USERS[role], 'on', `#${hash}`, ...redisAclRules(role, options.prefix)].join(' '));
  }
  return `${lines.join('\n')}\n`;
}
