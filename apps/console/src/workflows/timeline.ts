// The timeline of a workflow's jobs: per job, one bar per attempt from queued
// to started to finished, read from the transition history (which keeps every
// attempt) and, for what the history lacks, from the job's own timestamps.
import type { HistoryEntry, Job } from '../api/types';

export interface AttemptSpan {
  attempt: number;
  queuedAt?: number;
  startedAt?: number;
  /** Absent while the attempt is still waiting or running. */
  finishedAt?: number;
  /** The state the attempt ended in (SUCCEEDED, FAILED, RETRY_WAIT, …), or the state it is in. */
  outcome: string;
}

export interface TimelineRow {
  jobId: string;
  attempts: AttemptSpan[];
}

export interface Timeline {
  start: number;
  end: number;
  rows: TimelineRow[];
}

const ENDED = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED', 'TIMED_OUT', 'RETRY_WAIT']);

export function computeTimeline(jobs: readonly Job[], history: readonly HistoryEntry[], now: number): Timeline {
  const rows = jobs.map((job): TimelineRow => {
    const attempts: AttemptSpan[] = [];
    const current = () => attempts[attempts.length - 1];
    for (const entry of history) {
      if (entry.kind !== 'job' || entry.jobId !== job.id) continue;
      const at = Date.parse(entry.at);
      if (entry.to === 'QUEUED' || (entry.to === 'RUNNING' && current()?.finishedAt !== undefined) || current() === undefined) {
        attempts.push({ attempt: entry.attempt ?? attempts.length + 1, outcome: entry.to, ...(entry.to === 'QUEUED' ? { queuedAt: at } : { startedAt: at }) });
        continue;
      }
      const span = current();
      if (!span) continue;
      if (entry.to === 'RUNNING') {
        span.startedAt = at;
        if (entry.attempt !== undefined) span.attempt = entry.attempt;
      } else if (ENDED.has(entry.to) && span.finishedAt === undefined) {
        span.finishedAt = at;
      }
      span.outcome = entry.to;
    }
    if (attempts.length === 0 && (job.queuedAt || job.startedAt)) {
      attempts.push({
        attempt: Math.max(1, job.attempts),
        outcome: job.state,
        ...(job.queuedAt && { queuedAt: Date.parse(job.queuedAt) }),
        ...(job.startedAt && { startedAt: Date.parse(job.startedAt) }),
        ...(job.finishedAt && { finishedAt: Date.parse(job.finishedAt) }),
      });
    }
    return { jobId: job.id, attempts };
  });

  const times = rows
    .flatMap((row) => row.attempts.flatMap((span) => [span.queuedAt, span.startedAt, span.finishedAt]))
    .filter((t): t is number => t !== undefined);
  const open = rows.some((row) => row.attempts.some((span) => span.finishedAt === undefined));
  const start = times.length > 0 ? Math.min(...times) : now;
  const end = Math.max(start + 1, ...times, ...(open ? [now] : []));
  return { start, end, rows };
}

/** Left offset and width of [from, to] on the timeline, in percent. */
export function spanPercent(timeline: Pick<Timeline, 'start' | 'end'>, from: number, to: number): { left: number; width: number } {
  const total = timeline.end - timeline.start;
  const left = ((from - timeline.start) / total) * 100;
  return { left, width: Math.max(0, ((Math.min(to, timeline.end) - from) / total) * 100) };
}
