// One pool: configuration, queue counts, the autoscaler, the templates seen
// running in it, and its queued jobs in pop order with their effective
// priority rising every second — the aging the queue applies.
import { required } from '@base-shift/client';
import { Link, useParams } from 'react-router-dom';
import type { PoolJob } from '../api/types';
import { useClient } from '../auth/auth-context';
import { AsyncSection } from '../ui/AsyncSection';
import { DataTable } from '../ui/DataTable';
import { EmptyState, Loading } from '../ui/feedback';
import { formatDuration } from '../ui/format';
import { ProblemMessage } from '../ui/ProblemMessage';
import { useAsync, useNow } from '../ui/use-async';
import { popOrder } from './effective-priority';
import { Autoscaler, unappliedResults, waitText } from './pool-facts';
import { fetchPoolJobs, PAGE_SIZE } from './queued-jobs';

export function PoolDetailPage() {
  const { pool: name = '' } = useParams();
  const client = useClient();
  const pool = useAsync((signal) => client.rest.GET('/pools/{name}', { params: { path: { name } }, signal }).then(required), [client, name], 2000);
  const jobs = useAsync((signal) => fetchPoolJobs(client, name, signal), [client, name], 2000);
  const now = useNow(1000);

  if (pool.error !== undefined && !pool.data) return <ProblemMessage error={pool.error} />;
  if (!pool.data) return <Loading what="the pool" />;
  const detail = pool.data;
  const queued = jobs.data ? popOrder(jobs.data.queued, now) : [];

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Pool {detail.name}</h1>
          <p className="muted mono small">{detail.image}</p>
        </div>
      </div>
      <dl className="facts card">
        <dt>Queued</dt>
        <dd>{detail.queue.queued}</dd>
        <dt>Leased</dt>
        <dd>{detail.queue.inFlight}</dd>
        <dt>Delayed</dt>
        <dd>{detail.queue.delayed}</dd>
        <dt>Dead</dt>
        <dd>{detail.queue.dead}</dd>
        <dt>Oldest wait</dt>
        <dd>{waitText(detail.queue.oldestWaitSeconds)}</dd>
        <dt>Unapplied results</dt>
        <dd>{unappliedResults(detail) ?? '—'}</dd>
        <dt>Pods</dt>
        <dd>
          {detail.minPods}–{detail.maxPods}, {detail.jobsPerPod} jobs each (driver {detail.driver ?? 'off'})
        </dd>
        <dt>Resources</dt>
        <dd className="mono small">
          requests {JSON.stringify(detail.resources.requests)} · limits {JSON.stringify(detail.resources.limits)}
        </dd>
        <dt>Autoscaler</dt>
        <dd>
          <Autoscaler pool={detail} />
          {detail.pods && <div className="muted small">leader {detail.pods.leader}</div>}
        </dd>
      </dl>

      <section aria-labelledby="queued-heading" className="card">
        <h2 id="queued-heading">Queued jobs</h2>
        <p className="muted small">
          In pop order: effective priority = base + 0.1 × seconds waited, so a job that waits long enough overtakes newer higher-priority ones.
          {jobs.data && jobs.data.queuedTotal > jobs.data.queued.length && ` The first ${PAGE_SIZE} of ${jobs.data.queuedTotal}.`}
        </p>
        <AsyncSection
          state={jobs}
          what="queued jobs"
          isEmpty={() => queued.length === 0}
          empty={<EmptyState title="Nothing queued">Every job of this pool has been picked up.</EmptyState>}
        >
          {() => (
            <DataTable
              label="Queued jobs"
              columns={[
                { label: '#', numeric: true },
                'Job',
                'Workflow',
                'Template',
                { label: 'Base priority', numeric: true },
                'Waiting',
                { label: 'Effective priority', numeric: true },
              ]}
            >
              {queued.map((entry, index) => (
                <tr key={entry.job.id}>
                  <td className="num">{index + 1}</td>
                  <td className="mono">{entry.job.jobId ?? entry.job.id}</td>
                  <td>
                    <WorkflowLink job={entry.job} />
                  </td>
                  <td className="mono">{entry.job.templateId ?? '—'}</td>
                  <td className="num">{entry.priority}</td>
                  <td>{formatDuration(entry.waitSeconds * 1000)}</td>
                  <td className="num strong">{entry.effective.toFixed(1)}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </AsyncSection>
      </section>

      <section aria-labelledby="inflight-heading" className="card">
        <h2 id="inflight-heading">In-flight jobs</h2>
        {jobs.data && jobs.data.inFlightTotal > jobs.data.inFlight.length && (
          <p className="muted small">
            The {PAGE_SIZE} leases that run out first, of {jobs.data.inFlightTotal}.
          </p>
        )}
        {jobs.data && jobs.data.inFlight.length === 0 && <p className="muted">No job of this pool is running.</p>}
        {jobs.data && jobs.data.inFlight.length > 0 && (
          <DataTable label="In-flight jobs" columns={['Job', 'Workflow', 'Executor', 'Attempt', 'Running for']}>
            {jobs.data.inFlight.map((entry) => (
              <tr key={entry.job.id}>
                <td className="mono">{entry.job.jobId ?? entry.job.id}</td>
                <td>
                  <WorkflowLink job={entry.job} />
                </td>
                <td className="mono">{entry.job.lease?.executorId ?? '—'}</td>
                <td>
                  {entry.job.attempt} of {entry.job.maxAttempts}
                </td>
                <td>{formatDuration(Math.max(0, now - entry.leasedAt))}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      {detail.templates && detail.templates.length > 0 && (
        <section aria-labelledby="usage-heading" className="card">
          <h2 id="usage-heading">Templates seen running here</h2>
          <DataTable
            label="Template usage"
            columns={['Template', { label: 'Runs', numeric: true }, 'Mean', 'Longest', { label: 'OOM kills', numeric: true }, 'Recommended pool']}
          >
            {detail.templates.map((usage) => (
              <tr key={usage.templateId}>
                <td className="mono">{usage.templateId}</td>
                <td className="num">{usage.runs}</td>
                <td>{formatDuration(usage.meanSeconds * 1000)}</td>
                <td>{formatDuration(usage.maxSeconds * 1000)}</td>
                <td className="num">{usage.oomKills}</td>
                <td>
                  {usage.recommendedPool}
                  <div className="muted small">{usage.reason}</div>
                </td>
              </tr>
            ))}
          </DataTable>
        </section>
      )}
    </>
  );
}

/** The workflow a job belongs to, as a link; a job enqueued by something else has none. */
function WorkflowLink({ job }: { job: PoolJob }) {
  return job.workflowId ? <Link to={`/workflows/${job.workflowId}`}>{job.workflowId}</Link> : <span className="muted">—</span>;
}
