import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { METRIC_PREFIX } from '@base-shift/observability';
import { WORKFLOW_STATES, type AppliedJobResult, type WorkflowIndex, type WorkflowObserver, type WorkflowState } from '@base-shift/workflow';
import type { ScrapeReads } from './scrape-reads';

/** Seconds: 5 ms … 1 h, for job runs and waits alike. */
const JOB_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600];

type JobLabels = 'template' | 'pool';

/**
 * The workflow engine's metrics. Counters and histograms are fed by the
 * engine (WorkflowObserver) on the replica that applied each change, so
 * summed over replicas every event counts once. Workflows per state are read
 * from Redis at scrape time: every replica reports the same numbers.
 * Labels are bounded sets: states, template ids (registered by operators),
 * pools; never a workflow or job id.
 */
export class WorkflowMetrics implements WorkflowObserver {
  private readonly created: Counter;
  private readonly transitions: Counter<'from' | 'to'>;
  private readonly started: Counter<JobLabels>;
  private readonly succeeded: Counter<JobLabels>;
  private readonly failed: Counter<JobLabels>;
  private readonly retried: Counter<JobLabels>;
  private readonly deadLettered: Counter<JobLabels>;
  private readonly duration: Histogram<JobLabels | 'outcome'>;
  private readonly queueWait: Histogram<'pool'>;

  constructor(registry: Registry, index: Pick<WorkflowIndex, 'countByState'>, reads: ScrapeReads) {
    const registers = [registry];
    const counter = <L extends string>(name: string, help: string, labelNames: readonly L[]) =>
      new Counter<L>({ name: `${METRIC_PREFIX}${name}`, help, labelNames, registers });
    const jobLabels = ['template', 'pool'] as const;

    new Gauge<'state'>({
      name: `${METRIC_PREFIX}workflows`,
      help: 'Workflows per state, as indexed in Redis (read at scrape time; the same on every replica).',
      labelNames: ['state'],
      registers,
      async collect() {
        const counts = await reads.read('workflows', () => index.countByState());
        this.reset();
        if (counts) for (const state of WORKFLOW_STATES) this.set({ state }, counts[state]);
      },
    });
    this.created = counter('workflows_created_total', 'Workflows created (a repeated request with the same Idempotency-Key is not counted).', []);
    this.transitions = counter('workflow_transitions_total', 'Workflow state changes, by previous and new state.', ['from', 'to']);
    this.started = counter('jobs_started_total', 'Job attempts that started running, by template and pool.', jobLabels);
    this.succeeded = counter('jobs_succeeded_total', 'Jobs that succeeded (output accepted), by template and pool.', jobLabels);
    this.failed = counter(
      'jobs_failed_total',
      'Jobs that failed for good (attempts exhausted, permanent error or output rejected), by template and pool.',
      jobLabels,
    );
    this.retried = counter('jobs_retried_total', 'Failed job attempts that will be retried after a backoff, by template and pool.', jobLabels);
    this.deadLettered = counter(
      'jobs_dead_lettered_total',
      'Jobs the queue moved to its dead-letter list (it gave up on them), by template and pool.',
      jobLabels,
    );
    this.duration = new Histogram({
      name: `${METRIC_PREFIX}job_duration_seconds`,
      help: 'Run time of job attempts, from start to outcome (Redis clock), by template, pool and outcome (succeeded, failed, retrying).',
      labelNames: ['template', 'pool', 'outcome'],
      buckets: JOB_BUCKETS,
      registers,
    });
    this.queueWait = new Histogram({
      name: `${METRIC_PREFIX}job_queue_wait_seconds`,
      help: "Schedule-to-start time of jobs: from being queued to their first attempt's start (Redis clock), by pool.",
      labelNames: ['pool'],
      buckets: JOB_BUCKETS,
      registers,
    });
  }

  workflowCreated(): void {
    this.created.inc();
  }

  workflowMoved(from: WorkflowState, to: WorkflowState): void {
    this.transitions.inc({ from, to });
  }

  jobResultApplied(result: AppliedJobResult): void {
    const labels = { template: result.templateId, pool: result.pool };
    if (result.started) {
      this.started.inc(labels);
      // Retries wait for their backoff first: only a first attempt measures the queue.
      if (result.from === 'QUEUED' && result.queuedAt !== undefined)
        this.queueWait.observe({ pool: result.pool }, seconds((result.startedAt ?? result.at) - result.queuedAt));
    }
    const outcome = result.to === 'SUCCEEDED' ? 'succeeded' : result.to === 'FAILED' ? 'failed' : result.to === 'RETRY_WAIT' ? 'retrying' : undefined;
    if (outcome && result.startedAt !== undefined) this.duration.observe({ ...labels, outcome }, seconds(result.at - result.startedAt));
    if (outcome === 'succeeded') this.succeeded.inc(labels);
    if (outcome === 'failed') this.failed.inc(labels);
    if (outcome === 'retrying') this.retried.inc(labels);
    if (result.reported === 'failed') this.deadLettered.inc(labels);
  }
}

function seconds(ms: number): number {
  return Math.max(0, ms) / 1000;
}
