import { randomBytes } from 'node:crypto';
import { Cluster } from 'ioredis';
import { clusterMasters } from './cluster-masters';
import { deleteKeysWithPrefix } from './delete-keys';
import { defineLuaScripts, runLuaScript } from './lua-scripts';
import { createRedisConnection, pingRedis, type RedisConnection } from './redis-connection';

// libs/testing builds on this lib, so these specs read the test environment's variables themselves.
function testEnv(name: 'REDIS_URL' | 'REDIS_CLUSTER_NODES'): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run through jest's globalSetup (nx test redis)`);
  return value;
}

describe('Redis connections', () => {
  const opened: RedisConnection[] = [];
  const open = (url: string) => {
    const connection = createRedisConnection(url, { connectionName: 'base-shift:test:redis-lib' });
    opened.push(connection);
    return connection;
  };
  afterAll(async () => {
    await Promise.all(opened.map(async (connection) => (connection.status === 'ready' ? connection.quit() : connection.disconnect())));
  });

  it('answers PING on a single node', async () => {
    await expect(pingRedis(open(testEnv('REDIS_URL')))).resolves.toBeUndefined();
  });

  it('makes a Cluster client from a comma-separated list of node URLs', async () => {
    const urls = testEnv('REDIS_CLUSTER_NODES')
      .split(',')
      .map((node) => (node.includes('://') ? node : `redis://${node}`))
      .join(',');
    const cluster = open(urls);
    expect(cluster).toBeInstanceOf(Cluster);
    await expect(pingRedis(cluster, 5000)).resolves.toBeUndefined();
  });

  it('finds every master of a Cluster client that has not loaded its slot map yet, and deletes a prefix on all of them', async () => {
    const writer = open(testEnv('REDIS_CLUSTER_NODES'));
    const prefix = `bs-test:masters-${randomBytes(4).toString('hex')}:`;
    for (let i = 0; i < 30; i++) await writer.set(`${prefix}{k${i}}`, 'v');
    // A fresh client: without waiting for its slot map, it would visit no master and delete nothing.
    expect(await clusterMasters(open(testEnv('REDIS_CLUSTER_NODES')))).toHaveLength(3);
    expect(await deleteKeysWithPrefix(open(testEnv('REDIS_CLUSTER_NODES')), prefix)).toBe(30);
  });

  it('reports a server that does not answer within the deadline instead of hanging', async () => {
    // A connection busy with a blocking call answers nothing else until it returns: PING can only time out.
    const busy = open(testEnv('REDIS_URL'));
    const blocked = busy.blpop(`bs-test:redis-lib-${process.pid}:never-pushed`, 1);
    await expect(pingRedis(busy, 200)).rejects.toThrow('no PING reply within 200 ms');
    await blocked;
  });
});

describe('Lua scripts', () => {
  let redis: RedisConnection;
  const key = `bs-test:redis-lib-${process.pid}-${randomBytes(4).toString('hex')}:counter`;
  beforeAll(() => (redis = createRedisConnection(testEnv('REDIS_URL'))));
  afterAll(async () => {
    await redis.del(key);
    await redis.quit();
  });

  it('names scripts <name>-<numKeys> and refuses other file names', () => {
    const scripts = defineLuaScripts<'incr-by'>('test', { 'incr-by-1': 'return 1' });
    expect(scripts['incr-by']).toMatchObject({ name: 'incr-by', numKeys: 1 });
    expect(scripts['incr-by'].sha).toMatch(/^[0-9a-f]{40}$/);
    expect(() => defineLuaScripts('test', { IncrBy: 'return 1' })).toThrow('test Lua script IncrBy is not named <name>-<numKeys>');
  });

  it('renders a script before taking its SHA', () => {
    const plain = defineLuaScripts<'x'>('test', { 'x-0': '-- @fill' });
    const rendered = defineLuaScripts<'x'>('test', { 'x-0': '-- @fill' }, (source) => source.replace('-- @fill', 'return 2'));
    expect(rendered.x.source).toBe('return 2');
    expect(rendered.x.sha).not.toBe(plain.x.sha);
  });

  it('sends the source once when the server does not know the script, then runs it by SHA', async () => {
    // A comment unique to this run makes a script no server has cached yet.
    const source = `-- ${randomBytes(8).toString('hex')}\nreturn redis.call('INCRBY', KEYS[1], ARGV[1])`;
    const script = defineLuaScripts<'incr-by'>('test', { 'incr-by-1': source })['incr-by'];
    expect(await redis.script('EXISTS', script.sha)).toEqual([0]);
    expect(await runLuaScript(redis, script, [key], [2])).toBe(2);
    expect(await redis.script('EXISTS', script.sha)).toEqual([1]);
    expect(await runLuaScript(redis, script, [key], [3])).toBe(5);
  });

  it('refuses a call with the wrong number of keys before reaching Redis', async () => {
    const script = defineLuaScripts<'incr-by'>('test', { 'incr-by-1': 'return 1' })['incr-by'];
    await expect(runLuaScript(redis, script, [], [1])).rejects.toThrow('Lua script incr-by takes 1 keys, got 0');
  });
});
