// The workflow and jobs the workflow specs start from: every field the API
// always sends, with values a test overrides only where it matters to it.
import type { Job, Workflow } from '../api/types';

export const WORKFLOW_ID = '0194b7c2-5e1a-7c3d-9f00-1a2b3c4d5e6f';
export const CREATED_AT = '2026-01-31T10:00:00.000Z';

export function aJob(id: string, extra: Partial<Job> = {}): Job {
  return {
    id,
    templateId: 't',
    version: '1.0.0',
    state: 'PENDING',
    attempts: 0,
    maxAttempts: 3,
    priority: 0,
    pool: 'default',
    dependsOn: [],
    input: {},
    external: false,
    ...extra,
  };
}

/** A running sequential workflow of `jobs`, at its first one. */
export function aWorkflow(jobs: [Job, ...Job[]], extra: Partial<Workflow> = {}): Workflow {
  return {
    id: WORKFLOW_ID,
    state: 'RUNNING',
    currentJob: jobs[0].id,
    mode: 'sequential',
    input: {},
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT,
    jobs,
    history: [],
    ...extra,
  };
}
