import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { schemaRef } from '../../http/openapi-schemas';
import { POOL_JOB_STATES } from './pool-job-representation';

/*
 * The documented shapes of /pools, /pools/{pool}/jobs and /pools/{pool}/dead-letters
 * answers (pool-representation.ts, pool-job-representation.ts and
 * dead-letter-representation.ts build them).
 */

@ApiSchema({ description: 'Kubernetes resource quantities.' })
export class ResourceListResponse {
  @ApiPropertyOptional({ description: 'CPU, e.g. 250m.', example: '250m' }) cpu?: string;
  @ApiPropertyOptional({ description: 'Memory, e.g. 128Mi.', example: '128Mi' }) memory?: string;
}

@ApiSchema({ description: 'Resource requests and limits of each executor pod of the pool.' })
export class PoolResourcesResponse {
  @ApiProperty({ type: ResourceListResponse, description: 'What each pod is guaranteed.' }) requests!: ResourceListResponse;
  @ApiProperty({ type: ResourceListResponse, description: 'What each pod may use at most.' }) limits!: ResourceListResponse;
}

@ApiSchema({ description: "The leader's last autoscaling evaluation of the pool." })
export class PoolPodsResponse {
  @ApiProperty({ type: 'integer', description: 'Pods the autoscaler wants.' }) desired!: number;
  @ApiProperty({ type: 'integer', description: 'Pods that exist.' }) current!: number;
  @ApiProperty({ type: 'integer', description: 'Pods ready to take jobs.' }) ready!: number;
  @ApiProperty({ type: 'integer', description: 'Pods being removed.' }) deleting!: number;
  @ApiProperty({ description: 'What the last evaluation did (e.g. scale-up, none).' }) lastAction!: string;
  @ApiProperty({ type: 'string', nullable: true, description: 'What kept it from scaling as wanted, if anything.' }) blockedBy!: string | null;
  @ApiProperty({ type: 'string', nullable: true, description: 'The last error of the pod driver, if any.' }) lastError!: string | null;
  @ApiProperty({ format: 'date-time', description: 'When the evaluation ran.' }) evaluatedAt!: string;
  @ApiProperty({ description: 'The control plane replica that ran it (the leader).' }) leader!: string;
}

@ApiSchema({ description: "Live counts of the pool's queue." })
export class PoolQueueResponse {
  @ApiProperty({ type: 'integer', description: 'Jobs waiting for an executor.' }) queued!: number;
  @ApiProperty({ type: 'integer', description: 'Jobs leased by an executor.' }) inFlight!: number;
  @ApiProperty({ type: 'integer', description: 'Jobs waiting for a retry backoff to end.' }) delayed!: number;
  @ApiProperty({ type: 'integer', description: 'Jobs in the dead letter.' }) dead!: number;
  @ApiProperty({ description: 'How long the oldest queued job has waited.' }) oldestWaitSeconds!: number;
  @ApiProperty({
    type: 'integer',
    description:
      "Job results the workflow engine has not applied yet (the control planes' lag); creates for the pool answer 429 past WORKFLOW_MAX_UNAPPLIED_RESULTS.",
  })
  unappliedResults!: number;
}

@ApiSchema({ description: 'A template observed running in the pool, and the pool its jobs need.' })
export class TemplateUsageResponse {
  @ApiProperty({ description: 'The job template.' }) templateId!: string;
  @ApiProperty({ description: 'Where its jobs ran (its resourceClass).' }) pool!: string;
  @ApiProperty({ type: 'integer', description: 'Runs observed.' }) runs!: number;
  @ApiProperty({ description: 'Mean run time.' }) meanSeconds!: number;
  @ApiProperty({ description: 'Longest run time.' }) maxSeconds!: number;
  @ApiProperty({ type: 'integer', description: 'Runs ended by an out-of-memory kill.' }) oomKills!: number;
  @ApiProperty({ description: 'The pool its jobs need: the same, or the next larger by memory limit when they were OOMKilled.' }) recommendedPool!: string;
  @ApiProperty({ description: 'Why that pool.' }) reason!: string;
}

