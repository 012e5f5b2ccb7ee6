import { CodedError } from '@base-shift/core';

/** Thrown when a caller used up its rate limit; `retryAfterSeconds` becomes the Retry-After header. */
export class RateLimitedError extends CodedError<'AUTH.RATE_LIMITED'> {
  readonly code = 'AUTH.RATE_LIMITED';
  constructor(readonly retryAfterSeconds: number) {
    super(`too many requests: try again in ${retryAfterSeconds} s`);
    this.name = 'RateLimitedError';
  }
}
