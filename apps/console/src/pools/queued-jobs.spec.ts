import { describe, expect, it } from 'vitest';
import type { Job, Workflow } from '../api/types';
import { poolJobs } from './queued-jobs';

const job = (id: string, extra: Partial<Job>): Job => ({
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
});
const workflow = (id: string, jobs: Job[]): Workflow => ({
  id,
  name: `wf ${id}`,
  state: 'RUNNING',
  currentJob: jobs[0]?.id ?? '',
  mode: 'dag',
  input: {},
  createdAt: '2026-01-31T10:00:00.000Z',
  updatedAt: '2026-01-31T10:00:00.000Z',
  jobs,
  history: [],
});

describe('poolJobs', () => {
  it("keeps the pool's QUEUED jobs as waiting and RUNNING ones as in flight", () => {
    const result = poolJobs(
      [
        workflow('w1', [
          job('a', { state: 'QUEUED', priority: 5, queuedAt: '2026-01-31T10:00:01.000Z' }),
          job('b', { state: 'RUNNING' }),
          job('c', { state: 'QUEUED', pool: 'gpu' }),
        ]),
        workflow('w2', [job('d', { state: 'QUEUED', external: true }), job('e', { state: 'SUCCEEDED' })]),
      ],
      'default',
    );
    expect(result.queued.map((entry) => [entry.workflowId, entry.job.id, entry.priority, entry.queuedAt])).toEqual([
      ['w1', 'a', 5, Date.parse('2026-01-31T10:00:01.000Z')],
    ]);
    expect(result.inFlight.map((entry) => entry.job.id)).toEqual(['b']);
  });
});
