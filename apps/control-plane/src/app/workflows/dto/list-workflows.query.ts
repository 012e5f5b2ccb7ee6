import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { WORKFLOW_STATES, type WorkflowState } from '@base-shift/workflow';
import { PageQuery } from '../../http/page.query';

export class ListWorkflowsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: WORKFLOW_STATES, description: 'Only workflows in this state.' })
  @IsOptional()
  @IsIn(WORKFLOW_STATES, { message: `must be one of ${WORKFLOW_STATES.join(', ')}` })
  state?: WorkflowState;
}
