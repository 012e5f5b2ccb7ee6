import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { schemaRef } from '../../http/openapi-schemas';
import { JOB_STATES, WORKFLOW_STATES, type HistoryEntry, type JobRecord, type WorkflowPage, type WorkflowRecord } from '@base-shift/workflow';

const iso = (ms: number | undefined): string | undefined => (ms === undefined ? undefined : new Date(ms).toISOString());

/** Drops undefined members so JSON stays free of nulls nobody set. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const JSON_VALUE = { allOf: [schemaRef('JsonValue')] };
const JSON_OBJECT = { allOf: [schemaRef('JsonObject')] };
const ID = { format: 'uuid', example: '0194b7c2-5e1a-7c3d-9f00-1a2b3c4d5e6f' };

@ApiSchema({ description: 'One recorded transition of the workflow or of one of its jobs (also the data of an SSE transition event).' })
export class HistoryEntryResponse {
  @ApiProperty({ type: 'integer', minimum: 1, description: 'Order of the transition within the workflow (the SSE event id).' }) seq!: number;
  @ApiProperty({ format: 'date-time', description: 'When it happened (Redis server time).' }) at!: string;
  @ApiProperty({ enum: ['workflow', 'job'], description: 'Whether the workflow or one of its jobs moved.' }) kind!: 'workflow' | 'job';
  @ApiPropertyOptional({ description: 'The job that moved (kind job).' }) jobId?: string;
  @ApiProperty({ description: "The state before; '' for the creation record." }) from!: string;
  @ApiProperty({ description: 'The state after.' }) to!: string;
  @ApiPropertyOptional({ description: 'Why (a failure message, a cancel reason, a deadline).' }) reason?: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 0, description: "The job's attempt the transition belongs to." }) attempt?: number;
}

@ApiSchema({ description: 'One job of a workflow: its pinned template version, state, attempts, timing, input, output or error.' })
export class JobResponse {
  @ApiProperty({ description: 'Unique within the workflow.' }) id!: string;
  @ApiProperty({ description: 'The job template it runs.' }) templateId!: string;
  @ApiProperty({ description: 'The pinned template version.' }) version!: string;
  @ApiPropertyOptional({ description: 'What the request asked for (version or range).' }) requestedVersion?: string;
  @ApiProperty({ enum: JOB_STATES, description: 'The job state (see the state machine).' }) state!: string;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Attempts of the current run.' }) attempts!: number;
  @ApiProperty({ type: 'integer', minimum: 1, description: 'Attempts allowed per run, from the template.' }) maxAttempts!: number;
  @ApiProperty({ description: 'Queue priority; higher runs first.' }) priority!: number;
  @ApiProperty({ description: 'The executor pool it runs in.' }) pool!: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: 'Per-attempt timeout from the template.' }) timeoutSeconds?: number;
  @ApiProperty({ type: [String], description: 'Jobs that must succeed first.' }) dependsOn!: string[];
  @ApiProperty({ ...JSON_OBJECT, description: 'The input as requested, references ($from) included.' }) input!: unknown;
  @ApiPropertyOptional({ ...JSON_VALUE, description: 'The input as sent to the executor, mappings resolved (once queued).' }) resolvedInput?: unknown;
  @ApiPropertyOptional({ ...JSON_VALUE, description: 'The output of a SUCCEEDED job.' }) output?: unknown;
  @ApiPropertyOptional({ allOf: [schemaRef('JobError')], description: 'Why the job FAILED: always an object with a message.' }) error?: unknown;
  @ApiPropertyOptional({ format: 'date-time', description: 'When it was last queued.' }) queuedAt?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'When its current attempt started.' }) startedAt?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'When it finished.' }) finishedAt?: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 0, description: 'finishedAt - startedAt, in milliseconds.' }) durationMs?: number;
  @ApiProperty({ description: 'Set through PUT /workflows/{id}/jobs/{jobId}; the queue no longer runs it.' }) external!: boolean;
}

@ApiSchema({ description: 'A workflow with its jobs and its transition history.' })
export class WorkflowResponse {
  @ApiProperty({ ...ID, description: 'The workflow id.' }) id!: string;
  @ApiPropertyOptional({ description: 'The name given at creation.' }) name?: string;
  @ApiProperty({ enum: WORKFLOW_STATES, description: 'The workflow state (see the state machine).' }) state!: string;
  @ApiProperty({ description: 'First job in flight in list order (the last one that ran once none is).' }) currentJob!: string;
  @ApiProperty({ enum: ['sequential', 'dag'], description: '`sequential` (list order) or `dag` (dependsOn).' }) mode!: string;
  @ApiProperty({ ...JSON_OBJECT, description: 'The workflow input.' }) input!: unknown;
  @ApiPropertyOptional({ description: 'The priority given at creation.' }) priority?: number;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: 'The whole-workflow deadline given at creation.' }) timeoutSeconds?: number;
  @ApiPropertyOptional({ format: 'date-time', description: 'When the workflow FAILS if it has not finished.' }) deadlineAt?: string;
  @ApiProperty({ format: 'date-time', description: 'When it was created.' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', description: 'When it last changed.' }) updatedAt!: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'When its first job started.' }) startedAt?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'When it finished.' }) finishedAt?: string;
  @ApiPropertyOptional({
    format: 'date-time',
    description: "A finished workflow is deleted then (WORKFLOW_RETENTION_SECONDS or the request's retentionSeconds).",
  })
  expiresAt?: string;
  @ApiPropertyOptional({ description: 'Why the workflow FAILED or was CANCELLED.' }) reason?: string;
  @ApiProperty({ type: [JobResponse], description: 'The jobs, in request order.' }) jobs!: JobResponse[];
  @ApiProperty({ type: [HistoryEntryResponse], description: 'Every transition so far, oldest first.' }) history!: HistoryEntryResponse[];
}

@ApiSchema({ description: 'A workflow as listed: no jobs, no history.' })
export class WorkflowSummaryResponse {
  @ApiProperty({ ...ID, description: 'The workflow id.' }) id!: string;
  @ApiPropertyOptional({ description: 'The name given at creation.' }) name?: string;
  @ApiProperty({ enum: WORKFLOW_STATES, description: 'The workflow state.' }) state!: string;
  @ApiProperty({ description: 'First job in flight in list order.' }) currentJob!: string;
  @ApiProperty({ format: 'date-time', description: 'When it was created.' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', description: 'When it last changed.' }) updatedAt!: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'When it finished.' }) finishedAt?: string;
}

@ApiSchema({ description: 'A page of workflows, newest first.' })
export class WorkflowPageResponse {
  @ApiProperty({ type: [WorkflowSummaryResponse], description: 'The workflows of this page.' }) items!: WorkflowSummaryResponse[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as cursor for the next page; null at the end. A page may hold fewer than limit items.' })
  nextCursor!: string | null;
}

export function toHistoryResponse(entry: HistoryEntry): HistoryEntryResponse {
  return compact({ ...entry, at: iso(entry.at) as string });
}

function toJobResponse(job: JobRecord): JobResponse {
  return compact({
    id: job.id,
    templateId: job.templateId,
    version: job.version,
    requestedVersion: job.requestedVersion,
    state: job.state,
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
    priority: job.priority,
    pool: job.pool,
    timeoutSeconds: job.timeoutSeconds,
    dependsOn: job.dependsOn,
    input: job.input,
    resolvedInput: job.resolvedInput,
    output: job.output,
    error: job.error,
    queuedAt: iso(job.queuedAt),
    startedAt: iso(job.startedAt),
    finishedAt: iso(job.finishedAt),
    durationMs: job.startedAt !== undefined && job.finishedAt !== undefined ? job.finishedAt - job.startedAt : undefined,
    external: job.external,
  });
}

export function toWorkflowResponse(record: WorkflowRecord): WorkflowResponse {
  return compact({
    id: record.id,
    name: record.name,
    state: record.state,
    currentJob: record.currentJob,
    mode: record.mode,
    input: record.input,
    priority: record.priority,
    timeoutSeconds: record.timeoutSeconds,
    deadlineAt: iso(record.deadlineAt),
    createdAt: iso(record.createdAt) as string,
    updatedAt: iso(record.updatedAt) as string,
    startedAt: iso(record.startedAt),
    finishedAt: iso(record.finishedAt),
    expiresAt: iso(record.expiresAt),
    reason: record.reason,
    jobs: record.jobs.map(toJobResponse),
    history: record.history.map(toHistoryResponse),
  });
}

export function toPageResponse(page: WorkflowPage): WorkflowPageResponse {
  return {
    items: page.items.map((item) =>
      compact({ ...item, createdAt: iso(item.createdAt) as string, updatedAt: iso(item.updatedAt) as string, finishedAt: iso(item.finishedAt) }),
    ),
    nextCursor: page.nextCursor,
  };
}
