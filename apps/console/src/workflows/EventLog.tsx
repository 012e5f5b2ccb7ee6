// The transition history, appended live as the SSE stream delivers it.
import type { HistoryEntry } from '../api/types';
import { formatClock, formatTime } from '../ui/format';

export function EventLog({ history }: { history: readonly HistoryEntry[] }) {
  return (
    <section aria-labelledby="events-heading" className="card">
      <h2 id="events-heading">Events</h2>
      <ol role="log" aria-label="Events" className="events">
        {history.map((entry) => (
          <li key={entry.seq}>
            <span className="muted small mono">#{entry.seq}</span>{' '}
            <time dateTime={entry.at} title={formatTime(entry.at)}>
              {formatClock(entry.at)}
            </time>{' '}
            <span>{entry.kind === 'workflow' ? 'workflow' : <span className="mono">{entry.jobId}</span>}</span>{' '}
            <span>
              {entry.from ? `${entry.from} → ` : ''}
              <strong className={`state-text state-${entry.to}`}>{entry.to}</strong>
            </span>
            {entry.attempt !== undefined && <span className="muted"> (attempt {entry.attempt})</span>}
            {entry.reason && <span className="muted"> — {entry.reason}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
