import { describe, expect, it } from 'vitest';
import type { Job, Workflow } from '../api/types';
import { fakeClient } from '../testing/fake-client';
import { fetchPoolJobs, poolJobs, type PoolsCache } from './queued-jobs';

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

describe('fetchPoolJobs', () => {
  it('reads each RUNNING workflow once more only while it has a job in the pool', async () => {
    const details: Record<string, Workflow> = {
      w1: workflow('w1', [job('a', { state: 'QUEUED', queuedAt: '2026-01-31T10:00:01.000Z' })]),
      w2: workflow('w2', [job('b', { state: 'QUEUED', pool: 'gpu' })]),
    };
    const fake = fakeClient({
      'GET /workflows': () => ({ items: Object.values(details), nextCursor: null }),
      'GET /workflows/{id}': ({ params }) => details[params?.path?.['id'] ?? ''],
    });
    const cache: PoolsCache = new Map();
    const first = await fetchPoolJobs(fake.client, 'default', cache);
    const second = await fetchPoolJobs(fake.client, 'default', cache);
    expect([first.queued.map((entry) => entry.job.id), second.queued.map((entry) => entry.job.id), second.partial]).toEqual([['a'], ['a'], false]);
    const reads = fake.calls
      .filter((call) => call.path === '/workflows/{id}')
      .map((call) => (call.options as { params: { path: { id: string } } }).params.path.id);
    expect(reads).toEqual(['w1', 'w2', 'w1']);
  });
});
