// The jobs waiting in (or leased from) one pool. The API has no listing of a
// pool's queue, so they are read from the workflows that can have them: every
// RUNNING workflow's jobs in that pool that are QUEUED (waiting, with the
// priority and queuedAt the queue ages them by) or RUNNING (in flight).
import type { BaseShiftClient } from '@base-shift/client';
import { required } from '@base-shift/client';
import type { Job, Workflow } from '../api/types';

/** At most this many RUNNING workflows are read per refresh (the oldest first beyond it are left out, and the page says so). */
export const MAX_WORKFLOWS = 100;

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
  return { queued, inFlight };
}

export async function fetchPoolJobs(client: BaseShiftClient, pool: string, signal?: AbortSignal): Promise<PoolJobs> {
  const page = required(await client.rest.GET('/workflows', { params: { query: { state: 'RUNNING', limit: MAX_WORKFLOWS } }, ...(signal && { signal }) }));
  const workflows = await Promise.all(
    page.items.map(async (item) => required(await client.rest.GET('/workflows/{id}', { params: { path: { id: item.id } }, ...(signal && { signal }) }))),
  );
  return { ...poolJobs(workflows, pool), partial: page.nextCursor !== null };
}
