import type { PoolConfig } from '../pools/pool-config';

/**
 * Pods a pool needs: enough slots for every queued AND every running job,
 * clamp(ceil((queued + inFlight) / jobsPerPod), minPods, maxPods). Counting
 * in-flight jobs (KEDA's list scaler counts only the queue) keeps a pool from
 * shrinking under its running work the moment the queue empties.
 */
export function desiredPods(load: { queued: number; inFlight: number }, pool: Pick<PoolConfig, 'minPods' | 'maxPods' | 'jobsPerPod'>): number {
  const work = Math.max(0, load.queued) + Math.max(0, load.inFlight);
  const needed = Math.ceil(work / pool.jobsPerPod);
  return Math.min(pool.maxPods, Math.max(pool.minPods, needed));
}
