import { CodedError } from '@base-shift/core';

/** Every code a pod management error carries; an edge that maps them switches over this union exhaustively. */
export type PodsErrorCode = 'PODS.INVALID_POOL_CONFIG' | 'PODS.API_ERROR' | 'PODS.EXECUTOR_NOT_BUILT';

/**
 * Pod management errors carry a stable `code` (`PODS.*`); the edges (REST,
 * start-up) map codes, never messages.
 */
export abstract class PodsError extends CodedError<PodsErrorCode> {}

/** Thrown at start-up when the pool configuration breaks a rule; lists every problem with its field path. */
export class PoolConfigError extends PodsError {
  readonly code = 'PODS.INVALID_POOL_CONFIG';
  constructor(
    readonly problems: readonly string[],
    source = 'pool configuration',
  ) {
    super(`invalid ${source}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'PoolConfigError';
  }
}

/**
 * Thrown when the Kubernetes API refuses or fails a call. `status` is the HTTP
 * status (0 when the server was unreachable), `reason` the Status reason
 * (Forbidden, AlreadyExists, Invalid, Expired, …).
 */
export class PodApiError extends PodsError {
  readonly code = 'PODS.API_ERROR';
  constructor(
    readonly operation: string,
    readonly status: number,
    readonly reason: string,
    detail: string,
  ) {
    super(`${operation} failed: ${status === 0 ? 'API server unreachable' : `HTTP ${status} ${reason}`}: ${detail}`);
    this.name = 'PodApiError';
  }
}

/** Thrown by the local driver when the executor bundle is missing (build it with `npx nx build job-executor`). */
export class ExecutorNotBuiltError extends PodsError {
  readonly code = 'PODS.EXECUTOR_NOT_BUILT';
  constructor(readonly path: string) {
    super(`the job executor is not built: ${path} does not exist (run \`npx nx build job-executor\`)`);
    this.name = 'ExecutorNotBuiltError';
  }
}
