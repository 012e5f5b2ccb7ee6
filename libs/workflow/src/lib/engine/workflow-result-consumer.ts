import { errorMessage, getLogger } from '@base-shift/core';
import { withLogContext } from '@base-shift/observability';
import { BackgroundLoop } from '@base-shift/redis';
import type { JobQueuePort, QueueResult } from './engine-ports';
import type { WorkflowEngine } from './workflow-engine';
import { resultLogFields } from './workflow-ids';

export interface WorkflowResultConsumerOptions {
  /** The pools whose result streams this replica applies (all the control plane serves). */
  pools: readonly string[];
  batchSize?: number;
  /** How long one read blocks waiting for results. */
  blockMs?: number;
  /** Results another consumer read but did not acknowledge for this long are taken over. */
  claimIdleMs?: number;
}

/**
 * Applies every pool's result stream through the consumer group: read,
 * apply (idempotent), acknowledge. An entry is acknowledged only after it
 * was applied and its effects (next jobs enqueued) were carried out, so a
 * crash at any point leaves it pending, and a live replica claims it.
 */
export class WorkflowResultConsumer {
  private readonly logger = getLogger(WorkflowResultConsumer.name);
  private readonly loops: BackgroundLoop[];
  private readonly options: Required<WorkflowResultConsumerOptions>;

  constructor(
    private readonly engine: WorkflowEngine,
    private readonly queue: JobQueuePort,
    options: WorkflowResultConsumerOptions,
  ) {
    this.options = { batchSize: 100, blockMs: 1000, claimIdleMs: 30_000, ...options };
    this.loops = this.options.pools.map((pool) => this.loopFor(pool));
  }

  start(): void {
    for (const loop of this.loops) loop.start();
  }

  async stop(): Promise<void> {
    await Promise.all(this.loops.map((loop) => loop.stop()));
  }

  /** Pools whose last rounds all failed (at least `rounds` of them): their results are not being applied. */
  stalledPools(rounds = 3): string[] {
    return this.options.pools.filter((_, i) => this.loops[i].consecutiveFailures >= rounds);
  }

  private loopFor(pool: string): BackgroundLoop {
    const { batchSize, blockMs, claimIdleMs } = this.options;
    let grouped = false;
    let pendingDrained = false;
    let nextClaim = 0;
    const round = async (): Promise<number> => {
      if (!grouped) {
        // Here rather than at start-up, so the process starts while Redis is down. Results
        // written before are kept: the queue trims nothing a group has not acknowledged.
        grouped = await this.queue.ensureResultGroup(pool);
        if (!grouped) return Math.min(blockMs, 200);
      }
      if (!pendingDrained) {
        // After a restart under the same consumer name: what this replica read but never acknowledged.
        const pending = await this.queue.readPendingResults(pool, batchSize);
        await this.apply(pool, pending);
        if (pending.length < batchSize) pendingDrained = true;
        return 0;
      }
      if (Date.now() >= nextClaim) {
        nextClaim = Date.now() + Math.max(claimIdleMs / 2, 100);
        await this.apply(pool, await this.queue.claimStaleResults(pool, claimIdleMs, batchSize));
      }
      await this.apply(pool, await this.queue.readResults(pool, batchSize, blockMs));
      return 0;
    };
    // A round waits in the blocking read, so the next one starts at once.
    return new BackgroundLoop({ name: `workflow-results:${pool}`, run: round, intervalMs: 0, errorDelayMs: 1000 });
  }

  private async apply(pool: string, results: readonly QueueResult[]): Promise<void> {
    if (results.length === 0) return;
    const applied = await Promise.all(
      results.map((result) =>
        withLogContext(resultLogFields(result), () =>
          this.engine.applyQueueResult(result).then(
            () => result.entryId,
            (error: unknown) => {
              this.logger.error(`result ${result.entryId} of ${result.queueJobId} not applied; it stays pending: ${errorMessage(error)}`);
              return null;
            },
          ),
        ),
      ),
    );
    await this.queue.ackResults(
      pool,
      applied.filter((id): id is string => id !== null),
    );
  }
}
