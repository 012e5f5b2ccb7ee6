import { Controller, Delete, Get, HttpCode, Inject, NotFoundException, Param, Post, Query, UsePipes } from '@nestjs/common';
import { ApiConflictResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
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
  @ApiOperation({ summary: 'Dead-lettered jobs of a pool, newest first, each with its last error (payloads are left out: GET one job for it).' })
  @ApiOkResponse({ description: 'A page; pass nextCursor back as cursor.' })
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
  @ApiOperation({ summary: 'One dead-lettered job with its payload and last error (values of writeOnly input fields left out).' })
  @ApiOkResponse({ description: 'The job.' })
  @ApiNotFoundResponse({ description: 'No such pool, or no such job in its dead letter.' })
  async get(@Param('pool') pool: string, @Param('jobId') jobId: string): Promise<DeadLetter> {
    const job = await this.deadJob(pool, jobId);
    return toDeadLetter({ ...job, payload: await this.workflows.redactJobPayload(job.payload) }, true);
  }

  @Post(':jobId/requeue')
  @HttpCode(200)
  @ApiOperation({ summary: 'Put a dead-lettered job back in the queue with its failure count reset.' })
  @ApiOkResponse({ description: 'Requeued: the job as it is now queued.' })
  @ApiNotFoundResponse({ description: 'No such pool or job.' })
  @ApiConflictResponse({ description: 'The job is not dead-lettered (any more).' })
  async requeue(@Param('pool') pool: string, @Param('jobId') jobId: string): Promise<{ id: string; pool: string; state: string }> {
    await this.queue.requeueDead(pool, jobId);
    return { id: jobId, pool, state: 'queued' };
  }

  @Delete(':jobId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Purge a dead-lettered job for good, payload included.' })
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
