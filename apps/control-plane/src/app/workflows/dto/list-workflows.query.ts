import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { WORKFLOW_STATES, type WorkflowState } from '@base-shift/workflow';

export class ListWorkflowsQuery {
  @ApiPropertyOptional({ enum: WORKFLOW_STATES })
  @IsOptional()
  @IsIn(WORKFLOW_STATES, { message: `must be one of ${WORKFLOW_STATES.join(', ')}` })
  state?: WorkflowState;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer' })
  @Min(1, { message: 'must be >= 1' })
  @Max(100, { message: 'must be <= 100' })
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page.' })
  @IsOptional()
  @IsString({ message: 'must be a single string' })
  @MaxLength(200, { message: 'must be at most 200 characters' })
  cursor?: string;
}
