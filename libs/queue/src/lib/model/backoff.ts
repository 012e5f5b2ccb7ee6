/** Exponential backoff with full jitter for retryable failures. */
export interface BackoffPolicy {
  /** Ceiling of the first retry's delay (ms). */
  baseMs: number;
  /** Each further retry multiplies the ceiling by this. */
  factor: number;
  /** The ceiling never exceeds this (ms). */
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, factor: 2, capMs: 5 * 60_000 };

/**
 * The delay before retry number `failures` (1 for the first failure):
 * floor(random * min(capMs, baseMs * factor^(failures - 1))), random in [0, 1).
 * fail-9.lua computes the same from the random number the client sends, so a
 * test can inject the random source and predict every delay.
 */
export function backoffDelayMs(failures: number, policy: BackoffPolicy, random: number): number {
  return Math.floor(random * Math.min(policy.capMs, policy.baseMs * policy.factor ** (failures - 1)));
}
