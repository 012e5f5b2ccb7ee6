import type { QueueMaintenance } from '@base-shift/queue';

/**
 * The queue's housekeeping on this replica (safe on all of them: each step is
 * one atomic script per pool): promote due retries, take back expired leases,
 * trim acknowledged results. It is QueueMaintenance's own background loop,
 * with each sweep's report going to the queue metrics (see
 * WORKFLOW_METRICS_PROVIDERS); this class is its DI token.
 */
export abstract class QueueHousekeeping implements Pick<QueueMaintenance, 'start' | 'stop'> {
  abstract start(): void;
  abstract stop(): Promise<void>;
}
