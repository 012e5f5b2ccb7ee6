import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../api/types';
import { aJob as job } from '../testing/workflow-fixture';
import { computeTimeline, spanPercent } from './timeline';

const T0 = Date.parse('2026-01-31T10:00:00.000Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();
let seq = 0;
const move = (jobId: string, from: string, to: string, seconds: number, attempt?: number): HistoryEntry => ({
  seq: ++seq,
  at: at(seconds),
  kind: 'job',
  jobId,
  from,
  to,
  ...(attempt !== undefined && { attempt }),
});

describe('computeTimeline', () => {
  it('makes one span per attempt from the history, a retry starting a new one', () => {
    const history = [
      move('charge', 'PENDING', 'QUEUED', 0),
      move('charge', 'QUEUED', 'RUNNING', 1, 1),
      move('charge', 'RUNNING', 'RETRY_WAIT', 3, 1),
      move('charge', 'RETRY_WAIT', 'QUEUED', 5, 2),
      move('charge', 'QUEUED', 'RUNNING', 6, 2),
      move('charge', 'RUNNING', 'SUCCEEDED', 10, 2),
    ];
    const timeline = computeTimeline([job('charge', { state: 'SUCCEEDED' })], history, T0 + 60_000);
    expect(timeline.rows[0]?.attempts).toEqual([
      { attempt: 1, queuedAt: T0, startedAt: T0 + 1000, finishedAt: T0 + 3000, outcome: 'RETRY_WAIT' },
      { attempt: 2, queuedAt: T0 + 5000, startedAt: T0 + 6000, finishedAt: T0 + 10_000, outcome: 'SUCCEEDED' },
    ]);
    expect([timeline.start, timeline.end]).toEqual([T0, T0 + 10_000]);
  });

  it('runs an unfinished attempt up to now', () => {
    const timeline = computeTimeline([job('a', { state: 'RUNNING' })], [move('a', 'PENDING', 'QUEUED', 0), move('a', 'QUEUED', 'RUNNING', 2, 1)], T0 + 4000);
    expect(timeline.rows[0]?.attempts[0]).toEqual({ attempt: 1, queuedAt: T0, startedAt: T0 + 2000, outcome: 'RUNNING' });
    expect(timeline.end).toBe(T0 + 4000);
  });

  it("falls back to the job's own timestamps and leaves jobs that never ran empty", () => {
    const ran = job('a', { state: 'SUCCEEDED', attempts: 1, queuedAt: at(0), startedAt: at(1), finishedAt: at(2) });
    const timeline = computeTimeline([ran, job('b')], [], T0 + 99_000);
    expect(timeline.rows).toEqual([
      { jobId: 'a', attempts: [{ attempt: 1, outcome: 'SUCCEEDED', queuedAt: T0, startedAt: T0 + 1000, finishedAt: T0 + 2000 }] },
      { jobId: 'b', attempts: [] },
    ]);
  });
});

describe('spanPercent', () => {
  it('places a span relative to the whole timeline', () => {
    expect(spanPercent({ start: 0, end: 200 }, 50, 100)).toEqual({ left: 25, width: 25 });
  });
});
