import { BadRequestException, Body, Controller, Delete, Get, Headers, HttpCode, Inject, Param, Post, Query, Res, UsePipes } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiServiceUnavailableResponse,
  ApiTooManyRequestsResponse,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { parseCancelRequest, WorkflowEngine, type WorkflowRecord } from '@base-shift/workflow';
import { ListWorkflowsQuery } from './dto/list-workflows.query';
import { CancelWorkflowBody, CREATE_WORKFLOW_EXAMPLE, CreateWorkflowBody } from './dto/request-bodies';
import { MaxDepthPipe } from './http/max-depth.pipe';
import { problemValidationPipe } from './http/problem-validation-pipe';
import { ProblemResponse, toPageResponse, toWorkflowResponse, WorkflowPageResponse, WorkflowResponse } from './http/workflow-representation';
import { RequireScopes } from '../auth/auth.decorators';
import { WorkflowAdmission } from './workflow-admission';

// Printable ASCII without spaces at the ends: safe to hash, log and echo.
const IDEMPOTENCY_KEY = /^[\x21-\x7e](?:[\x20-\x7e]{0,253}[\x21-\x7e])?$/;

@ApiTags('workflows')
@Controller('workflows')
@UsePipes(new MaxDepthPipe())
export class WorkflowsController {
  constructor(
    @Inject(WorkflowEngine) private readonly engine: WorkflowEngine,
    @Inject(WorkflowAdmission) private readonly admission: WorkflowAdmission,
  ) {}

  @Post()
  @RequireScopes('workflows:write')
  @ApiOperation({ summary: 'Create a workflow: validate, pin template versions, start it and enqueue its first job(s).' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A repeat with the same key and body returns the first workflow (200); another body → 409.',
  })
  @ApiBody({
    type: CreateWorkflowBody,
    description: 'Checked against this schema, then references and the job graph (400 names every problem by its JSON Pointer).',
    examples: { order: { value: CREATE_WORKFLOW_EXAMPLE } },
  })
  @ApiCreatedResponse({ type: WorkflowResponse, description: 'Created; Location names it.' })
  @ApiOkResponse({ type: WorkflowResponse, description: 'A repeat of an Idempotency-Key: the first workflow (Idempotent-Replayed: true).' })
  @ApiBadRequestResponse({ type: ProblemResponse })
  @ApiConflictResponse({ type: ProblemResponse })
  @ApiPayloadTooLargeResponse({ type: ProblemResponse })
  @ApiUnsupportedMediaTypeResponse({ type: ProblemResponse })
  @ApiTooManyRequestsResponse({
    type: ProblemResponse,
    description: 'Too many creates in flight in this replica, or a pool the workflow needs has too many queued jobs (Retry-After).',
  })
  @ApiServiceUnavailableResponse({ type: ProblemResponse, description: 'Redis is unreachable (Retry-After).' })
  async create(
    @Body() body: unknown,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WorkflowResponse> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      const message = 'must be 1-255 printable ASCII characters';
      throw new BadRequestException({
        title: 'Invalid request',
        detail: `The Idempotency-Key header ${message}`,
        errors: [{ header: 'Idempotency-Key', message }],
      });
    }
    // First, before any work: past the bound the answer is an immediate 429,
    // unless this repeats a create that already happened (its answer is one read).
    const leave = this.admission.tryEnter();
    if (!leave) {
      const first = idempotencyKey === undefined ? null : await this.engine.replay(body, idempotencyKey);
      if (!first) throw this.admission.busy();
      return this.answer(response, first, false);
    }
    try {
      const { workflow, created } = await this.engine.create(body, idempotencyKey);
      return this.answer(response, workflow, created);
    } finally {
      leave();
    }
  }

  private answer(response: Response, workflow: WorkflowRecord, created: boolean): WorkflowResponse {
    response.status(created ? 201 : 200).location(`/workflows/${workflow.id}`);
    if (!created) response.setHeader('Idempotent-Replayed', 'true');
    return toWorkflowResponse(workflow);
  }

  @Get()
  @RequireScopes('workflows:read')
  @UsePipes(problemValidationPipe({ transform: true, what: 'query' }))
  @ApiOperation({ summary: 'List workflows, newest first, optionally by state.' })
  @ApiOkResponse({ type: WorkflowPageResponse })
  @ApiBadRequestResponse({ type: ProblemResponse })
  async list(@Query() query: ListWorkflowsQuery): Promise<WorkflowPageResponse> {
    return toPageResponse(await this.engine.list({ state: query.state, limit: query.limit ?? 20, cursor: query.cursor }));
  }

  @Get(':id')
  @RequireScopes('workflows:read')
  @ApiOperation({ summary: 'State, current job, jobs (state, attempts, timing, output, error) and transition history.' })
  @ApiOkResponse({ type: WorkflowResponse })
  @ApiNotFoundResponse({ type: ProblemResponse })
  async get(@Param('id') id: string): Promise<WorkflowResponse> {
    return toWorkflowResponse(await this.engine.get(id));
  }

  @Post(':id/cancel')
  @RequireScopes('workflows:write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel: CANCELLED, queued jobs removed, running jobs told to stop (on their next heartbeat). Repeating it is harmless.' })
  @ApiBody({ type: CancelWorkflowBody, required: false })
  @ApiOkResponse({ type: WorkflowResponse })
  @ApiNotFoundResponse({ type: ProblemResponse })
  @ApiConflictResponse({ type: ProblemResponse, description: 'The workflow already COMPLETED or FAILED.' })
  async cancel(@Param('id') id: string, @Body() body: unknown): Promise<WorkflowResponse> {
    return toWorkflowResponse(await this.engine.cancel(id, parseCancelRequest(body).reason));
  }

  @Post(':id/retry')
  @RequireScopes('workflows:write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Re-run a FAILED workflow from its failed job(s); succeeded jobs keep their output.' })
  @ApiOkResponse({ type: WorkflowResponse })
  @ApiNotFoundResponse({ type: ProblemResponse })
  @ApiConflictResponse({ type: ProblemResponse, description: 'The workflow is not FAILED.' })
  async retry(@Param('id') id: string): Promise<WorkflowResponse> {
    return toWorkflowResponse(await this.engine.retry(id));
  }

  @Delete(':id')
  @RequireScopes('workflows:write')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a finished workflow (COMPLETED, FAILED, CANCELLED) with its jobs, history and template snapshots, before its retention ends.',
  })
  @ApiNoContentResponse({ description: 'Deleted; GET answers 404 from now on.' })
  @ApiNotFoundResponse({ type: ProblemResponse })
  @ApiConflictResponse({ type: ProblemResponse, description: 'The workflow has not finished (cancel it first).' })
  async delete(@Param('id') id: string): Promise<void> {
    await this.engine.delete(id);
  }
}