@ApiSchema({ description: 'An executor pool: its configuration (no environment values), pods and queue.' })
export class PoolResponse {
  @ApiProperty({ description: 'The pool name (a template resourceClass).' }) name!: string;
  @ApiProperty({ description: 'The executor image.' }) image!: string;
  @ApiProperty({ type: PoolResourcesResponse, description: 'Requests and limits of each pod.' }) resources!: PoolResourcesResponse;
  @ApiProperty({ type: 'integer', description: 'Fewest pods kept.' }) minPods!: number;
  @ApiProperty({ type: 'integer', description: 'Most pods started.' }) maxPods!: number;
  @ApiProperty({ type: 'integer', description: 'Jobs one pod runs at once.' }) jobsPerPod!: number;
  @ApiProperty({ description: 'How long load must stay low before idle pods are removed.' }) scaleDownDelaySeconds!: number;
  @ApiProperty({ description: 'How long a stopping executor lets running jobs finish.' }) drainSeconds!: number;
  @ApiProperty({ type: PoolPodsResponse, nullable: true, description: "The leader's last evaluation; null before the first one (or with pod management off)." })
  pods!: PoolPodsResponse | null;
  @ApiProperty({ type: PoolQueueResponse, description: 'Live queue counts.' }) queue!: PoolQueueResponse;
  @ApiPropertyOptional({ type: [TemplateUsageResponse], description: 'GET /pools/{name} only: the templates observed running in it.' })
  templates?: TemplateUsageResponse[];
}

@ApiSchema({ description: 'One pool and the pod driver.' })
export class PoolDetailResponse extends PoolResponse {
  @ApiProperty({ type: 'string', nullable: true, description: 'The pod driver (kubernetes, local), null with pod management off.' }) driver!: string | null;
}

@ApiSchema({ description: 'Every configured pool and the pod driver.' })
export class PoolListResponse {
  @ApiProperty({ type: 'string', nullable: true, description: 'The pod driver (kubernetes, local), null with pod management off.' }) driver!: string | null;
  @ApiProperty({ type: [PoolResponse], description: 'The pools.' }) pools!: PoolResponse[];
}

@ApiSchema({ description: 'A queue-level job error: its message and whether the queue may retry it.' })
export class QueueJobErrorResponse {
  @ApiProperty({ description: 'What went wrong.' }) message!: string;
  @ApiProperty({ description: 'false: dead-lettered at once; true: retried while attempts remain.' }) retryable!: boolean;
  @ApiPropertyOptional({ allOf: [schemaRef('JsonValue')], description: 'The executor report (code, step, details).' }) details?: unknown;
}

@ApiSchema({ description: 'A dead-lettered job; times in ISO 8601.' })
export class DeadLetterResponse {
  @ApiProperty({ description: 'The queue job id.' }) id!: string;
  @ApiProperty({ description: 'Its pool.' }) pool!: string;
  @ApiProperty({ description: 'Its priority.' }) priority!: number;
  @ApiProperty({ type: 'integer', description: 'The last attempt.' }) attempt!: number;
  @ApiProperty({ type: 'integer', description: 'Failed attempts.' }) failures!: number;
  @ApiProperty({ type: 'integer', description: 'Attempts allowed.' }) maxAttempts!: number;
  @ApiProperty({ format: 'date-time', description: 'When it was first queued.' }) createdAt!: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'When it was dead-lettered.' }) deadAt?: string;
  @ApiPropertyOptional({ type: QueueJobErrorResponse, description: 'Its last error.' }) lastError?: QueueJobErrorResponse;
  @ApiPropertyOptional({ allOf: [schemaRef('JsonObject')], description: 'What the submitter attached (workflow, job, template).' }) meta?: unknown;
  @ApiPropertyOptional({ allOf: [schemaRef('JsonObject')], description: 'GET of one job only: the payload (it may hold personal data).' }) payload?: unknown;
}

