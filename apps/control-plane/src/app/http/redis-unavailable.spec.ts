import { isRedisUnavailable } from './redis-unavailable';

function withCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('isRedisUnavailable', () => {
  it.each([
    ['ioredis without a connection', new Error('Connection is closed.')],
    [
      'ioredis giving up on a command',
      Object.assign(new Error('Reached the max retries per request limit (which is 2).'), { name: 'MaxRetriesPerRequestError' }),
    ],
    ['a command timeout', new Error('Command timed out')],
    ['a refused connection', withCode('connect ECONNREFUSED 127.0.0.1:1', 'ECONNREFUSED')],
    ['a reset connection', withCode('read ECONNRESET', 'ECONNRESET')],
    ['a wrapped cause', new Error('enqueue failed', { cause: new Error('Connection is closed.') })],
    ['one of several errors', new AggregateError([new Error('x'), withCode('timeout', 'ETIMEDOUT')])],
  ])('recognises %s', (_what, error) => {
    expect(isRedisUnavailable(error)).toBe(true);
  });

  it.each([
    ['a script error', new Error('ERR Error running script')],
    ['a wrong type reply', new Error('WRONGTYPE Operation against a key holding the wrong kind of value')],
    ['a non-error', 'Connection is closed.'],
    ['nothing', undefined],
  ])('leaves %s alone (a 500)', (_what, error) => {
    expect(isRedisUnavailable(error)).toBe(false);
  });
});
