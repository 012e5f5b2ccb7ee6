// One pool's live queue, from GET /pools/{pool}/jobs: the head of the queue in
// pop order and the jobs executors hold leases on. Two reads per refresh,
// however many workflows are running.
import type { BaseShiftClient } from '@base-shift/client';
import { required } from '@base-shift/client';
import type { PoolJob } from '../api/types';
import type { QueuedEntry } from './effective-priority';

/** Jobs read per state: the head of the queue is what an operator watches; totals tell how much more there is. */
export const PAGE_SIZE = 100;

export interface QueuedJob extends QueuedEntry {
  job: PoolJob;
}

export interface LeasedJob {
  job: PoolJob;
  /** When it was leased, on this browser's clock. */
  leasedAt: number;
}

export interface PoolJobs {
  queued: QueuedJob[];
  /** Jobs queued right now (more than `queued` holds past one page). */
  queuedTotal: number;
  inFlight: LeasedJob[];
  inFlightTotal: number;
}

/**
 * The queue ages jobs by its own (Redis) clock; this browser's may be off by
 * seconds. Moving the queue's times by the difference seen at `observedAt`
 * keeps the effective priorities recomputed here equal to the queue's.
 */
export function clockOffset(job: Pick<PoolJob, 'observedAt'>, receivedAt: number): number {
  return receivedAt - Date.parse(job.observedAt);
}

export function toQueued(job: PoolJob, receivedAt: number): QueuedJob {
  return { job, priority: job.priority, queuedAt: Date.parse(job.createdAt) + clockOffset(job, receivedAt) };
}

export function toLeased(job: PoolJob, receivedAt: number): LeasedJob {
  return { job, leasedAt: Date.parse(job.lease?.leasedAt ?? job.observedAt) + clockOffset(job, receivedAt) };
}

export async function fetchPoolJobs(client: BaseShiftClient, pool: string, signal?: AbortSignal): Promise<PoolJobs> {
  const read = (state: 'queued' | 'leased') =>
    client.rest.GET('/pools/{pool}/jobs', { params: { path: { pool }, query: { state, limit: PAGE_SIZE } }, ...(signal && { signal }) }).then(required);
  const [queued, leased] = await Promise.all([read('queued'), read('leased')]);
  const receivedAt = Date.now();
  return {
    queued: queued.items.map((job) => toQueued(job, receivedAt)),
    queuedTotal: queued.total,
    // The queue lists leases by expiry; longest running first puts the job most likely stuck on top.
    inFlight: leased.items.map((job) => toLeased(job, receivedAt)).sort((a, b) => a.leasedAt - b.leasedAt),
    inFlightTotal: leased.total,
  };
}
