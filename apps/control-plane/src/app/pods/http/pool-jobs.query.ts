import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../../http/page.query';
import { POOL_JOB_STATES, type PoolJobState } from './pool-job-representation';

/** `?state=&limit=&cursor=` of GET /pools/{pool}/jobs. */
export class PoolJobsQuery extends PageQuery {
  @ApiPropertyOptional({
    enum: POOL_JOB_STATES,
    default: 'queued',
    description: 'Which jobs: queued (in pop order), leased (soonest lease expiry first) or delayed (soonest retry first).',
  })
  @IsOptional()
  @IsIn(POOL_JOB_STATES, { message: `must be one of ${POOL_JOB_STATES.join(', ')}` })
  state?: PoolJobState;
}
