import { parseWorkflowJobPayload } from '@base-shift/job-contract';
import type { JobInfo } from '@base-shift/queue';

/** The states a pool's live queue can be listed in (the dead letter has its own route). */
export const POOL_JOB_STATES = ['queued', 'leased', 'delayed'] as const;
export type PoolJobState = (typeof POOL_JOB_STATES)[number];

/**
 * A queued, leased or delayed job as GET /pools/{pool}/jobs shows it; times in ISO 8601.
 * Never the payload: it holds the job's input (business data, writeOnly values).
 * Of a workflow job only the ids that lead to it are shown.
 */
export interface PoolJob {
  id: string;
  state: PoolJobState;
  priority: number;
  effectivePriority: number;
  observedAt: string;
  createdAt: string;
  waitSeconds: number;
  attempt: number;
  maxAttempts: number;
  failures: number;
  workflowId?: string;
  jobId?: string;
  templateId?: string;
  lease?: { executorId: string; leasedAt: string; expiresAt: string };
  retryAt?: string;
}

export interface PoolJobPage {
  items: PoolJob[];
  /** Jobs in that state right now. */
  total: number;
  nextCursor: string | null;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** `state`: the one the page was listed in (listJobs answers only jobs in it). */
export function toPoolJob(job: JobInfo, state: PoolJobState): PoolJob {
  return {
    id: job.id,
    state,
    priority: job.priority,
    effectivePriority: job.effectivePriority,
    observedAt: iso(job.observedAt),
    createdAt: iso(job.createdAt),
    waitSeconds: Math.max(0, job.observedAt - job.createdAt) / 1000,
    attempt: job.attempt,
    maxAttempts: job.maxAttempts,
    failures: job.failures,
    ...workflowIds(job),
    ...(job.lease && { lease: { executorId: job.lease.executorId, leasedAt: iso(job.lease.leasedAt), expiresAt: iso(job.lease.expiresAt) } }),
    ...(job.retryAt !== undefined && { retryAt: iso(job.retryAt) }),
  };
}

/**
 * workflowId, jobId and templateId of a workflow job (its payload parses as
 * one), else whichever of them the submitter put in the meta, copied one by
 * one: picking fields rather than spreading is what keeps the input out.
 */
function workflowIds(job: JobInfo): Pick<PoolJob, 'workflowId' | 'jobId' | 'templateId'> {
  const parsed = parseWorkflowJobPayload(job.payload);
  if ('payload' in parsed) return { workflowId: parsed.payload.workflowId, jobId: parsed.payload.jobId, templateId: parsed.payload.templateId };
  const ids: Pick<PoolJob, 'workflowId' | 'jobId' | 'templateId'> = {};
  for (const field of ['workflowId', 'jobId', 'templateId'] as const) {
    const value = job.meta?.[field];
    if (typeof value === 'string' && value.length > 0) ids[field] = value;
  }
  return ids;
}
