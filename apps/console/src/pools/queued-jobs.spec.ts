import { describe, expect, it } from 'vitest';
import type { PoolJob } from '../api/types';
import { fakeClient } from '../testing/fake-client';
import { fetchPoolJobs, toQueued } from './queued-jobs';

const job = (id: string, extra: Partial<PoolJob> = {}): PoolJob => ({
  id,
  state: 'queued',
  priority: 0,
  effectivePriority: 0,
  observedAt: '2026-01-31T10:01:00.000Z',
  createdAt: '2026-01-31T10:00:00.000Z',
  waitSeconds: 60,
  attempt: 0,
  maxAttempts: 3,
  failures: 0,
  ...extra,
});

describe('toQueued', () => {
  it("moves the queue's times onto this browser's clock, so the recomputed effective priority is the queue's", () => {
    // The browser is 5 s ahead of Redis: it received the answer at 10:01:05 by its clock.
    const entry = toQueued(job('1', { priority: 2 }), Date.parse('2026-01-31T10:01:05.000Z'));
    expect(entry).toMatchObject({ priority: 2, queuedAt: Date.parse('2026-01-31T10:00:05.000Z') });
  });
});

describe('fetchPoolJobs', () => {
  it('reads the queued and the leased jobs of the pool, one page each, and puts the longest running lease first', async () => {
    const fake = fakeClient({
      'GET /pools/{pool}/jobs': ({ params }) =>
        params?.query?.['state'] === 'leased'
          ? {
              items: [
                job('b', { state: 'leased', lease: { executorId: 'e1', leasedAt: '2026-01-31T10:00:50.000Z', expiresAt: '2026-01-31T10:01:20.000Z' } }),
                job('c', { state: 'leased', lease: { executorId: 'e2', leasedAt: '2026-01-31T10:00:10.000Z', expiresAt: '2026-01-31T10:01:30.000Z' } }),
              ],
              total: 2,
              nextCursor: null,
            }
          : { items: [job('a', { workflowId: 'wf-1', jobId: 'charge' })], total: 250, nextCursor: '100' },
    });
    const result = await fetchPoolJobs(fake.client, 'gpu');
    expect(fake.calls.map((call) => [call.path, call.options])).toEqual([
      ['/pools/{pool}/jobs', { params: { path: { pool: 'gpu' }, query: { state: 'queued', limit: 100 } } }],
      ['/pools/{pool}/jobs', { params: { path: { pool: 'gpu' }, query: { state: 'leased', limit: 100 } } }],
    ]);
    expect(result.queued.map((entry) => entry.job.jobId)).toEqual(['charge']);
    expect([result.queuedTotal, result.inFlightTotal]).toEqual([250, 2]);
    expect(result.inFlight.map((entry) => entry.job.id)).toEqual(['c', 'b']);
  });
});
