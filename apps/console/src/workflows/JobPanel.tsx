// One job: what it runs, its attempts and times, its input, output and error.
// writeOnly fields never reach here: the API leaves them out of every answer.
import type { Job } from '../api/types';
import { formatDuration, formatTime } from '../ui/format';
import { JsonBlock } from '../ui/JsonBlock';
import { StateBadge } from '../ui/StateBadge';

export function JobPanel({ job, onClose }: { job: Job; onClose: () => void }) {
  const headingId = `job-${job.id}-heading`;
  return (
    <section role="region" aria-label={`Job ${job.id}`} className="card job-panel">
      <div className="page-head">
        <h2 id={headingId}>
          Job <span className="mono">{job.id}</span> <StateBadge state={job.state} />
        </h2>
        <button type="button" className="ghost" onClick={onClose}>
          Close
        </button>
      </div>
      <dl className="facts">
        <dt>Template</dt>
        <dd className="mono">
          {job.templateId}@{job.version}
          {job.requestedVersion && job.requestedVersion !== job.version ? ` (asked ${job.requestedVersion})` : ''}
        </dd>
        <dt>Pool</dt>
        <dd>{job.pool}</dd>
        <dt>Attempts</dt>
        <dd>
          {job.attempts} of {job.maxAttempts}
        </dd>
        <dt>Priority</dt>
        <dd>{job.priority}</dd>
        <dt>Queued</dt>
        <dd>{formatTime(job.queuedAt)}</dd>
        <dt>Started</dt>
        <dd>{formatTime(job.startedAt)}</dd>
        <dt>Finished</dt>
        <dd>{formatTime(job.finishedAt)}</dd>
        <dt>Duration</dt>
        <dd>{formatDuration(job.durationMs)}</dd>
        {job.dependsOn.length > 0 && (
          <>
            <dt>Depends on</dt>
            <dd className="mono">{job.dependsOn.join(', ')}</dd>
          </>
        )}
        {job.external && (
          <>
            <dt>External</dt>
            <dd>Set through PUT /workflows/…/jobs/{job.id}; the queue no longer runs it.</dd>
          </>
        )}
      </dl>
      <div className="io">
        <div>
          <h3>Input</h3>
          <JsonBlock value={job.resolvedInput ?? job.input} />
          {job.resolvedInput !== undefined && <p className="muted small">As sent to the executor, references resolved.</p>}
        </div>
        <div>
          <h3>Output</h3>
          <JsonBlock value={job.output} />
        </div>
        <div>
          <h3>Error</h3>
          {job.error ? (
            <div data-testid="job-error" className="job-error">
              <p className="problem-line">
                <strong>{job.error.message}</strong>
                {job.error.code && <span className="mono"> {job.error.code}</span>}
                {job.error.step && <span> in step {job.error.step}</span>}
              </p>
              <JsonBlock value={job.error} />
            </div>
          ) : (
            <p className="muted">None</p>
          )}
        </div>
      </div>
    </section>
  );
}
