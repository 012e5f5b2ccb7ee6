import { HttpException } from '@nestjs/common';

/**
 * A refusal the caller should repeat later (429 too busy, 503 a dependency is
 * down): the problem-details filter sends `retryAfterSeconds` as Retry-After
 * and `reason` (a short snake_case word) labels the refusal in the metrics.
 */
export class RetryLaterException extends HttpException {
  constructor(
    status: 429 | 503,
    title: string,
    detail: string,
    readonly retryAfterSeconds: number,
    readonly reason: string,
  ) {
    super({ title, detail }, status);
  }
}
