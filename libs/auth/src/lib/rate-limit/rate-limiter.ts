import type { RedisConnection } from '@base-shift/redis';
import { InvalidAuthArgumentError } from '../errors/auth-errors';
import { AuthKeys } from '../keys/auth-keys';
import { runAuthScript } from '../lua/auth-scripts';

export interface RateLimiterOptions {
  /** Sustained rate: tokens added to a subject's bucket per second (> 0, fractions allowed: 0.5 = one every 2 s). */
  perSecond: number;
  /** Bucket size: how many requests a subject may make at once after being idle (integer ≥ 1). */
  burst: number;
  /** Names the limiter in its keys, so limiters with other rates keep other buckets (default `api`). */
  name?: string;
  /** Key prefix (tests, developer instances sharing a Redis); see AuthKeys. */
  prefix?: string;
}

export interface RateLimitDecision {
  allowed: boolean;
  /** 0 when allowed; otherwise whole seconds (≥ 1) until a token is back: the `Retry-After` value. */
  retryAfterSeconds: number;
  /** Whole tokens left after this request. */
  remaining: number;
}

const NAME = /^[a-z][a-z0-9-]{0,39}$/;
const MAX_SUBJECT_LENGTH = 512;

/**
 * A token bucket per subject (an API key id, a token's subject, a client
 * address), held in Redis so the limit is the same whichever replica a
 * request reaches. Each `take` is one script call: refill, take, store.
 */
export class RateLimiter {
  private readonly keys: AuthKeys;
  private readonly name: string;

  constructor(
    private readonly redis: RedisConnection,
    private readonly options: RateLimiterOptions,
  ) {
    this.keys = new AuthKeys(options.prefix);
    this.name = options.name ?? 'api';
    if (!NAME.test(this.name))
      throw new InvalidAuthArgumentError('name', `must be 1-40 lowercase letters, digits or '-', starting with a letter (got ${JSON.stringify(this.name)})`);
    if (typeof options.perSecond !== 'number' || !Number.isFinite(options.perSecond) || options.perSecond <= 0 || options.perSecond > 1e6) {
      throw new InvalidAuthArgumentError('perSecond', `must be a number above 0 and at most 1e6 (got ${String(options.perSecond)})`);
    }
    if (!Number.isInteger(options.burst) || options.burst < 1 || options.burst > 1e6) {
      throw new InvalidAuthArgumentError('burst', `must be an integer from 1 to 1e6 (got ${String(options.burst)})`);
    }
  }

  /** Takes one token from the subject's bucket if there is one. */
  async take(subject: string): Promise<RateLimitDecision> {
    if (typeof subject !== 'string' || subject.length === 0 || subject.length > MAX_SUBJECT_LENGTH) {
      throw new InvalidAuthArgumentError(
        'subject',
        `must be a string of 1-${MAX_SUBJECT_LENGTH} characters (got ${typeof subject === 'string' ? `${subject.length} characters` : typeof subject})`,
      );
    }
    const [allowed, waitMs, remaining] = (await runAuthScript(
      this.redis,
      'take-token',
      [this.keys.rateBucket(this.name, subject)],
      [this.options.perSecond, this.options.burst],
    )) as [number, number, number];
    return allowed === 1
      ? { allowed: true, retryAfterSeconds: 0, remaining }
      : { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)), remaining: 0 };
  }
}
