import { ConfigError, EnvReader } from '@base-shift/config';
import { readRedisUrl, redactRedisUrl, redisUrlEntries, redisUrlHasPassword, redisUrlProblems } from './redis-url';

describe('Redis URL settings', () => {
  it('takes one node or a comma-separated Cluster list, dropping blanks', () => {
    expect(redisUrlEntries('redis://a:6379')).toEqual(['redis://a:6379']);
    expect(redisUrlEntries(' redis://a:1 , redis://b:2,, redis://c:3 ,')).toEqual(['redis://a:1', 'redis://b:2', 'redis://c:3']);
    expect(redisUrlProblems('redis://a:6379/2')).toEqual([]);
    expect(redisUrlProblems('rediss://u:p@a:1,rediss://u:p@b:2,rediss://u:p@c:3')).toEqual([]);
  });

  it('names the bad entry of a list, its password masked', () => {
    expect(redisUrlProblems('http://x')).toEqual(['must be a redis: or rediss: URL (or a comma-separated list of them for a Redis Cluster), got "http://x"']);
    expect(redisUrlProblems('redis://:s3cret@a:1,mongodb://:s3cret@b:2,redis://:s3cret@c:3/1')).toEqual([
      'entry 2 of the Redis Cluster list ("mongodb://***@b:2") must be a redis: or rediss: URL',
      'entry 3 of the Redis Cluster list ("redis://***@c:3/1") names a database; a Redis Cluster has only database 0',
    ]);
    expect(redisUrlProblems(',')).toEqual(['must be a redis: or rediss: URL (or a comma-separated list of them for a Redis Cluster)']);
  });

  it('refuses a list whose nodes disagree on TLS or credentials: one set reaches every node', () => {
    const problems = redisUrlProblems('redis://:s3cret@a:1,rediss://:s3cret@b:2,redis://:other@c:3');
    expect(problems).toEqual([
      'entry 2 of the Redis Cluster list ("rediss://***@b:2") must use redis: like entry 1: every node is reached with the same TLS setting',
      'entry 3 of the Redis Cluster list ("redis://***@c:3") must carry the same user and password as entry 1: every node is reached with one set of credentials',
    ]);
    expect(problems.join()).not.toMatch(/s3cret|other/);
  });

  it('reads a variable through EnvReader, naming it in every problem', () => {
    const env = new EnvReader({ REDIS_URL: ' redis://a:1, redis://b:2 ', BAD: 'redis://a:1,redis://b:2/3' });
    expect(readRedisUrl(env, 'REDIS_URL')).toBe('redis://a:1,redis://b:2');
    readRedisUrl(env, 'BAD');
    readRedisUrl(env, 'MISSING');
    let problems: readonly string[] = [];
    try {
      env.done();
    } catch (error) {
      problems = (error as ConfigError).problems;
    }
    expect(problems).toEqual([
      'BAD: entry 2 of the Redis Cluster list ("redis://b:2/3") names a database; a Redis Cluster has only database 0',
      'MISSING: is required (a redis: or rediss: URL (or a comma-separated list of them for a Redis Cluster))',
    ]);
  });

  it('finds and masks a password in any entry', () => {
    expect(redisUrlHasPassword('redis://a:1,redis://:pw@b:2')).toBe(true);
    expect(redisUrlHasPassword('redis://user@a:1,redis://b:2')).toBe(false);
    expect(redactRedisUrl('redis://u:pw@a:1,redis://u:pw@b:2')).toBe('redis://***@a:1,redis://***@b:2');
  });
});
