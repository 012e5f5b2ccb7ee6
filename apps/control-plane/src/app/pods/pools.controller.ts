import { Controller, Get, Inject, NotFoundException, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { PoolDetailResponse, PoolListResponse } from './http/pool-responses';
import { templateUsage, TemplateStatsStore, type PodManager, type PoolConfig, type PoolStatus } from '@base-shift/pods';
import { JobQueue } from '@base-shift/queue';
import { POD_MANAGER, POOL_CONFIGS } from './pod-manager.provider';
import { toPoolRepresentation, type PoolRepresentation } from './pool-representation';
import { RequireScopes } from '../auth/auth.decorators';

/**
 * Executor pools: configuration, the leader's last autoscaling evaluation
 * (desired / current / ready pods), live queue counts, and — per pool — the
 * templates observed running there with the pool their jobs need.
 */
@ApiTags('pools')
@Controller('pools')
@RequireScopes('pools:read')
export class PoolsController {
  constructor(
    @Inject(POD_MANAGER) private readonly manager: PodManager | null,
    @Inject(POOL_CONFIGS) private readonly pools: PoolConfig[],
    @Inject(TemplateStatsStore) private readonly templates: TemplateStatsStore,
    @Inject(JobQueue) private readonly queue: JobQueue,
  ) {}

  @Get()
  @ApiOperation({
    operationId: 'listPools',
    summary: 'List executor pools',
    description: "Every configured pool with its configuration, the leader's last autoscaling evaluation (pods) and its live queue counts.",
  })
  @ApiOkResponse({ type: PoolListResponse, description: 'Every configured pool.' })
  async list(): Promise<{ driver: string | null; pools: PoolRepresentation[] }> {
    const statuses = await this.statuses();
    const pools = await Promise.all(this.pools.map(async (pool) => toPoolRepresentation(pool, statuses.get(pool.name), await this.queue.stats(pool.name))));
    return { driver: this.manager?.driver.kind ?? null, pools };
  }

  @Get(':name')
  @ApiParam({ name: 'name', description: 'The pool name.', schema: { type: 'string', example: 'default' } })
  @ApiOperation({
    operationId: 'getPool',
    summary: 'Get an executor pool',
    description: 'One pool as listed, plus the templates observed running in it and the pool each needs (a larger one after OOM kills).',
  })
  @ApiOkResponse({ type: PoolDetailResponse, description: 'The pool.' })
  @ApiNotFoundResponse({ description: 'No pool has this name.' })
  async get(@Param('name') name: string): Promise<PoolRepresentation & { driver: string | null }> {
    const pool = this.pools.find((candidate) => candidate.name === name);
    if (!pool) {
      throw new NotFoundException({
        title: 'Pool not found',
        detail: `no pool named ${JSON.stringify(name)}; pools: ${this.pools.map((p) => p.name).join(', ')}`,
      });
    }
    const [statuses, stats, usage] = await Promise.all([this.statuses(), this.queue.stats(name), this.templates.read()]);
    const templates = templateUsage(
      usage.filter((entry) => entry.pool === name),
      this.pools,
    );
    return { driver: this.manager?.driver.kind ?? null, ...toPoolRepresentation(pool, statuses.get(name), stats, templates) };
  }

  private async statuses(): Promise<Map<string, PoolStatus>> {
    if (!this.manager) return new Map();
    return new Map((await this.manager.poolViews()).flatMap((view) => (view.status ? [[view.config.name, view.status] as const] : [])));
  }
}
