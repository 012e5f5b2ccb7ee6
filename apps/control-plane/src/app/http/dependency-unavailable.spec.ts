import { unavailableDependency } from './dependency-unavailable';

function withCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

function named(name: string, message: string, cause?: unknown): Error {
  return Object.assign(new Error(message, { cause }), { name });
}

describe('unavailableDependency', () => {
  it.each([
    ['ioredis without a connection', new Error('Connection is closed.')],
    ['ioredis giving up on a command', named('MaxRetriesPerRequestError', 'Reached the max retries per request limit (which is 2).')],
    ['a command timeout', new Error('Command timed out')],
    ['a refused connection', withCode('connect ECONNREFUSED 127.0.0.1:1', 'ECONNREFUSED')],
    ['a reset connection', withCode('read ECONNRESET', 'ECONNRESET')],
    ['a wrapped cause', new Error('enqueue failed', { cause: new Error('Connection is closed.') })],
    ['one of several errors', new AggregateError([new Error('x'), withCode('timeout', 'ETIMEDOUT')])],
  ])('recognises Redis out of reach: %s', (_what, error) => {
    expect(unavailableDependency(error)).toBe('redis');
  });

  it.each([
    ['no server selected', named('MongoServerSelectionError', 'connect ECONNREFUSED 127.0.0.1:27017')],
    ['Mongoose giving up on selection', named('MongooseServerSelectionError', 'connect ECONNREFUSED 127.0.0.1:27017')],
    ['a network error wrapping a socket error', named('MongoNetworkError', 'connection 3 closed', withCode('read ECONNRESET', 'ECONNRESET'))],
    ['a closed topology', named('MongoTopologyClosedError', 'Topology is closed')],
    ['Mongoose buffering timing out', named('MongooseError', 'Operation `templates.find()` buffering timed out after 10000ms')],
    ['a wrapped cause', new Error('listing failed', { cause: named('MongoNotConnectedError', 'Client must be connected') })],
  ])('recognises MongoDB out of reach: %s', (_what, error) => {
    expect(unavailableDependency(error)).toBe('mongodb');
  });

  it.each([
    ['a script error', new Error('ERR Error running script')],
    ['a wrong type reply', new Error('WRONGTYPE Operation against a key holding the wrong kind of value')],
    ['a MongoDB server error', named('MongoServerError', 'E11000 duplicate key error')],
    ['another Mongoose error', named('MongooseError', 'Model.find() no longer accepts a callback')],
    ['a non-error', 'Connection is closed.'],
    ['nothing', undefined],
  ])('leaves %s alone (a 500)', (_what, error) => {
    expect(unavailableDependency(error)).toBeNull();
  });
});
