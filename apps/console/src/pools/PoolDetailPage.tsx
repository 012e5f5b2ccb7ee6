// One pool: configuration, queue counts, the autoscaler, the templates seen
// running in it, and its queued jobs in pop order with their effective
// priority rising every second — the aging the queue applies.
import { required } from '@base-shift/client';
import { useRef } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useClient } from '../auth/auth-context';
import { EmptyState, Loading } from '../ui/feedback';
import { formatDuration } from '../ui/format';
import { ProblemMessage } from '../ui/ProblemMessage';
import { useAsync, useNow } from '../ui/use-async';
import { popOrder } from './effective-priority';
import { Autoscaler, unappliedResults, waitText } from './pool-facts';
import { fetchPoolJobs, MAX_WORKFLOWS, type PoolsCache } from './queued-jobs';

export function PoolDetailPage() {
  const { pool: name = '' } = useParams();
  const client = useClient();
  const pool = useAsync((signal) => client.rest.GET('/pools/{name}', { params: { path: { name } }, signal }).then(required), [client, name], 2000);
  const poolsOfWorkflows = useRef<PoolsCache>(new Map());
  const jobs = useAsync((signal) => fetchPoolJobs(client, name, poolsOfWorkflows.current, signal), [client, name], 3000);
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
          In pop order: effective priority = base + 0.1 × seconds waited, so a job that waits long enough overtakes newer higher-priority ones. Read from the
          RUNNING workflows{jobs.data?.partial ? ` (the newest ${MAX_WORKFLOWS} with a job here)` : ''}.
        </p>
        {jobs.error !== undefined && <ProblemMessage error={jobs.error} />}
        {jobs.loading && !jobs.data && <Loading what="queued jobs" />}
        {jobs.data && queued.length === 0 && <EmptyState title="Nothing queued">Every job of this pool has been picked up.</EmptyState>}
        {queued.length > 0 && (
          <div className="table-wrap">
            <table aria-label="Queued jobs">
              <thead>
                <tr>
                  <th scope="col" className="num">
                    #
                  </th>
                  <th scope="col">Job</th>
                  <th scope="col">Workflow</th>
                  <th scope="col">Template</th>
                  <th scope="col" className="num">
                    Base priority
                  </th>
                  <th scope="col">Waiting</th>
                  <th scope="col" className="num">
                    Effective priority
                  </th>
                </tr>
              </thead>
              <tbody>
                {queued.map((entry, index) => (
                  <tr key={`${entry.workflowId}/${entry.job.id}`}>
                    <td className="num">{index + 1}</td>
                    <td className="mono">{entry.job.id}</td>
                    <td>
                      <Link to={`/workflows/${entry.workflowId}`}>{entry.workflowName || entry.workflowId}</Link>
                    </td>
                    <td className="mono">
                      {entry.job.templateId}@{entry.job.version}
                    </td>
                    <td className="num">{entry.priority}</td>
                    <td>{formatDuration(entry.waitSeconds * 1000)}</td>
                    <td className="num strong">{entry.effective.toFixed(1)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="inflight-heading" className="card">
        <h2 id="inflight-heading">In-flight jobs</h2>
        {jobs.data && jobs.data.inFlight.length === 0 && <p className="muted">No job of this pool is running.</p>}
        {jobs.data && jobs.data.inFlight.length > 0 && (
          <div className="table-wrap">
            <table aria-label="In-flight jobs">
              <thead>
                <tr>
                  <th scope="col">Job</th>
                  <th scope="col">Workflow</th>
                  <th scope="col">Attempt</th>
                  <th scope="col">Running for</th>
                </tr>
              </thead>
              <tbody>
                {jobs.data.inFlight.map((entry) => (
                  <tr key={`${entry.workflowId}/${entry.job.id}`}>
                    <td className="mono">{entry.job.id}</td>
                    <td>
                      <Link to={`/workflows/${entry.workflowId}`}>{entry.workflowName || entry.workflowId}</Link>
                    </td>
                    <td>
                      {entry.job.attempts} of {entry.job.maxAttempts}
                    </td>
                    <td>{entry.job.startedAt ? formatDuration(now - Date.parse(entry.job.startedAt)) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {detail.templates && detail.templates.length > 0 && (
        <section aria-labelledby="usage-heading" className="card">
          <h2 id="usage-heading">Templates seen running here</h2>
          <div className="table-wrap">
            <table aria-label="Template usage">
              <thead>
                <tr>
                  <th scope="col">Template</th>
                  <th scope="col" className="num">
                    Runs
                  </th>
                  <th scope="col">Mean</th>
                  <th scope="col">Longest</th>
                  <th scope="col" className="num">
                    OOM kills
                  </th>
                  <th scope="col">Recommended pool</th>
                </tr>
              </thead>
              <tbody>
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
              </tbody>
            </table>
          </div>
        </section>
      )}
    </>
  );
}
