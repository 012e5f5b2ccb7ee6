// A pool's dead letter (admin scope): the jobs that used up their attempts or
// failed for good, with their last error; inspect one (its payload too),
// requeue it or purge it, each after a confirmation.
import { required } from '@base-shift/client';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useClient } from '../auth/auth-context';
import type { DeadLetter } from '../api/types';
import { DataTable } from '../ui/DataTable';
import { ConfirmDialog, Dialog } from '../ui/Dialog';
import { AsyncSection } from '../ui/AsyncSection';
import { EmptyState, Loading } from '../ui/feedback';
import { formatTime } from '../ui/format';
import { JsonBlock } from '../ui/JsonBlock';
import { Pager } from '../ui/Pager';
import { ProblemMessage } from '../ui/ProblemMessage';
import { useAsync } from '../ui/use-async';
import { useCursorPages } from '../ui/use-cursor-pages';

const PAGE_SIZE = 50;

type Pending = { action: 'inspect' | 'requeue' | 'purge'; job: DeadLetter };

export function DeadLettersPage() {
  const client = useClient();
  const [params, setParams] = useSearchParams();
  const pools = useAsync((signal) => client.rest.GET('/pools', { signal }).then(required), [client]);
  const names = pools.data?.pools.map((pool) => pool.name) ?? [];
  const fallback = pools.data?.pools.find((pool) => pool.queue.dead > 0)?.name ?? names[0];
  const pool = params.get('pool') ?? fallback;
  const pages = useCursorPages();
  const cursor = pages.cursor;
  const page = useAsync(
    async (signal) =>
      pool
        ? required(
            await client.rest.GET('/pools/{pool}/dead-letters', { params: { path: { pool }, query: { limit: PAGE_SIZE, ...(cursor && { cursor }) } }, signal }),
          )
        : undefined,
    [client, pool, cursor],
    5000,
  );
  const [pending, setPending] = useState<Pending | undefined>();
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<unknown>();
  const [done, setDone] = useState<string | undefined>();

  async function run({ action, job }: Pending) {
    setBusy(true);
    setActionError(undefined);
    try {
      const path = { params: { path: { pool: job.pool, jobId: job.id } } };
      if (action === 'requeue') {
        required(await client.rest.POST('/pools/{pool}/dead-letters/{jobId}/requeue', path));
        setDone(`Requeued job ${job.id}: it is waiting in pool ${job.pool} again.`);
      } else {
        await client.rest.DELETE('/pools/{pool}/dead-letters/{jobId}', path);
        setDone(`Purged job ${job.id} from pool ${job.pool}.`);
      }
      setPending(undefined);
      await page.reload();
    } catch (caught) {
      setPending(undefined);
      setActionError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <div className="page-head">
        <h1>Dead letters</h1>
      </div>
      <form className="filters card" onSubmit={(event) => event.preventDefault()} aria-label="Choose a pool">
        <div className="field">
          <label htmlFor="dead-pool">Pool</label>
          <select
            id="dead-pool"
            value={pool ?? ''}
            onChange={(event) => {
              pages.reset();
              setDone(undefined);
              setParams({ pool: event.target.value }, { replace: true });
            }}
          >
            {names.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
        {page.data && <p className="muted">{page.data.total} job(s) in the dead letter</p>}
      </form>
      <div role="status" className="status">
        {done}
      </div>
      {pools.error !== undefined && <ProblemMessage error={pools.error} />}
      {actionError !== undefined && <ProblemMessage error={actionError} />}
      {pools.loading && !pools.data && <Loading what="pools" />}
      {pools.data && pools.data.pools.length === 0 && <EmptyState title="No pools">The control plane has no executor pool configured.</EmptyState>}
      {pool !== undefined && (
        <AsyncSection
          state={page}
          what="dead letters"
          isEmpty={(data) => data.items.length === 0}
          empty={<EmptyState title="The dead letter is empty">No job of this pool has failed for good.</EmptyState>}
        >
          {(data) => (
            <DataTable label="Dead letters" card columns={['Job', 'From', 'Attempts', 'Dead since', 'Last error', { label: 'Actions', visuallyHidden: true }]}>
              {data.items.map((job) => (
                <tr key={job.id}>
                  <td className="mono">{job.id}</td>
                  <td>
                    <MetaSummary meta={job.meta} />
                  </td>
                  <td>
                    {job.failures} failed / {job.maxAttempts}
                  </td>
                  <td>{formatTime(job.deadAt)}</td>
                  <td>
                    {job.lastError ? (
                      <>
                        {job.lastError.message}
                        {!job.lastError.retryable && <div className="muted small">not retryable</div>}
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td className="row-actions">
                    <button type="button" onClick={() => setPending({ action: 'inspect', job })}>
                      Inspect
                    </button>
                    <button type="button" onClick={() => setPending({ action: 'requeue', job })}>
                      Requeue
                    </button>
                    <button type="button" className="danger" onClick={() => setPending({ action: 'purge', job })}>
                      Purge
                    </button>
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </AsyncSection>
      )}
      <Pager pages={pages} nextCursor={page.data?.nextCursor} />

      {pending?.action === 'inspect' && <InspectDialog job={pending.job} onClose={() => setPending(undefined)} />}
      {pending?.action === 'requeue' && (
        <ConfirmDialog title={`Requeue job ${pending.job.id}?`} busy={busy} onClose={() => setPending(undefined)} onConfirm={() => void run(pending)}>
          It goes back to the queue of pool {pending.job.pool} with fresh attempts; its workflow picks up its result as usual.
        </ConfirmDialog>
      )}
      {pending?.action === 'purge' && (
        <ConfirmDialog title={`Purge job ${pending.job.id}?`} busy={busy} onClose={() => setPending(undefined)} onConfirm={() => void run(pending)}>
          The job and its payload are deleted for good.
        </ConfirmDialog>
      )}
    </>
  );
}

function MetaSummary({ meta }: { meta: DeadLetter['meta'] }) {
  if (!meta || Object.keys(meta).length === 0) return <span className="muted">—</span>;
  const workflowId = typeof meta['workflowId'] === 'string' ? meta['workflowId'] : undefined;
  return (
    <span className="small">
      {workflowId && (
        <div>
          <Link to={`/workflows/${workflowId}`}>workflow</Link>
        </div>
      )}
      {Object.entries(meta)
        .filter(([key]) => key !== 'workflowId')
        .map(([key, value]) => (
          <div key={key}>
            <span className="muted">{key}</span> <span className="mono">{typeof value === 'string' ? value : JSON.stringify(value)}</span>
          </div>
        ))}
    </span>
  );
}

function InspectDialog({ job, onClose }: { job: DeadLetter; onClose: () => void }) {
  const client = useClient();
  const detail = useAsync(
    (signal) => client.rest.GET('/pools/{pool}/dead-letters/{jobId}', { params: { path: { pool: job.pool, jobId: job.id } }, signal }).then(required),
    [client, job.pool, job.id],
  );
  return (
    <Dialog
      title={`Dead letter ${job.id}`}
      onClose={onClose}
      actions={
        <button type="button" onClick={onClose} data-autofocus>
          Close
        </button>
      }
    >
      {detail.error !== undefined && <ProblemMessage error={detail.error} />}
      {detail.loading && !detail.data && <Loading what="the job" />}
      {detail.data && (
        <>
          <dl className="facts">
            <dt>Pool</dt>
            <dd>{detail.data.pool}</dd>
            <dt>Priority</dt>
            <dd>{detail.data.priority}</dd>
            <dt>Attempts</dt>
            <dd>
              {detail.data.attempt} (failed {detail.data.failures} of {detail.data.maxAttempts})
            </dd>
            <dt>First queued</dt>
            <dd>{formatTime(detail.data.createdAt)}</dd>
            <dt>Dead since</dt>
            <dd>{formatTime(detail.data.deadAt)}</dd>
          </dl>
          <h3>Last error</h3>
          <JsonBlock value={detail.data.lastError} />
          <h3>Meta</h3>
          <JsonBlock value={detail.data.meta} />
          <h3>Payload</h3>
          <JsonBlock value={detail.data.payload} />
        </>
      )}
    </Dialog>
  );
}
