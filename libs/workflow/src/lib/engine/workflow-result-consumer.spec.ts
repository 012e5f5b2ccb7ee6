import type { JobQueuePort, QueueResult } from './engine-ports';
import type { WorkflowEngine } from './workflow-engine';
import { WorkflowResultConsumer } from './workflow-result-consumer';

/** A queue whose result reads fail while `broken` is set; it counts the reads so the test waits on rounds, not clocks. */
function flakyQueue() {
  const state = { broken: true, reads: 0 };
  const queue: JobQueuePort = {
    enqueue: async () => undefined,
    cancel: async () => undefined,
    purgeDead: async () => undefined,
    ensureResultGroup: async () => true,
    readPendingResults: async () => [],
    claimStaleResults: async () => [],
    ackResults: async () => undefined,
    readResults: async (): Promise<QueueResult[]> => {
      state.reads++;
      if (state.broken) throw new Error('NOGROUP No such key or consumer group');
      await new Promise((resolve) => setTimeout(resolve, 10));
      return [];
    },
  };
  return { state, queue };
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!condition()) throw new Error('condition not reached within 5 s');
}

describe('WorkflowResultConsumer progress', () => {
  it('reports a pool as stalled while its rounds fail, and no longer once a round succeeds', async () => {
    const { state, queue } = flakyQueue();
    const consumer = new WorkflowResultConsumer({} as WorkflowEngine, queue, { pools: ['default'], blockMs: 10 });
    consumer.start();
    try {
      await until(() => state.reads >= 1);
      await until(() => consumer.stalledPools(1).length > 0);
      expect(consumer.stalledPools(1)).toEqual(['default']);
      expect(consumer.stalledPools()).toEqual([]); // one failed round is not yet "the last rounds"

      state.broken = false;
      await until(() => consumer.stalledPools(1).length === 0);
      expect(consumer.stalledPools(1)).toEqual([]);
    } finally {
      await consumer.stop();
    }
  });
});
