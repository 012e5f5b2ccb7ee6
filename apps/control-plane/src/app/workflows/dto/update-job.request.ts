import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, IsIn, IsInt, IsOptional, Min, ValidateIf, IsObject, IsString, MaxLength } from 'class-validator';

export const SETTABLE_JOB_STATUSES = ['RUNNING', 'SUCCEEDED', 'FAILED'] as const;

export class UpdateJobRequest {
  @ApiProperty({ enum: SETTABLE_JOB_STATUSES, description: 'Checked against the job state machine (409 on an illegal move).' })
  @IsIn(SETTABLE_JOB_STATUSES, { message: `must be one of ${SETTABLE_JOB_STATUSES.join(', ')}` })
  status!: (typeof SETTABLE_JOB_STATUSES)[number];

  @ApiPropertyOptional({ description: 'SUCCEEDED: the job output (default {}), validated against the template outputSchema (400 if it does not match).' })
  @Allow()
  output?: unknown;

  @ApiPropertyOptional({ description: 'FAILED: a message or an object with a `message`.', oneOf: [{ type: 'string' }, { type: 'object' }] })
  @IsOptional()
  @ValidateIf((body: UpdateJobRequest) => typeof body.error !== 'string')
  @IsObject({ message: 'must be a string or a JSON object' })
  error?: string | Record<string, unknown>;

  @ApiPropertyOptional({ minimum: 0, description: 'The job\'s current attempt as last read; a different one is refused (409).' })
  @IsOptional()
  @IsInt({ message: 'must be an integer' })
  @Min(0, { message: 'must be >= 0' })
  attempt?: number;
}

export class CancelWorkflowRequest {
  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @MaxLength(500, { message: 'must be at most 500 characters' })
  reason?: string;
}
