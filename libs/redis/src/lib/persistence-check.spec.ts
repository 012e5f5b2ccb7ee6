import type { RedisConnection } from './redis-connection';
import { checkRedisPersistence, persistenceProblems } from './persistence-check';

describe('persistenceProblems', () => {
  it('finds nothing wrong with AOF everysec (or always) and noeviction', () => {
    expect(persistenceProblems({ appendonly: 'yes', appendfsync: 'everysec', 'maxmemory-policy': 'noeviction' })).toEqual([]);
    expect(persistenceProblems({ appendonly: 'yes', appendfsync: 'always', 'maxmemory-policy': 'noeviction' })).toEqual([]);
  });

  it('names each setting that can lose data, with its value', () => {
    const problems = persistenceProblems({ appendonly: 'no', appendfsync: 'no', 'maxmemory-policy': 'allkeys-lru' });
    expect(problems.map(({ setting, value }) => [setting, value])).toEqual([
      ['appendonly', 'no'],
      ['appendfsync', 'no'],
      ['maxmemory-policy', 'allkeys-lru'],
    ]);
    expect(problems.every((problem) => problem.risk.length > 0)).toBe(true);
  });

  it('treats a setting the server did not report as a risk', () => {
    expect(persistenceProblems({ appendonly: 'yes', appendfsync: 'everysec' }).map((problem) => [problem.setting, problem.value])).toEqual([
      ['maxmemory-policy', 'missing'],
    ]);
  });

  it('flags volatile-* policies too: they evict keys with a TTL', () => {
    expect(persistenceProblems({ appendonly: 'yes', appendfsync: 'everysec', 'maxmemory-policy': 'volatile-lru' }).map((problem) => problem.setting)).toEqual([
      'maxmemory-policy',
    ]);
  });
});

describe('checkRedisPersistence', () => {
  const answering = (call: (command: string, ...args: string[]) => Promise<unknown>) => ({ call }) as unknown as RedisConnection;
  const NOPERM = "NOPERM User base-shift-control-plane has no permissions to run the 'config|get' command";

  it('reads CONFIG GET and reports the problems', async () => {
    const redis = answering(async () => ['appendonly', 'no', 'appendfsync', 'everysec', 'maxmemory-policy', 'noeviction']);
    await expect(checkRedisPersistence(redis)).resolves.toEqual({ problems: [expect.objectContaining({ setting: 'appendonly', value: 'no' })], unchecked: [] });
  });

  it.each([NOPERM, "ERR unknown command 'CONFIG', with args beginning with: 'GET'"])(
    'falls back to INFO when CONFIG is refused (%s): appendfsync stays unchecked',
    async (message) => {
      const redis = answering(async (command, section) => {
        if (command === 'CONFIG') throw new Error(message);
        return section === 'persistence' ? '# Persistence\r\nloading:0\r\naof_enabled:0\r\n' : '# Memory\r\nmaxmemory_policy:allkeys-lru\r\n';
      });
      const result = await checkRedisPersistence(redis);
      expect(result.problems.map((problem) => [problem.setting, problem.value])).toEqual([
        ['appendonly', 'no'],
        ['maxmemory-policy', 'allkeys-lru'],
      ]);
      expect(result.unchecked).toEqual(['appendfsync']);
      expect(result.refusal).toBe(message);
    },
  );

  it('leaves everything unchecked (no error) when INFO is refused too', async () => {
    const redis = answering(async () => {
      throw new Error(NOPERM);
    });
    await expect(checkRedisPersistence(redis)).resolves.toEqual({
      problems: [],
      unchecked: ['appendonly', 'appendfsync', 'maxmemory-policy'],
      refusal: NOPERM,
    });
  });

  it('throws on other errors (Redis down), so the caller retries', async () => {
    const redis = answering(async () => {
      throw new Error('connect ECONNREFUSED 127.0.0.1:1');
    });
    await expect(checkRedisPersistence(redis)).rejects.toThrow('ECONNREFUSED');
  });
});
