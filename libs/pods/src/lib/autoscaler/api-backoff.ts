/**
 * Backoff after refused API calls (403 no permission, 409 conflict, 422 invalid
 * spec or quota, 5xx): doubling from initialMs up to maxMs, reset by a success.
 * Retrying at once would only repeat the refusal and flood the API server.
 */
export class ApiBackoff {
  private failures = 0;
  private until = 0;

  constructor(
    private readonly initialMs: number,
    private readonly maxMs: number,
    private readonly clock: () => number,
  ) {}

  /** Whether calls must wait; `remainingMs` says how long. */
  get blocked(): boolean {
    return this.clock() < this.until;
  }

  get remainingMs(): number {
    return Math.max(0, this.until - this.clock());
  }

  /** Records a refusal; resolves the wait before the next attempt (ms). */
  fail(): number {
    this.failures += 1;
    const wait = Math.min(this.maxMs, this.initialMs * 2 ** Math.min(this.failures - 1, 20));
    this.until = this.clock() + wait;
    return wait;
  }

  succeed(): void {
    this.failures = 0;
    this.until = 0;
  }
}
