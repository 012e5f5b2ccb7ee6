import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** `?limit=&cursor=` of every paginated list (workflows, dead letters): one set of bounds. */
export class PageQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 20, description: 'Items per page.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer' })
  @Min(1, { message: 'must be >= 1' })
  @Max(100, { message: 'must be <= 100' })
  limit?: number;

  @ApiPropertyOptional({ maxLength: 200, description: 'nextCursor of the previous page.' })
  @IsOptional()
  @IsString({ message: 'must be a single string' })
  @MaxLength(200, { message: 'must be at most 200 characters' })
  cursor?: string;
}
