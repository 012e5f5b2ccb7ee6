// The jobs waiting in (or leased from) one pool. The API has no listing of a
// pool's queue, so they are read from the workflows that can have them: every
// RUNNING workflow's jobs in that pool that are QUEUED (waiting, with the
// priority and queuedAt the queue ages them by) or RUNNING (in flight).
import type { BaseShiftClient } from '@base-shift/client';
import { required } from '@base-shift/client';
import type { Job, Workflow } from '../api/types';

/** RUNNING workflows read per refresh: one GET each, and a key's rate limit is shared with every other page and tool. */
export const MAX_WORKFLOWS = 30;
/** GETs in flight at once. */
const CONCURRENCY = 4;

/** The pools of a workflow's jobs, by workflow id: they never change, so a workflow with no job in this pool is never read again. */
export type PoolsCache = Map<string, Set<string>>;

export interface PoolJob {
  workflowId: string;
  workflowName?: string;
  job: Job;
  queuedAt: number;
  priority: number;
}

export interface PoolJobs {
  queued: PoolJob[];
  inFlight: PoolJob[];
  /** More RUNNING workflows exist than were read. */
  partial: boolean;
}

export function poolJobs(workflows: readonly Workflow[], pool: string): Omit<PoolJobs, 'partial'> {
  const queued: PoolJob[] = [];
  const inFlight: PoolJob[] = [];
  for (const workflow of workflows)
    for (const job of workflow.jobs) {
      if (job.pool !== pool || job.external) continue;
      const entry = {
        workflowId: workflow.id,
        ...(workflow.name && { workflowName: workflow.name }),
        job,
        queuedAt: Date.parse(job.queuedAt ?? workflow.updatedAt),
        priority: job.priority,
      };
      if (job.state === 'QUEUED') queued.push(entry);
      else if (job.state === 'RUNNING') inFlight.push(entry);
    }
  // Longest running first: the job most likely stuck is on top.
  inFlight.sort((a, b) => Date.parse(a.job.startedAt ?? '') - Date.parse(b.job.startedAt ?? '') || 0);
  return { queued, inFlight };
}

export async function fetchPoolJobs(client: BaseShiftClient, pool: string, cache: PoolsCache, signal?: AbortSignal): Promise<PoolJobs> {
  const page = required(await client.rest.GET('/workflows', { params: { query: { state: 'RUNNING', limit: 100 } }, ...(signal && { signal }) }));
  const candidates = page.items.filter((item) => cache.get(item.id)?.has(pool) ?? true);
  const chosen = candidates.slice(0, MAX_WORKFLOWS);
  const workflows: Workflow[] = [];
  for (let start = 0; start < chosen.length; start += CONCURRENCY) {
    const batch = await Promise.all(
      chosen
        .slice(start, start + CONCURRENCY)
        .map(async (item) => required(await client.rest.GET('/workflows/{id}', { params: { path: { id: item.id } }, ...(signal && { signal }) }))),
    );
    for (const workflow of batch) {
      cache.set(workflow.id, new Set(workflow.jobs.map((job) => job.pool)));
      workflows.push(workflow);
    }
  }
  return { ...poolJobs(workflows, pool), partial: page.nextCursor !== null || candidates.length > chosen.length };
}
