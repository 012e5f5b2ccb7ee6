import { Body, Controller, Inject, Param, Put, UseInterceptors, UsePipes } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { WorkflowEngine, type JsonValue } from '@base-shift/workflow';
import { UpdateJobRequest } from './dto/update-job.request';
import { MaxDepthPipe } from './http/max-depth.pipe';
import { problemValidationPipe } from './http/problem-validation-pipe';
import { WorkflowErrorInterceptor } from './http/workflow-error.interceptor';
import { ProblemResponse, toWorkflowResponse, WorkflowResponse } from './http/workflow-representation';

@ApiTags('workflows')
@Controller('workflows/:id/jobs')
@UseInterceptors(WorkflowErrorInterceptor)
@UsePipes(new MaxDepthPipe(), problemValidationPipe({ transform: false }))
export class WorkflowJobsController {
  constructor(@Inject(WorkflowEngine) private readonly engine: WorkflowEngine) {}

  @Put(':jobId')
  @ApiOperation({
    summary: "Set a job's status (external systems, manual intervention). The job leaves the queue's hands. Repeating the same update is harmless.",
  })
  @ApiOkResponse({ type: WorkflowResponse })
  @ApiBadRequestResponse({ type: ProblemResponse, description: 'Invalid body, or an output that does not match the template outputSchema.' })
  @ApiNotFoundResponse({ type: ProblemResponse })
  @ApiConflictResponse({ type: ProblemResponse, description: 'Illegal move for the job state machine, stale attempt, or another result for a finished job.' })
  async update(@Param('id') id: string, @Param('jobId') jobId: string, @Body() body: UpdateJobRequest): Promise<WorkflowResponse> {
    const record = await this.engine.updateJob(id, jobId, {
      status: body.status,
      ...(body.output !== undefined ? { output: body.output as JsonValue } : {}),
      ...(body.error !== undefined ? { error: body.error as JsonValue } : {}),
      ...(body.attempt !== undefined ? { attempt: body.attempt } : {}),
    });
    return toWorkflowResponse(record);
  }
}
