import { parseQuantity } from '../pools/quantity';
import type { PoolConfig } from '../pools/pool-config';
import type { TemplateStats } from './template-stats-store';

/** A template's observed runs in a pool, and the pool its jobs need. */
export interface TemplateUsage {
  templateId: string;
  /** Where its jobs ran (its resourceClass). */
  pool: string;
  runs: number;
  meanSeconds: number;
  maxSeconds: number;
  oomKills: number;
  /** The pool its jobs need: the same, or the next larger by memory limit when they were OOMKilled. */
  recommendedPool: string;
  reason: string;
}

/**
 * Resource optimization: a template whose jobs were running when their pod was
 * OOMKilled needs more memory than its pool gives — recommend the smallest pool
 * with a larger memory limit. Otherwise the pool it runs in fits. (Per-job
 * memory cannot be measured inside a multi-job pod; OOM kills are the signal.)
 */
export function templateUsage(stats: readonly TemplateStats[], pools: readonly PoolConfig[]): TemplateUsage[] {
  return stats.map((entry) => {
    const usage = {
      templateId: entry.templateId,
      pool: entry.pool,
      runs: entry.runs,
      meanSeconds: entry.runs > 0 ? round(entry.totalMs / entry.runs / 1000) : 0,
      maxSeconds: round(entry.maxMs / 1000),
      oomKills: entry.oomKills,
    };
    if (entry.oomKills === 0) return { ...usage, recommendedPool: entry.pool, reason: 'no OOM kills observed: the pool fits' };
    const current = memoryLimit(pools.find((pool) => pool.name === entry.pool));
    const larger = pools.filter((pool) => memoryLimit(pool) > current).sort((a, b) => memoryLimit(a) - memoryLimit(b))[0];
    return larger
      ? {
          ...usage,
          recommendedPool: larger.name,
          reason: `${entry.oomKills} OOM kill(s) in ${entry.pool}; ${larger.name} has the next larger memory limit (${larger.resources.limits.memory})`,
        }
      : { ...usage, recommendedPool: entry.pool, reason: `${entry.oomKills} OOM kill(s) in ${entry.pool}, and no pool has a larger memory limit: add one` };
  });
}

function memoryLimit(pool: PoolConfig | undefined): number {
  const text = pool?.resources.limits.memory ?? pool?.resources.requests.memory;
  return text ? (parseQuantity(text) ?? 0) : 0;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
