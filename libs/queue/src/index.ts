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
 * - workflow engine / API: JobQueue (enqueue, cancel, requeueDead, purgeDead,
 *   getJob, listJobs, stats) and ResultConsumer (outcomes, at-least-once).
 * - pod management: JobQueue.stats and leaseHolders (load, idle executors) and
 *   ResultFollower (run times, as an observer).
 * - job executor: JobWorker (the loop) on top of JobLeases (lease, heartbeat,
 *   complete, fail, release).
 * - control plane housekeeping: QueueMaintenance (promote due retries, reap
 *   expired leases, requeue a dead executor's jobs, trim acknowledged results).
 */

// Keys
export { QueueKeys } from './lib/keys/queue-keys';

// Jobs: add, cancel, requeue, inspect
export { JobQueue } from './lib/jobs/job-queue';

// Leases: the executor side
export { JobLeases } from './lib/leases/job-leases';
export { JobWorker, type AbortReason, type HeartbeatFailure, type JobContext, type JobHandler, type JobWorkerOptions } from './lib/worker/job-worker';
export type { SettledOutcome } from './lib/worker/settlement-buffer';

// Housekeeping
export { QueueMaintenance, type SweepReport } from './lib/maintenance/queue-maintenance';

// Results
export { ResultConsumer } from './lib/results/result-consumer';
export { ResultFollower } from './lib/results/result-follower';
export type { JobOutcome, JobResult } from './lib/results/job-result';

// Errors: the edges map their codes
export { QueueError, type QueueErrorCode } from './lib/errors/queue-errors';

// Model (JSON types: @base-shift/core)
export { type JobError, type JobInfo, type LeasedJob, type NewJob, type QueueStats } from './lib/model/job-types';
export { type BackoffPolicy } from './lib/model/backoff';
