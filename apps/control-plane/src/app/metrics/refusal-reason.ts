import type { Response } from 'express';

// Where the problem-details filter leaves why a request was refused with 429/503,
// for the metrics middleware, which only sees the response once it is sent.
const LOCALS_KEY = 'refusalReason';

export function setRefusalReason(response: Response, reason: string): void {
  response.locals[LOCALS_KEY] = reason;
}

/** Why the request was refused, or 'other' (a 429/503 nobody explained). */
export function refusalReason(response: Response): string {
  const reason: unknown = response.locals[LOCALS_KEY];
  return typeof reason === 'string' ? reason : 'other';
}
