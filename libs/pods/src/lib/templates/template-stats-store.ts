import type { RedisConnection } from '@base-shift/redis';
import type { PodKeys } from '../keys/pod-keys';
import { runPodScript } from '../lua/pod-scripts';

/** What was observed of one template's jobs in one pool. */
export interface TemplateStats {
  pool: string;
  templateId: string;
  runs: number;
  totalMs: number;
  maxMs: number;
  oomKills: number;
}

/** Per-template run statistics in one Redis hash, updated atomically by record-template-run-1.lua. */
export class TemplateStatsStore {
  constructor(
    private readonly redis: RedisConnection,
    private readonly keys: PodKeys,
  ) {}

  async recordRun(pool: string, templateId: string, durationMs: number): Promise<void> {
    await runPodScript(this.redis, 'record-template-run', [this.keys.templates], [pool, templateId, Math.max(0, Math.round(durationMs)), 0]);
  }

  async recordOomKills(pool: string, templateId: string, count: number): Promise<void> {
    await runPodScript(this.redis, 'record-template-run', [this.keys.templates], [pool, templateId, '', count]);
  }

  async read(): Promise<TemplateStats[]> {
    const fields = await this.redis.hgetall(this.keys.templates);
    const byKey = new Map<string, TemplateStats>();
    for (const [field, value] of Object.entries(fields)) {
      const [pool, templateId, stat] = field.split('\t');
      if (!pool || !templateId || !stat) continue;
      const key = `${pool}\t${templateId}`;
      const stats = byKey.get(key) ?? { pool, templateId, runs: 0, totalMs: 0, maxMs: 0, oomKills: 0 };
      if (stat === 'runs' || stat === 'totalMs' || stat === 'maxMs' || stat === 'oomKills') stats[stat] = Number(value);
      byKey.set(key, stats);
    }
    return [...byKey.values()].sort((a, b) => a.templateId.localeCompare(b.templateId) || a.pool.localeCompare(b.pool));
  }
}
