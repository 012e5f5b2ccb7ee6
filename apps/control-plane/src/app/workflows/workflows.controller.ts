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
import { ApiWorkflowId, CREATED_HEADERS, IDEMPOTENCY_KEY_SCHEMA } from './http/workflow-api-docs';
import { toPageResponse, toWorkflowResponse, WorkflowPageResponse, WorkflowResponse } from './http/workflow-representation';
import { RequireScopes } from '../auth/auth.decorators';
import { WorkflowAdmission } from './workflow-admission';

const IDEMPOTENCY_KEY = new RegExp(IDEMPOTENCY_KEY_SCHEMA.pattern);

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
  @ApiOperation({
    operationId: 'createWorkflow',
    summary: 'Create and start a workflow',
    description:
      'Validates the body, pins each job to a template version (exact or semver range), stores the workflow and enqueues the job(s) that can run first. ' +
      'With an Idempotency-Key a repeat of the same request returns the first workflow instead of making another.',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A repeat with the same key and body returns the first workflow (200, Idempotent-Replayed: true); another body → 409.',
    schema: IDEMPOTENCY_KEY_SCHEMA,
  })
  @ApiBody({
    type: CreateWorkflowBody,
    description: 'Checked against this schema, then references and the job graph (400 names every problem by its JSON Pointer).',
    examples: { order: { summary: 'Three jobs of an order, one after another', value: CREATE_WORKFLOW_EXAMPLE } },
  })
  @ApiCreatedResponse({ type: WorkflowResponse, description: 'Created and started; Location names it.', headers: CREATED_HEADERS })
  @ApiOkResponse({
    type: WorkflowResponse,
    description: 'A repeat of an Idempotency-Key: the first workflow.',
    headers: {
      ...CREATED_HEADERS,
      'Idempotent-Replayed': { description: 'true: this answers an earlier request with the same key.', schema: { type: 'string', enum: ['true'] } },
    },
  })
  @ApiBadRequestResponse({
    description: 'The body breaks the schema, names an unknown template or version, or its jobs form a cycle; errors lists each problem.',
  })
  @ApiConflictResponse({ description: 'The Idempotency-Key was used with another body.' })
  @ApiPayloadTooLargeResponse({ description: 'The body, or a job input once resolved, is larger than allowed.' })
  @ApiUnsupportedMediaTypeResponse({ description: 'The body is not application/json.' })
  @ApiTooManyRequestsResponse({
    description:
      'Too many creates in flight in this replica, a pool the workflow needs has too many queued jobs, or the caller’s rate limit is spent (Retry-After).',
  })
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
  @ApiOperation({
    operationId: 'listWorkflows',
    summary: 'List workflows',
    description: 'Workflows newest first, optionally only those in one state, a page at a time (pass nextCursor back as cursor).',
  })
  @ApiOkResponse({ type: WorkflowPageResponse, description: 'A page of workflows.' })
  @ApiBadRequestResponse({ description: 'A query parameter is out of bounds; errors names it (/limit, /cursor, /state).' })
  async list(@Query() query: ListWorkflowsQuery): Promise<WorkflowPageResponse> {
    return toPageResponse(await this.engine.list({ state: query.state, limit: query.limit ?? 20, cursor: query.cursor }));
  }

  @Get(':id')
  @RequireScopes('workflows:read')
  @ApiWorkflowId()
  @ApiOperation({
    operationId: 'getWorkflow',
    summary: 'Get a workflow',
    description: 'State, current job, jobs (state, attempts, timing, input, output, error) and the transition history.',
  })
  @ApiOkResponse({ type: WorkflowResponse, description: 'The workflow.' })
  @ApiNotFoundResponse({ description: 'No workflow has this id (or it was deleted at the end of its retention).' })
  async get(@Param('id') id: string): Promise<WorkflowResponse> {
    return toWorkflowResponse(await this.engine.get(id));
  }

  @Post(':id/cancel')
  @RequireScopes('workflows:write')
  @HttpCode(200)
  @ApiWorkflowId()
  @ApiOperation({
    operationId: 'cancelWorkflow',
    summary: 'Cancel a workflow',
    description: 'The workflow becomes CANCELLED: queued jobs are removed, running jobs are told to stop (on their next heartbeat). Repeating it is harmless.',
  })
  @ApiBody({ type: CancelWorkflowBody, required: false, description: 'Optional: why it is cancelled.' })
  @ApiOkResponse({ type: WorkflowResponse, description: 'The workflow, CANCELLED.' })
  @ApiBadRequestResponse({ description: 'The body breaks its schema.' })
  @ApiPayloadTooLargeResponse({ description: 'The body is larger than allowed.' })
  @ApiUnsupportedMediaTypeResponse({ description: 'The body is not application/json.' })
  @ApiNotFoundResponse({ description: 'No workflow has this id.' })
  @ApiConflictResponse({ description: 'The workflow already COMPLETED or FAILED.' })
  async cancel(@Param('id') id: string, @Body() body: unknown): Promise<WorkflowResponse> {
    return toWorkflowResponse(await this.engine.cancel(id, parseCancelRequest(body).reason));
  }

  @Post(':id/retry')
  @RequireScopes('workflows:write')
  @HttpCode(200)
  @ApiWorkflowId()
  @ApiOperation({
    operationId: 'retryWorkflow',
    summary: 'Retry a failed workflow',
    description: 'Re-runs a FAILED workflow from its failed job(s), with their attempts reset; jobs that succeeded keep their output.',
  })
  @ApiOkResponse({ type: WorkflowResponse, description: 'The workflow, RUNNING again.' })
  @ApiNotFoundResponse({ description: 'No workflow has this id.' })
  @ApiConflictResponse({ description: 'The workflow is not FAILED.' })
  async retry(@Param('id') id: string): Promise<WorkflowResponse> {
    return toWorkflowResponse(await this.engine.retry(id));
  }

  @Delete(':id')
  @RequireScopes('workflows:write')
  @HttpCode(204)
  @ApiWorkflowId()
  @ApiOperation({
    operationId: 'deleteWorkflow',
    summary: 'Delete a finished workflow',
    description: 'Deletes a COMPLETED, FAILED or CANCELLED workflow with its jobs, history and template snapshots, before its retention ends.',
  })
  @ApiNoContentResponse({ description: 'Deleted; GET answers 404 from now on.' })
  @ApiNotFoundResponse({ description: 'No workflow has this id.' })
  @ApiConflictResponse({ description: 'The workflow has not finished (cancel it first).' })
  async delete(@Param('id') id: string): Promise<void> {
    await this.engine.delete(id);
  }
}
