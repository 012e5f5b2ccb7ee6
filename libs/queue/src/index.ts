/**
 * @base-shift/queue — the job scheduler on Redis (ioredis + Lua).
 *
 * Per pool (resource class), one priority queue with aging
 * (effective priority = base + 0.1 * seconds waited, popped exactly in that
 * order in O(log n)), leases with fencing attempts, retries with backoff,
 * a dead letter, and a result stream for the workflow engine. Every state
 * change is one Lua script on one hash tag (`queue:{<pool>}:…`), so it works on
 * a Redis Cluster.
 *
 * Who uses what:
 * - workflow engine / API: JobQueue (enqueue, cancel, requeueDead, getJob,
 *   listJobs, stats) and ResultConsumer (outcomes, at-least-once).
 * - job executor: JobWorker (the loop) on top of JobLeases (lease, heartbeat,
 *   complete, fail, release).
 * - control plane housekeeping: QueueMaintenance (promote due retries, reap
 *   expired leases, requeue a dead executor's jobs, trim acknowledged results).
 */

// Keys
export { QueueKeys, type PoolKeys } from './lib/keys/queue-keys';

// Jobs: add, cancel, requeue, inspect
export { JobQueue, type JobQueueOptions } from './lib/jobs/job-queue';
export type { QueueOptions } from './lib/options/queue-context';
export { DEFAULT_MAX_PAYLOAD_BYTES } from './lib/options/queue-context';

// Leases: the executor side
export {
  JobLeases,
  type FailManyOutcome,
  type JobLeasesOptions,
  type LeaseOptions,
  type ReleaseManyOutcome,
} from './lib/leases/job-leases';
export { JobWorker, type AbortReason, type HeartbeatFailure, type JobContext, type JobHandler, type JobWorkerOptions } from './lib/worker/job-worker';
export type { SettledListener, SettledOutcome } from './lib/worker/settlement-buffer';

// Housekeeping
export { QueueMaintenance, type QueueMaintenanceOptions, type SweepReport } from './lib/maintenance/queue-maintenance';

// Results
export { ResultConsumer, type ResultConsumerOptions } from './lib/results/result-consumer';
export type { JobOutcome, JobResult } from './lib/results/job-result';

// Model
export type { JsonObject, JsonValue } from './lib/model/json';
export {
  JOB_STATES,
  type AckStatus,
  type CancelOutcome,
  type FailOutcome,
  type HeartbeatResult,
  type HeartbeatStatus,
  type JobError,
  type JobInfo,
  type JobPage,
  type JobRef,
  type JobState,
  type LeasedJob,
  type NewJob,
  type QueueStats,
  type ReleaseOutcome,
} from './lib/model/job-types';
export { DEFAULT_BACKOFF, backoffDelayMs, type BackoffPolicy } from './lib/model/backoff';
export { EPOCH_MS, MAX_PRIORITY, TICKS_PER_PRIORITY, effectivePriority, priorityTicks, queueScore } from './lib/model/priority';

// Errors (stable codes QUEUE.*)
export {
  InvalidArgumentError,
  InvalidPriorityError,
  JobNotFoundError,
  JobStateError,
  PayloadTooLargeError,
  QueueClosedError,
  QueueError,
  StaleAttemptError,
  UnknownPoolError,
} from './lib/errors/queue-errors';
