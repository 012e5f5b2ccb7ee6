import { Body, Controller, Inject, Param, Put, UsePipes } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { parseJobUpdateRequest, WorkflowEngine } from '@base-shift/workflow';
import { UpdateJobBody } from './dto/request-bodies';
import { MaxDepthPipe } from './http/max-depth.pipe';
import { ApiWorkflowId } from './http/workflow-api-docs';
import { toWorkflowResponse, WorkflowResponse } from './http/workflow-representation';
import { RequireScopes } from '../auth/auth.decorators';

@ApiTags('workflows')
@Controller('workflows/:id/jobs')
@UsePipes(new MaxDepthPipe())
export class WorkflowJobsController {
  constructor(@Inject(WorkflowEngine) private readonly engine: WorkflowEngine) {}

  @Put(':jobId')
  @RequireScopes('jobs:write')
  @ApiWorkflowId()
  @ApiParam({ name: 'jobId', description: 'The job id within the workflow (its `id` in the create request).', schema: { type: 'string' } })
  @ApiOperation({
    operationId: 'updateJob',
    summary: "Set a job's status",
    description:
      "For external systems and manual intervention: RUNNING, SUCCEEDED (with an output, checked against the template's outputSchema) or FAILED " +
      '(with an error; a string is stored as {message}). The job leaves the queue’s hands. Repeating the same update is harmless.',
  })
  @ApiBody({
    type: UpdateJobBody,
    description: 'The new status and its output or error.',
    examples: {
      succeeded: { summary: 'A job done elsewhere', value: { status: 'SUCCEEDED', output: { total: 3 } } },
      failed: { summary: 'A failure, as a message', value: { status: 'FAILED', error: 'warehouse offline' } },
    },
  })
  @ApiOkResponse({ type: WorkflowResponse, description: 'The workflow after the update.' })
  @ApiBadRequestResponse({ description: 'Invalid body, or an output that does not match the template outputSchema.' })
  @ApiNotFoundResponse({ description: 'No such workflow, or no such job in it.' })
  @ApiPayloadTooLargeResponse({ description: 'The body is larger than allowed.' })
  @ApiUnsupportedMediaTypeResponse({ description: 'The body is not application/json.' })
  @ApiConflictResponse({ description: 'Illegal move for the job state machine, stale attempt, or another result for a finished job.' })
  async update(@Param('id') id: string, @Param('jobId') jobId: string, @Body() body: unknown): Promise<WorkflowResponse> {
    return toWorkflowResponse(await this.engine.updateJob(id, jobId, parseJobUpdateRequest(body)));
  }
}
