import { Controller, Get, Inject, Param, Query, UsePipes } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { JobQueue, QueueError } from '@base-shift/queue';
import { RequireScopes } from '../auth/auth.decorators';
import { invalidRequest, problemValidationPipe } from '../workflows/http/problem-validation-pipe';
import { PoolJobPageResponse } from './http/pool-responses';
import { PoolJobsQuery } from './http/pool-jobs.query';
import { toPoolJob, type PoolJobPage } from './http/pool-job-representation';

/**
 * A pool's live queue, read-only: what waits (in the order executors will get
 * it), what runs and what waits for a retry. Payloads never leave: they hold
 * the jobs' inputs; the dead letter (admin) is the place to read one.
 */
@ApiTags('pools')
@Controller('pools/:pool/jobs')
@RequireScopes('pools:read')
export class PoolJobsController {
  constructor(@Inject(JobQueue) private readonly queue: JobQueue) {}

  @Get()
  @UsePipes(problemValidationPipe({ transform: true, what: 'query' }))
  @ApiParam({ name: 'pool', description: 'The pool name.', schema: { type: 'string', example: 'default' } })
  @ApiOperation({
    operationId: 'listPoolJobs',
    summary: "List a pool's jobs",
    description:
      "A pool's queued jobs in pop order (highest effective priority first, effective = base + 0.1 × seconds waited), its leased jobs by lease expiry or its delayed jobs by retry time, a page at a time. Without payloads: of a workflow job only its workflow, job and template ids.",
  })
  @ApiOkResponse({ type: PoolJobPageResponse, description: 'A page; pass nextCursor back as cursor.' })
  @ApiBadRequestResponse({ description: 'A query parameter is invalid; errors names it (/state, /limit, /cursor).' })
  @ApiNotFoundResponse({ description: 'No such pool.' })
  async list(@Param('pool') pool: string, @Query() query: PoolJobsQuery): Promise<PoolJobPage> {
    const state = query.state ?? 'queued';
    const page = await this.queue
      .listJobs(pool, state, { limit: query.limit ?? 20, ...(query.cursor !== undefined && { cursor: query.cursor }) })
      .catch((error: unknown) => {
        // The queue owns the cursor's format; the caller named it `cursor`, not the queue's `/page/cursor`.
        if (error instanceof QueueError && error.code === 'QUEUE.INVALID_ARGUMENT' && 'field' in error && error.field === '/page/cursor') {
          throw invalidRequest([{ pointer: '/cursor', message: 'must be a nextCursor of this list' }], 'query');
        }
        throw error;
      });
    return {
      items: page.jobs.map((job) => toPoolJob(job, state)),
      total: page.total,
      nextCursor: page.nextCursor ?? null,
    };
  }
}
