import { Body, Controller, Inject, Param, Put, UsePipes } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { parseJobUpdateRequest, WorkflowEngine } from '@base-shift/workflow';
import { UpdateJobBody } from './dto/request-bodies';
import { MaxDepthPipe } from './http/max-depth.pipe';
import { ProblemResponse, toWorkflowResponse, WorkflowResponse } from './http/workflow-representation';
import { RequireScopes } from '../auth/auth.decorators';

@ApiTags('workflows')
@Controller('workflows/:id/jobs')
@UsePipes(new MaxDepthPipe())
export class WorkflowJobsController {
  constructor(@Inject(WorkflowEngine) private readonly engine: WorkflowEngine) {}

  @Put(':jobId')
  @RequireScopes('jobs:write')
  @ApiOperation({
    summary: "Set a job's status (external systems, manual intervention). The job leaves the queue's hands. Repeating the same update is harmless.",
  })
  @ApiBody({ type: UpdateJobBody })
  @ApiOkResponse({ type: WorkflowResponse })
  @ApiBadRequestResponse({ type: ProblemResponse, description: 'Invalid body, or an output that does not match the template outputSchema.' })
  @ApiNotFoundResponse({ type: ProblemResponse })
  @ApiConflictResponse({ type: ProblemResponse, description: 'Illegal move for the job state machine, stale attempt, or another result for a finished job.' })
  async update(@Param('id') id: string, @Param('jobId') jobId: string, @Body() body: unknown): Promise<WorkflowResponse> {
    return toWorkflowResponse(await this.engine.updateJob(id, jobId, parseJobUpdateRequest(body)));
  }
}