@ApiSchema({ description: 'A page of dead-lettered jobs, newest first.' })
export class DeadLetterPageResponse {
  @ApiProperty({ type: [DeadLetterResponse], description: 'The jobs of this page (without payloads).' }) items!: DeadLetterResponse[];
  @ApiProperty({ type: 'integer', description: 'Jobs in the dead letter right now.' }) total!: number;
  @ApiProperty({ type: 'string', nullable: true, description: 'Pass as cursor for the next page; null at the end.' }) nextCursor!: string | null;
}

@ApiSchema({ description: 'A requeued job.' })
export class RequeuedJobResponse {
  @ApiProperty({ description: 'The queue job id.' }) id!: string;
  @ApiProperty({ description: 'Its pool.' }) pool!: string;
  @ApiProperty({ enum: ['queued'], description: 'Always queued.' }) state!: string;
}

@ApiSchema({ description: 'The lease an executor holds on a job; times in ISO 8601.' })
export class PoolJobLeaseResponse {
  @ApiProperty({ description: 'The executor holding it.' }) executorId!: string;
  @ApiProperty({ format: 'date-time', description: 'When it was leased.' }) leasedAt!: string;
  @ApiProperty({ format: 'date-time', description: 'When the lease runs out unless the executor heartbeats.' }) expiresAt!: string;
}

@ApiSchema({ description: "A job in a pool's queue (queued, leased or delayed), without its payload; times in ISO 8601." })
export class PoolJobResponse {
  @ApiProperty({ description: 'The queue job id.', example: 'wf_123:charge:1' }) id!: string;
  @ApiProperty({ enum: POOL_JOB_STATES, description: 'Where it is.' }) state!: string;
  @ApiProperty({ description: 'Its base priority.' }) priority!: number;
  @ApiProperty({ description: 'Base priority + 0.1 × seconds waited since createdAt, at observedAt: what the queue pops by, highest first.' })
  effectivePriority!: number;
  @ApiProperty({ format: 'date-time', description: "When it was read (the queue's clock): effectivePriority and waitSeconds are as of then." })
  observedAt!: string;
  @ApiProperty({ format: 'date-time', description: 'When it started waiting (what its aging counts from).' }) createdAt!: string;
  @ApiProperty({ description: 'Seconds from createdAt to observedAt.' }) waitSeconds!: number;
  @ApiProperty({ type: 'integer', description: 'Leases so far; while leased, the current lease.' }) attempt!: number;
  @ApiProperty({ type: 'integer', description: 'Attempts allowed before it is dead-lettered.' }) maxAttempts!: number;
  @ApiProperty({ type: 'integer', description: 'Failed attempts and expired leases so far.' }) failures!: number;
  @ApiPropertyOptional({ description: 'The workflow of a workflow job.' }) workflowId?: string;
  @ApiPropertyOptional({ description: 'The job id within that workflow.' }) jobId?: string;
  @ApiPropertyOptional({ description: 'The job template of a workflow job.' }) templateId?: string;
  @ApiPropertyOptional({ type: PoolJobLeaseResponse, description: 'Leased jobs only: who holds it, until when.' }) lease?: PoolJobLeaseResponse;
  @ApiPropertyOptional({ format: 'date-time', description: 'Delayed jobs only: when it returns to the queue.' }) retryAt?: string;
}

@ApiSchema({ description: "A page of a pool's jobs in one state: queued in pop order, leased by lease expiry, delayed by retry time." })
export class PoolJobPageResponse {
  @ApiProperty({ type: [PoolJobResponse], description: 'The jobs of this page (never their payloads).' }) items!: PoolJobResponse[];
  @ApiProperty({ type: 'integer', description: 'Jobs in that state right now.' }) total!: number;
  @ApiProperty({ type: 'string', nullable: true, description: 'Pass as cursor for the next page; null at the end.' }) nextCursor!: string | null;
}
