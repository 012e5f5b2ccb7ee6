import { RetryLaterException } from './retry-later.exception';

/** Seconds a caller is told to wait while Redis is unreachable (the client reconnects within 2 s). */
export const REDIS_UNAVAILABLE_RETRY_AFTER_SECONDS = 3;

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

/**
 * True if `error` (or an error it wraps, through `cause` or an AggregateError)
 * says Redis could not be reached, rather than that a command failed.
 */
export function isRedisUnavailable(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 5) return false;
  if (error.name === 'MaxRetriesPerRequestError') return true;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && CONNECTION_CODES.has(code)) return true;
  if (IOREDIS_MESSAGES.some((pattern) => pattern.test(error.message))) return true;
  if (error instanceof AggregateError && error.errors.some((inner) => isRedisUnavailable(inner, depth + 1))) return true;
  return isRedisUnavailable(error.cause, depth + 1);
}

/** The 503 answered instead of a 500 while Redis is unreachable. */
export function redisUnavailableException(): RetryLaterException {
  return new RetryLaterException(
    503,
    'Service Unavailable',
    'The workflow store (Redis) is unreachable; retry shortly.',
    REDIS_UNAVAILABLE_RETRY_AFTER_SECONDS,
  );
}
