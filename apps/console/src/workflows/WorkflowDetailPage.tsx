// One workflow, live: the snapshot from GET /workflows/{id}, then every
// transition from its SSE stream applied as it arrives (workflowReducer), and
// a refetch shortly after each burst for what transitions do not carry
// (outputs, errors, times). Cancel and retry ask first.
import { required } from '@base-shift/client';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { useParams } from 'react-router-dom';
import { useClient } from '../auth/auth-context';
import { FINISHED_WORKFLOW_STATES } from '../api/types';
import { ConfirmDialog } from '../ui/Dialog';
import { Loading } from '../ui/feedback';
import { formatTime } from '../ui/format';
import { ProblemMessage } from '../ui/ProblemMessage';
import { StateBadge } from '../ui/StateBadge';
import { useNow } from '../ui/use-async';
import { EventLog } from './EventLog';
import { JobGraph } from './JobGraph';
import { JobPanel } from './JobPanel';
import { Timeline } from './Timeline';
import { lastSeq, workflowReducer } from './workflow-reducer';

const REFETCH_AFTER_MS = 400;

type Action = 'cancel' | 'retry';

export function WorkflowDetailPage() {
  const { id = '' } = useParams();
  const client = useClient();
  const [view, dispatch] = useReducer(workflowReducer, undefined);
  const [error, setError] = useState<unknown>();
  const [streamError, setStreamError] = useState<unknown>();
  const [selected, setSelected] = useState<string | undefined>();
  const [asking, setAsking] = useState<Action | undefined>();
  const [acting, setActing] = useState(false);
  const [actionError, setActionError] = useState<unknown>();
  // Bumped after a retry: the stream of a finished workflow has ended, a retried one streams again.
  const [streamGeneration, setStreamGeneration] = useState(0);
  const lastSeen = useRef(0);
  const finishedRef = useRef(false);

  const workflow = view?.workflow;
  const finished = workflow ? FINISHED_WORKFLOW_STATES.includes(workflow.state) : false;
  const now = useNow(1000, Boolean(workflow) && !finished);
  lastSeen.current = workflow ? lastSeq(workflow.history) : 0;
  finishedRef.current = finished;

  const load = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const fresh = required(await client.rest.GET('/workflows/{id}', { params: { path: { id } }, ...(signal && { signal }) }));
        dispatch({ type: 'loaded', workflow: fresh });
        setError(undefined);
      } catch (caught) {
        if (!signal?.aborted) setError(caught);
      }
    },
    [client, id],
  );

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  const loaded = workflow !== undefined;
  useEffect(() => {
    // A finished workflow's stream would only replay what the snapshot has and end.
    if (!loaded || finishedRef.current) return;
    const controller = new AbortController();
    let refetch: ReturnType<typeof setTimeout> | undefined;
    (async () => {
      try {
        for await (const transition of client.workflowEvents(id, {
          signal: controller.signal,
          ...(lastSeen.current > 0 && { lastEventId: String(lastSeen.current) }),
        })) {
          const { event: _event, ...entry } = transition;
          dispatch({ type: 'transition', transition: entry });
          clearTimeout(refetch);
          refetch = setTimeout(() => void load(controller.signal), REFETCH_AFTER_MS);
        }
        if (!controller.signal.aborted) {
          clearTimeout(refetch);
          await load(controller.signal);
        }
        setStreamError(undefined);
      } catch (caught) {
        if (!controller.signal.aborted) setStreamError(caught);
      }
    })();
    return () => {
      controller.abort();
      clearTimeout(refetch);
    };
  }, [client, id, load, loaded, streamGeneration]);

  async function act(action: Action) {
    setActing(true);
    setActionError(undefined);
    try {
      if (action === 'cancel')
        required(await client.rest.POST('/workflows/{id}/cancel', { params: { path: { id } }, body: { reason: 'cancelled from the console' } }));
      else required(await client.rest.POST('/workflows/{id}/retry', { params: { path: { id } } }));
      setAsking(undefined);
      await load();
      if (action === 'retry') setStreamGeneration((generation) => generation + 1);
    } catch (caught) {
      setAsking(undefined);
      setActionError(caught);
    } finally {
      setActing(false);
    }
  }

  if (!workflow) return error !== undefined ? <ProblemMessage error={error} /> : <Loading what="the workflow" />;

  const selectedJob = workflow.jobs.find((job) => job.id === selected);
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{workflow.name || workflow.id}</h1>
          {workflow.name && <p className="muted mono small">{workflow.id}</p>}
        </div>
        <div className="actions">
          <StateBadge state={workflow.state} testId="workflow-state" />
          {(workflow.state === 'RUNNING' || workflow.state === 'INITIALIZED') && (
            <button type="button" className="danger" onClick={() => setAsking('cancel')}>
              Cancel workflow
            </button>
          )}
          {workflow.state === 'FAILED' && (
            <button type="button" className="primary" onClick={() => setAsking('retry')}>
              Retry workflow
            </button>
          )}
        </div>
      </div>

      {error !== undefined && <ProblemMessage error={error} />}
      {actionError !== undefined && <ProblemMessage error={actionError} />}
      {streamError !== undefined && <ProblemMessage error={streamError} />}

      <dl className="facts card">
        <dt>Mode</dt>
        <dd>{workflow.mode === 'dag' ? 'DAG (dependsOn)' : 'Sequential (list order)'}</dd>
        <dt>Current job</dt>
        <dd className="mono">{workflow.currentJob}</dd>
        <dt>Created</dt>
        <dd>{formatTime(workflow.createdAt)}</dd>
        <dt>Started</dt>
        <dd>{formatTime(workflow.startedAt)}</dd>
        <dt>Finished</dt>
        <dd>{formatTime(workflow.finishedAt)}</dd>
        {workflow.deadlineAt && (
          <>
            <dt>Deadline</dt>
            <dd>{formatTime(workflow.deadlineAt)}</dd>
          </>
        )}
        {workflow.reason && (
          <>
            <dt>Reason</dt>
            <dd>{workflow.reason}</dd>
          </>
        )}
      </dl>

      <h2>Jobs</h2>
      <JobGraph workflow={workflow} now={now} selected={selected} onSelect={(jobId) => setSelected(jobId === selected ? undefined : jobId)} />
      {selectedJob && <JobPanel job={selectedJob} onClose={() => setSelected(undefined)} />}

      <div className="two-columns">
        <Timeline jobs={workflow.jobs} history={workflow.history} now={finished ? Date.parse(workflow.finishedAt ?? workflow.updatedAt) : now} />
        <EventLog history={workflow.history} />
      </div>

      {asking === 'cancel' && (
        <ConfirmDialog title="Cancel this workflow?" busy={acting} onClose={() => setAsking(undefined)} onConfirm={() => void act('cancel')}>
          Jobs not yet finished are cancelled; a running job is told to stop. A cancelled workflow cannot be resumed.
        </ConfirmDialog>
      )}
      {asking === 'retry' && (
        <ConfirmDialog title="Retry this workflow?" busy={acting} onClose={() => setAsking(undefined)} onConfirm={() => void act('retry')}>
          Failed jobs and the jobs after them run again; jobs that succeeded keep their output.
        </ConfirmDialog>
      )}
    </>
  );
}
