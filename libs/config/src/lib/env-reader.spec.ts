import { ConfigError } from './config-error';
import { EnvReader } from './env-reader';

describe('EnvReader', () => {
  it('returns typed values and defaults', () => {
    const env = new EnvReader({ PORT: '8080', LOG_LEVEL: 'DEBUG', POOLS: 'a, b,,c' });
    expect(env.port('PORT', 3000)).toBe(8080);
    expect(env.port('OTHER_PORT', 3000)).toBe(3000);
    expect(env.oneOf('LOG_LEVEL', ['info', 'debug'], 'info')).toBe('debug');
    expect(env.list('POOLS')).toEqual(['a', 'b', 'c']);
    expect(() => env.done()).not.toThrow();
  });

  it('names every bad variable in one error', () => {
    const env = new EnvReader({ PORT: 'abc', REDIS_URL: 'http://x', LOG_LEVEL: 'loud' });
    env.port('PORT', 3000);
    env.url('REDIS_URL', ['redis:', 'rediss:']);
    env.oneOf('LOG_LEVEL', ['info', 'debug'], 'info');
    env.string('MONGO_URL');
    let error: ConfigError | undefined;
    try {
      env.done();
    } catch (caught) {
      error = caught as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error?.problems).toEqual([
      'PORT: must be an integer between 1 and 65535, got "abc"',
      'REDIS_URL: must be a redis: or rediss: URL, got "http://x"',
      'LOG_LEVEL: must be one of info, debug, got "loud"',
      'MONGO_URL: is required',
    ]);
  });

  it('rejects out-of-range and fractional integers', () => {
    const env = new EnvReader({ PORT: '70000', CONCURRENCY: '1.5' });
    env.port('PORT');
    env.int('CONCURRENCY', { min: 1, max: 1000 });
    expect(() => env.done()).toThrow(/PORT: must be an integer between 1 and 65535, got "70000"[\s\S]*CONCURRENCY/);
  });

  it('never echoes a password found in a URL', () => {
    const env = new EnvReader({ REDIS_URL: 'http://user:hunter2@redis:6379' });
    env.url('REDIS_URL', ['redis:']);
    expect(() => env.done()).toThrow(ConfigError);
    try {
      env.done();
    } catch (caught) {
      expect((caught as Error).message).not.toContain('hunter2');
    }
  });
});
