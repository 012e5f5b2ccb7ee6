/**
 * Priority with aging, exactly as the seed defines it:
 *   effective priority = base + waitSeconds * 0.1
 * One "tick" is 0.0001 of priority — what one millisecond of waiting adds — so
 * scores are whole numbers of ms and compare exactly (no float drift between
 * a base of 1 and ten seconds of waiting).
 */
export const TICKS_PER_PRIORITY = 10_000;

/** Bases are limited so that every score is an exact integer in a double (< 2^53). */
export const MAX_PRIORITY = 1e9;

/** Creation times are stored as ms since this instant (2020-01-01T00:00:00Z) in 8 base-36 digits. */
export const EPOCH_MS = Date.UTC(2020, 0, 1);

/** The last creation time 8 base-36 digits can hold (year 2109). */
export const MAX_CREATED_AT = EPOCH_MS + 36 ** 8 - 1;

/** The base priority in ticks (resolution 0.0001). */
export function priorityTicks(priority: number): number {
  return Math.round(priority * TICKS_PER_PRIORITY);
}

/**
 * The sorted-set score: ZPOPMIN pops the lowest, which is the highest effective
 * priority: every queued job gains the same 0.1 * now (docs/architecture.md, "Scheduling").
 */
export function queueScore(ticks: number, createdAt: number): number {
  return createdAt - EPOCH_MS - ticks;
}

/** base + 0.1 * (now - createdAt) seconds, from exact integer ticks. */
export function effectivePriority(ticks: number, createdAt: number, now: number): number {
  return (ticks + (now - createdAt)) / TICKS_PER_PRIORITY;
}
