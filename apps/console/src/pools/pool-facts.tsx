// Pieces shared by the pools list and a pool's page.
import type { Pool } from '../api/types';
import { formatDuration, formatTime } from '../ui/format';

/** Results the engine has not applied yet (the control planes' lag behind the executors). */
export function unappliedResults(pool: Pool): number {
  return pool.queue.unappliedResults;
}

export function waitText(seconds: number): string {
  return seconds > 0 ? formatDuration(seconds * 1000) : '—';
}

/** The autoscaler's last evaluation in one line. */
export function Autoscaler({ pool }: { pool: Pool }) {
  if (!pool.pods) return <span className="muted">No evaluation yet (or pod management off)</span>;
  const pods = pool.pods;
  return (
    <span>
      <strong>{pods.lastAction}</strong> · {pods.ready}/{pods.current} ready, {pods.desired} wanted
      {pods.deleting > 0 && `, ${pods.deleting} stopping`}
      {pods.blockedBy && <span className="warning"> · blocked by {pods.blockedBy}</span>}
      {pods.lastError && <span className="warning"> · {pods.lastError}</span>}
      <span className="muted small"> · {formatTime(pods.evaluatedAt)}</span>
    </span>
  );
}
