/** A pool's work as the autoscaler sees it. */
export interface PoolLoad {
  queued: number;
  /** Jobs leased by executors right now. */
  inFlight: number;
  delayed: number;
  dead: number;
  oldestWaitSeconds: number;
}

/** A leased job as the health monitor sees it (to attribute an OOM kill to its template). */
export interface LeasedJobRef {
  id: string;
  templateId?: string;
}

/**
 * The queue facts the pod manager needs. Adapter: QueueLoadReader over
 * @base-shift/queue; tests may wrap it, never fake it.
 */
export interface QueueView {
  load(pool: string): Promise<PoolLoad>;
  /** Executor id → number of jobs it holds leases on, in the pool. */
  leaseHolders(pool: string): Promise<Map<string, number>>;
  /** The jobs an executor holds in the pool. */
  leasedBy(pool: string, executorId: string): Promise<LeasedJobRef[]>;
  /** Takes back at once the jobs an executor held (it is dead); resolves to how many. */
  requeueLeasesOf(pool: string, executorId: string): Promise<number>;
  /** The template id of a job that is leased now (from its payload), if any. */
  templateOf(pool: string, jobId: string): Promise<string | undefined>;
}
