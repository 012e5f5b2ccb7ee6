import { CodedError } from '@base-shift/core';

/** Every code a queue error carries; an edge that maps them switches over this union exhaustively. */
export type QueueErrorCode =
  | 'QUEUE.INVALID_ARGUMENT'
  | 'QUEUE.INVALID_PRIORITY'
  | 'QUEUE.PAYLOAD_TOO_LARGE'
  | 'QUEUE.UNKNOWN_POOL'
  | 'QUEUE.JOB_NOT_FOUND'
  | 'QUEUE.STALE_ATTEMPT'
  | 'QUEUE.ILLEGAL_STATE'
  | 'QUEUE.CLOSED';

/**
 * Queue errors carry a stable `code` (`QUEUE.*`); the edges (REST, GraphQL,
 * executor) map codes, never messages.
 */
export abstract class QueueError extends CodedError<QueueErrorCode> {}

/**
 * Thrown when an argument breaks a rule; `field` names it as a JSON Pointer
 * into the call's arguments (`/jobs/3/maxAttempts`). Nothing was written.
 */
export class InvalidArgumentError extends QueueError {
  readonly code: 'QUEUE.INVALID_ARGUMENT' | 'QUEUE.INVALID_PRIORITY' | 'QUEUE.PAYLOAD_TOO_LARGE' = 'QUEUE.INVALID_ARGUMENT';
  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`${field} ${problem}`);
    this.name = 'InvalidArgumentError';
  }
}

/** Thrown when a priority is not a finite number within ±1e9. Nothing was written. */
export class InvalidPriorityError extends InvalidArgumentError {
  override readonly code = 'QUEUE.INVALID_PRIORITY';
  constructor(field: string, value: unknown) {
    super(field, `must be a finite number between -1e9 and 1e9 (got ${String(value)})`);
    this.name = 'InvalidPriorityError';
  }
}

/** Thrown when a payload, meta, output or error is larger than allowed. Nothing was written. */
export class PayloadTooLargeError extends InvalidArgumentError {
  override readonly code = 'QUEUE.PAYLOAD_TOO_LARGE';
  constructor(
    field: string,
    readonly bytes: number,
    readonly maxBytes: number,
  ) {
    super(field, `is ${bytes} bytes of JSON; at most ${maxBytes} are accepted (store big data elsewhere and pass a reference)`);
    this.name = 'PayloadTooLargeError';
  }
}

/** Thrown when a pool is not one of the pools this queue client was configured with. */
export class UnknownPoolError extends QueueError {
  readonly code = 'QUEUE.UNKNOWN_POOL';
  constructor(
    readonly pool: string,
    readonly knownPools: readonly string[],
  ) {
    super(`unknown pool ${JSON.stringify(pool)}; known pools: ${knownPools.map((p) => JSON.stringify(p)).join(', ')}`);
    this.name = 'UnknownPoolError';
  }
}

/** Thrown when no live job (queued, leased, delayed or dead) has that id in the pool. */
export class JobNotFoundError extends QueueError {
  readonly code = 'QUEUE.JOB_NOT_FOUND';
  constructor(
    readonly pool: string,
    readonly jobId: string,
  ) {
    super(`pool ${JSON.stringify(pool)} has no job ${JSON.stringify(jobId)}`);
    this.name = 'JobNotFoundError';
  }
}

/**
 * Thrown when a lease is no longer held under that attempt: it expired and was
 * taken back, or a newer attempt runs. The caller must drop its result (fencing).
 */
export class StaleAttemptError extends QueueError {
  readonly code = 'QUEUE.STALE_ATTEMPT';
  constructor(
    readonly pool: string,
    readonly jobId: string,
    readonly attempt: number,
  ) {
    super(`job ${JSON.stringify(jobId)} in pool ${JSON.stringify(pool)} is not leased under attempt ${attempt} any more`);
    this.name = 'StaleAttemptError';
  }
}

/** Thrown when an operation needs the job in another state (e.g. requeueDead of a job that is not dead). */
export class JobStateError extends QueueError {
  readonly code = 'QUEUE.ILLEGAL_STATE';
  constructor(
    readonly pool: string,
    readonly jobId: string,
    expected: string,
  ) {
    super(`job ${JSON.stringify(jobId)} in pool ${JSON.stringify(pool)} is not ${expected}`);
    this.name = 'JobStateError';
  }
}

/** Thrown by calls on a client after close(). */
export class QueueClosedError extends QueueError {
  readonly code = 'QUEUE.CLOSED';
  constructor(what: string) {
    super(`${what} is closed`);
    this.name = 'QueueClosedError';
  }
}
