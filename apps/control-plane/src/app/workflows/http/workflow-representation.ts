import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { JOB_STATES, WORKFLOW_STATES, type HistoryEntry, type JobRecord, type WorkflowPage, type WorkflowRecord } from '@base-shift/workflow';

const iso = (ms: number | undefined): string | undefined => (ms === undefined ? undefined : new Date(ms).toISOString());

/** Drops undefined members so JSON stays free of nulls nobody set. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export class HistoryEntryResponse {
  @ApiProperty({ description: 'Order of the transition within the workflow (the SSE event id).' }) seq!: number;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ enum: ['workflow', 'job'] }) kind!: 'workflow' | 'job';
  @ApiPropertyOptional() jobId?: string;
  @ApiProperty({ description: "'' for the creation record" }) from!: string;
  @ApiProperty() to!: string;
  @ApiPropertyOptional() reason?: string;
  @ApiPropertyOptional() attempt?: number;
}

export class JobResponse {
  @ApiProperty() id!: string;
  @ApiProperty() templateId!: string;
  @ApiProperty({ description: 'The pinned version.' }) version!: string;
  @ApiPropertyOptional({ description: 'What the request asked for (version or range).' }) requestedVersion?: string;
  @ApiProperty({ enum: JOB_STATES }) state!: string;
  @ApiProperty({ description: 'Attempts of the current run.' }) attempts!: number;
  @ApiProperty() maxAttempts!: number;
  @ApiProperty() priority!: number;
  @ApiProperty() pool!: string;
  @ApiPropertyOptional() timeoutSeconds?: number;
  @ApiProperty({ type: [String] }) dependsOn!: string[];
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'As requested, references included.' }) input!: unknown;
  @ApiPropertyOptional({ description: 'As sent to the executor.' }) resolvedInput?: unknown;
  @ApiPropertyOptional() output?: unknown;
  @ApiPropertyOptional() error?: unknown;
  @ApiPropertyOptional({ format: 'date-time' }) queuedAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) startedAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) finishedAt?: string;
  @ApiPropertyOptional({ description: 'finishedAt - startedAt' }) durationMs?: number;
  @ApiProperty({ description: 'Set through PUT /workflows/{id}/jobs/{jobId}; the queue no longer runs it.' }) external!: boolean;
}

export class WorkflowResponse {
  @ApiProperty() id!: string;
  @ApiPropertyOptional() name?: string;
  @ApiProperty({ enum: WORKFLOW_STATES }) state!: string;
  @ApiProperty({ description: 'First job in flight in list order (the last one that ran once none is).' }) currentJob!: string;
  @ApiProperty({ description: '`sequential` (list order) or `dag` (dependsOn).' }) mode!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) input!: unknown;
  @ApiPropertyOptional() priority?: number;
  @ApiPropertyOptional() timeoutSeconds?: number;
  @ApiPropertyOptional({ format: 'date-time' }) deadlineAt?: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiPropertyOptional({ format: 'date-time' }) startedAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) finishedAt?: string;
  @ApiPropertyOptional({
    format: 'date-time',
    description: "A finished workflow is deleted then (WORKFLOW_RETENTION_SECONDS or the request's retentionSeconds).",
  })
  expiresAt?: string;
  @ApiPropertyOptional({ description: 'Why the workflow FAILED or was CANCELLED.' }) reason?: string;
  @ApiProperty({ type: [JobResponse] }) jobs!: JobResponse[];
  @ApiProperty({ type: [HistoryEntryResponse] }) history!: HistoryEntryResponse[];
}

export class WorkflowSummaryResponse {
  @ApiProperty() id!: string;
  @ApiPropertyOptional() name?: string;
  @ApiProperty({ enum: WORKFLOW_STATES }) state!: string;
  @ApiProperty() currentJob!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiPropertyOptional({ format: 'date-time' }) finishedAt?: string;
}

export class WorkflowPageResponse {
  @ApiProperty({ type: [WorkflowSummaryResponse] }) items!: WorkflowSummaryResponse[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as cursor for the next page; null at the end. A page may hold fewer than limit items.' })
  nextCursor!: string | null;
}

export class ProblemResponse {
  @ApiProperty({ example: 'about:blank' }) type!: string;
  @ApiProperty() title!: string;
  @ApiProperty() status!: number;
  @ApiProperty() detail!: string;
  @ApiPropertyOptional() instance?: string;
  @ApiPropertyOptional({ example: 'WORKFLOW.ILLEGAL_TRANSITION' }) code?: string;
  @ApiPropertyOptional({
    description: 'One entry per problem: {pointer, message}, pointer an RFC 6901 JSON Pointer into the body or query ({header, message} for a header).',
    type: 'array',
    items: { type: 'object' },
  })
  errors?: unknown[];
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
