// Queued → started → finished of every attempt of every job, on one time axis.
import type { HistoryEntry, Job } from '../api/types';
import { formatDuration } from '../ui/format';
import { computeTimeline, spanPercent } from './timeline';

export function Timeline({ jobs, history, now }: { jobs: readonly Job[]; history: readonly HistoryEntry[]; now: number }) {
  const timeline = computeTimeline(jobs, history, now);
  const nothing = timeline.rows.every((row) => row.attempts.length === 0);
  return (
    <section aria-labelledby="timeline-heading" className="card">
      <h2 id="timeline-heading">Timeline</h2>
      {nothing ? (
        <p className="muted">No job has been queued yet.</p>
      ) : (
        <>
          <div className="timeline">
            {timeline.rows.map((row) => (
              <div className="timeline-row" key={row.jobId}>
                <span className="timeline-label mono">{row.jobId}</span>
                <div className="timeline-track">
                  {row.attempts.map((span) => {
                    const queued = span.queuedAt ?? span.startedAt ?? now;
                    const started = span.startedAt;
                    const end = span.finishedAt ?? now;
                    const wait = spanPercent(timeline, queued, started ?? end);
                    const run = started !== undefined ? spanPercent(timeline, started, end) : undefined;
                    const label = `attempt ${span.attempt}: waited ${formatDuration((started ?? end) - queued)}${started !== undefined ? `, ran ${formatDuration(end - started)}` : ''} — ${span.outcome}`;
                    return (
                      <span key={`${span.attempt}-${queued}`} className="timeline-attempt" title={label}>
                        <span className="bar wait" style={{ left: `${wait.left}%`, width: `${wait.width}%` }} />
                        {run && <span className={`bar run state-${span.outcome}`} style={{ left: `${run.left}%`, width: `${Math.max(run.width, 0.5)}%` }} />}
                        <span className="visually-hidden">{label}</span>
                      </span>
                    );
                  })}
                </div>
              </div>
            ))}
          </div>
          <div className="timeline-row muted small" aria-hidden="true">
            <span />
            <div className="timeline-axis">
              <span>0 s</span>
              <span>{formatDuration(timeline.end - timeline.start)}</span>
            </div>
          </div>
          <p className="muted small">
            <span className="bar-key wait" aria-hidden="true" /> queued, waiting <span className="bar-key run" aria-hidden="true" /> running (coloured by how
            the attempt ended)
          </p>
        </>
      )}
    </section>
  );
}
