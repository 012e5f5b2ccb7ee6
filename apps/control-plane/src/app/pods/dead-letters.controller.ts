import { Controller, Delete, Get, HttpCode, Inject, NotFoundException, Param, Post, Query, UsePipes } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { DeadLetterPageResponse, DeadLetterResponse, RequeuedJobResponse } from './http/pool-responses';
import { JobQueue, type JobInfo } from '@base-shift/queue';
import { WorkflowEngine } from '@base-shift/workflow';
import { RequireScopes } from '../auth/auth.decorators';
import { problemValidationPipe } from '../workflows/http/problem-validation-pipe';
import { PageQuery } from '../http/page.query';
import { toDeadLetter, type DeadLetter, type DeadLetterPage } from './http/dead-letter-representation';

/**
 * A pool's dead letter: jobs that used up their attempts or failed for good.
 * Operators inspect them, put them back in the queue or purge them (their
 * payload may hold personal data). Admin only; state changes are audited.
 */
@ApiTags('pools')
@Controller('pools/:pool/dead-letters')
@RequireScopes('admin')
export class DeadLettersController {
  constructor(
    @Inject(JobQueue) private readonly queue: JobQueue,
    @Inject(WorkflowEngine) private readonly workflows: WorkflowEngine,
  ) {}

  @Get()
  @UsePipes(problemValidationPipe({ transform: true, what: 'query' }))
  @ApiParam({ name: 'pool', description: 'The pool name.', schema: { type: 'string', example: 'default' } })
  @ApiOperation({
    operationId: 'listDeadLetters',
    summary: "List a pool's dead letter",
    description: 'Dead-lettered jobs of a pool, newest first, each with its last error (payloads are left out: GET one job for it).',
  })
  @ApiOkResponse({ type: DeadLetterPageResponse, description: 'A page; pass nextCursor back as cursor.' })
  @ApiBadRequestResponse({ description: 'A query parameter is out of bounds; errors names it.' })
  @ApiNotFoundResponse({ description: 'No such pool.' })
  async list(@Param('pool') pool: string, @Query() query: PageQuery): Promise<DeadLetterPage> {
    const page = await this.queue.listJobs(pool, 'dead', { limit: query.limit ?? 20, ...(query.cursor !== undefined && { cursor: query.cursor }) });
    return {
      items: page.jobs.map((job) => toDeadLetter(job, false)),
      total: page.total,
      nextCursor: page.nextCursor ?? null,
    };
  }

  @Get(':jobId')
  @ApiParam({ name: 'pool', description: 'The pool name.', schema: { type: 'string', example: 'default' } })
  @ApiParam({ name: 'jobId', description: 'The queue job id of the dead-lettered job.', schema: { type: 'string' } })
  @ApiOperation({
    operationId: 'getDeadLetter',
    summary: 'Get a dead-lettered job',
    description: 'One dead-lettered job with its payload and last error (values of writeOnly input fields left out).',
  })
  @ApiOkResponse({ type: DeadLetterResponse, description: 'The job.' })
  @ApiNotFoundResponse({ description: 'No such pool, or no such job in its dead letter.' })
  async get(@Param('pool') pool: string, @Param('jobId') jobId: string): Promise<DeadLetter> {
    const job = await this.deadJob(pool, jobId);
    return toDeadLetter({ ...job, payload: await this.workflows.redactJobPayload(job.payload) }, true);
  }

  @Post(':jobId/requeue')
  @HttpCode(200)
  @ApiParam({ name: 'pool', description: 'The pool name.', schema: { type: 'string', example: 'default' } })
  @ApiParam({ name: 'jobId', description: 'The queue job id of the dead-lettered job.', schema: { type: 'string' } })
  @ApiOperation({
    operationId: 'requeueDeadLetter',
    summary: 'Requeue a dead-lettered job',
    description: 'Puts a dead-lettered job back in the queue with its failure count reset.',
  })
  @ApiOkResponse({ type: RequeuedJobResponse, description: 'Requeued: the job as it is now queued.' })
  @ApiNotFoundResponse({ description: 'No such pool or job.' })
  @ApiConflictResponse({ description: 'The job is not dead-lettered (any more).' })
  async requeue(@Param('pool') pool: string, @Param('jobId') jobId: string): Promise<{ id: string; pool: string; state: string }> {
    await this.queue.requeueDead(pool, jobId);
    return { id: jobId, pool, state: 'queued' };
  }

  @Delete(':jobId')
  @HttpCode(204)
  @ApiParam({ name: 'pool', description: 'The pool name.', schema: { type: 'string', example: 'default' } })
  @ApiParam({ name: 'jobId', description: 'The queue job id of the dead-lettered job.', schema: { type: 'string' } })
  @ApiOperation({
    operationId: 'purgeDeadLetter',
    summary: 'Purge a dead-lettered job',
    description: 'Deletes a dead-lettered job for good, payload included.',
  })
  @ApiNoContentResponse({ description: 'Purged.' })
  @ApiNotFoundResponse({ description: 'No such pool or job.' })
  @ApiConflictResponse({ description: 'The job is not dead-lettered.' })
  async purge(@Param('pool') pool: string, @Param('jobId') jobId: string): Promise<void> {
    await this.queue.purgeDead(pool, jobId);
  }

  private async deadJob(pool: string, jobId: string): Promise<JobInfo> {
    const job = await this.queue.getJob(pool, jobId);
    if (!job || job.state !== 'dead') {
      throw new NotFoundException({ title: 'Job not found', detail: `pool ${JSON.stringify(pool)} has no dead-lettered job ${JSON.stringify(jobId)}` });
    }
    return job;
  }
}
