/**
 * Pod creation rate limit: up to `capacity` at once, refilled at `perSecond`.
 * A burst of work creates a pool's pods in one evaluation; a crash-looping
 * spec cannot flood the API server.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly clock: () => number,
  ) {
    this.tokens = capacity;
    this.updatedAt = clock();
  }

  /** Takes up to `wanted` tokens; resolves how many were granted. */
  take(wanted: number): number {
    const now = this.clock();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.updatedAt) / 1000) * this.perSecond);
    this.updatedAt = now;
    const granted = Math.max(0, Math.min(wanted, Math.floor(this.tokens)));
    this.tokens -= granted;
    return granted;
  }
}
