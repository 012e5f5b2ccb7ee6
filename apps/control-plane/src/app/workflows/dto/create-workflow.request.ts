import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { JOB_ID_PATTERN, MAX_JOBS_PER_WORKFLOW } from '@base-shift/workflow';

const PRIORITY = { minimum: -1000, maximum: 1000 };
const INPUT_DOC =
  'JSON object. Anywhere inside, {"$ref": "input.<path>"} takes a value from the workflow input and ' +
  '{"$ref": "jobs.<jobId>.output.<path>"} from the output of a job that runs before this one; resolved when the job is enqueued.';

export class CreateWorkflowJobRequest {
  @ApiProperty({ example: 'payment_processing', pattern: JOB_ID_PATTERN.source, description: 'Unique within the workflow.' })
  @IsString({ message: 'must be a string' })
  @Matches(JOB_ID_PATTERN, { message: `must match ${JOB_ID_PATTERN} (a letter, then up to 63 letters, digits, "_" or "-")` })
  id!: string;

  @ApiProperty({ example: 'payment_processing' })
  @IsString({ message: 'must be a string' })
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(128, { message: 'must be at most 128 characters' })
  templateId!: string;

  @ApiPropertyOptional({ example: '^1.0', description: 'Exact version or semver range; absent = highest released, non-deprecated version. The resolved version is pinned.' })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @MaxLength(100, { message: 'must be at most 100 characters' })
  version?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: INPUT_DOC, example: { orderId: { $ref: 'input.orderId' } } })
  @IsOptional()
  @IsObject({ message: 'must be a JSON object' })
  input?: Record<string, unknown>;

  @ApiPropertyOptional({ ...PRIORITY, description: 'Overrides the workflow priority and the template default.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'must be a number' })
  @Min(PRIORITY.minimum, { message: `must be >= ${PRIORITY.minimum}` })
  @Max(PRIORITY.maximum, { message: `must be <= ${PRIORITY.maximum}` })
  priority?: number;

  @ApiPropertyOptional({
    type: [String],
    description: 'Jobs that must succeed first. When no job of the workflow sets dependsOn, jobs run one after another in list order.',
  })
  @IsOptional()
  @IsArray({ message: 'must be an array of job ids' })
  @IsString({ each: true, message: 'must contain job ids (strings)' })
  @ArrayMaxSize(MAX_JOBS_PER_WORKFLOW, { message: `must list at most ${MAX_JOBS_PER_WORKFLOW} jobs` })
  dependsOn?: string[];
}

export class CreateWorkflowRequest {
  @ApiPropertyOptional({ example: 'order o-1001', maxLength: 200 })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(200, { message: 'must be at most 200 characters' })
  name?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'The workflow input, referenced by jobs as {"$ref": "input.<path>"}.' })
  @IsOptional()
  @IsObject({ message: 'must be a JSON object' })
  input?: Record<string, unknown>;

  @ApiPropertyOptional({ ...PRIORITY, description: 'Priority of every job that sets none; default: each template\'s.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'must be a number' })
  @Min(PRIORITY.minimum, { message: `must be >= ${PRIORITY.minimum}` })
  @Max(PRIORITY.maximum, { message: `must be <= ${PRIORITY.maximum}` })
  priority?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 2_592_000, description: 'Whole-workflow deadline in seconds from creation; exceeded = FAILED.' })
  @IsOptional()
  @IsInt({ message: 'must be an integer' })
  @Min(1, { message: 'must be >= 1' })
  @Max(2_592_000, { message: 'must be <= 2592000' })
  timeoutSeconds?: number;

  @ApiProperty({ type: [CreateWorkflowJobRequest], minItems: 1, maxItems: MAX_JOBS_PER_WORKFLOW })
  @IsArray({ message: 'must be an array of jobs' })
  @ArrayMinSize(1, { message: 'must contain at least one job' })
  @ArrayMaxSize(MAX_JOBS_PER_WORKFLOW, { message: `must contain at most ${MAX_JOBS_PER_WORKFLOW} jobs` })
  @ValidateNested({ each: true })
  @Type(() => CreateWorkflowJobRequest)
  jobs!: CreateWorkflowJobRequest[];
}
