import { RetryLaterException } from './retry-later.exception';

/** A store the control plane cannot work without. */
export type Dependency = 'redis' | 'mongodb';

/**
 * Seconds a caller is told to wait while a store is unreachable: the Redis
 * client reconnects within 2 s; the MongoDB driver selects a server again as
 * soon as one answers (its selection timeout is 5 s).
 */
export const RETRY_AFTER_SECONDS: Record<Dependency, number> = { redis: 3, mongodb: 5 };

const WHAT: Record<Dependency, string> = { redis: 'The workflow store (Redis)', mongodb: 'The template store (MongoDB)' };

// Socket errors of a lost or refused connection (Node's error codes).
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

// What ioredis rejects commands with while it has no connection.
const IOREDIS_MESSAGES = [
  /^Connection is closed\.?$/,
  /^Reached the max retries per request limit/,
  /^Command timed out/,
  /^Stream isn't writeable/,
  /^Connection timeout$/,
  /^connect (ECONNREFUSED|ETIMEDOUT)/,
];

// The MongoDB driver's (and Mongoose's) errors for "no server to talk to", by class name:
// they wrap socket errors too, so they are recognised first.
const MONGO_ERROR_NAMES = new Set([
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoServerClosedError',
  'MongoPoolClearedError',
]);
// Mongoose queues commands while disconnected and fails them after bufferTimeoutMS.
const MONGOOSE_BUFFERING = /buffering timed out after \d+ms$/;

/**
 * Which store `error` (or an error it wraps, through `cause` or an
 * AggregateError) says could not be reached, or null if a command failed
 * for another reason (a bug: a 500).
 */
export function unavailableDependency(error: unknown): Dependency | null {
  if (isMongoUnavailable(error)) return 'mongodb';
  if (isRedisUnavailable(error)) return 'redis';
  return null;
}

/** True if `test` holds for `error` or for an error it wraps (`cause`, AggregateError), at most 5 levels down. */
function someCause(error: unknown, test: (error: Error) => boolean, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 5) return false;
  if (test(error)) return true;
  if (error instanceof AggregateError && error.errors.some((inner) => someCause(inner, test, depth + 1))) return true;
  return someCause(error.cause, test, depth + 1);
}

const isMongoUnavailable = (error: unknown) =>
  someCause(error, (e) => MONGO_ERROR_NAMES.has(e.name) || (e.name === 'MongooseError' && MONGOOSE_BUFFERING.test(e.message)));

const isRedisUnavailable = (error: unknown) =>
  someCause(error, (e) => {
    const code = (e as { code?: unknown }).code;
    return (
      e.name === 'MaxRetriesPerRequestError' || (typeof code === 'string' && CONNECTION_CODES.has(code)) || IOREDIS_MESSAGES.some((p) => p.test(e.message))
    );
  });

/** The 503 answered instead of a 500 while a store is unreachable. */
export function dependencyUnavailableException(dependency: Dependency): RetryLaterException {
  return new RetryLaterException(
    503,
    'Service Unavailable',
    `${WHAT[dependency]} is unreachable; retry shortly.`,
    RETRY_AFTER_SECONDS[dependency],
    `${dependency}_unavailable`,
  );
}
