import { Logger } from '@nestjs/common';
import { QueueKeys } from '@base-shift/queue';
import { type RedisConnection } from '@base-shift/redis';
import type { QueueView } from '../load/pool-load.port';
import type { PodMetrics } from '../metrics/pod-metrics';
import type { TemplateStatsStore } from './template-stats-store';

type StreamEntry = [string, string[] | null];

interface Started {
  templateId: string;
  at: number;
}

const BATCH = 1000;
const BLOCK_MS = 1000;
const MAX_OPEN = 100_000;

/**
 * Measures job run times per template from the pools' result streams: a
 * `started` entry (lease) and the same attempt's `succeeded`, `retrying` or
 * `failed` entry give the attempt's duration. Reads with plain XREAD (no
 * consumer group), so it never holds back the stream's trimming — an entry
 * trimmed before it was read is a run not measured: statistics, not
 * accounting — and only on the leader, so each run is counted once. The template id comes from the
 * entry's meta (the workflow engine enqueues `{ templateId }`), else from the
 * leased job's payload.
 */
export class JobDurationTracker {
  private readonly logger = new Logger(JobDurationTracker.name);
  private readonly streams: Map<string, string>;
  private readonly positions = new Map<string, string>();
  private readonly open = new Map<string, Started>();
  private readers?: Map<string, RedisConnection>;
  private loops: Promise<void>[] = [];

  constructor(
    private readonly redis: RedisConnection,
    options: { pools: readonly string[]; prefix: string },
    private readonly queue: QueueView,
    private readonly store: TemplateStatsStore,
    private readonly metrics?: PodMetrics,
  ) {
    const keys = new QueueKeys(options.prefix);
    this.streams = new Map(options.pools.map((pool) => [pool, keys.pool(pool).results]));
  }

  /**
   * Follows every pool's stream from its current end (a new leader measures
   * what starts from now on) with blocking reads on connections of its own, so
   * entries are seen as they are written, before the queue trims acknowledged
   * ones. Call on becoming leader; stop() when leadership ends.
   */
  async start(): Promise<void> {
    await this.stop();
    this.open.clear();
    const readers = new Map<string, RedisConnection>();
    for (const [pool, stream] of this.streams) {
      const last = (await this.redis.xrevrange(stream, '+', '-', 'COUNT', 1)) as StreamEntry[];
      this.positions.set(pool, last[0]?.[0] ?? '0-0');
      readers.set(pool, this.redis.duplicate());
    }
    this.readers = readers;
    this.loops = [...readers].map(([pool, connection]) => this.follow(pool, connection));
  }

  async stop(): Promise<void> {
    const readers = this.readers;
    this.readers = undefined;
    for (const connection of readers?.values() ?? []) connection.disconnect();
    await Promise.all(this.loops);
    this.loops = [];
  }

  private async follow(pool: string, connection: RedisConnection): Promise<void> {
    const stream = this.streams.get(pool) as string;
    while (this.readers?.get(pool) === connection) {
      try {
        const from = this.positions.get(pool) ?? '0-0';
        const reply = (await connection.xread('COUNT', BATCH, 'BLOCK', BLOCK_MS, 'STREAMS', stream, from)) as [string, StreamEntry[]][] | null;
        const entries = reply?.[0]?.[1] ?? [];
        for (const entry of entries) await this.handle(pool, entry);
        if (entries.length > 0) this.positions.set(pool, entries[entries.length - 1][0]);
      } catch (error) {
        if (this.readers?.get(pool) !== connection) break;
        this.logger.warn(`reading the results of pool ${pool} failed: ${(error as Error).message}`);
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }

  private async handle(pool: string, [entryId, fields]: StreamEntry): Promise<void> {
    if (!fields) return;
    const values = new Map<string, string>();
    for (let i = 0; i < fields.length; i += 2) values.set(fields[i], fields[i + 1]);
    const jobId = values.get('job');
    const outcome = values.get('outcome');
    if (!jobId || !outcome) return;
    const key = `${pool}\n${jobId}\n${values.get('attempt') ?? ''}`;
    const at = Number(entryId.slice(0, entryId.indexOf('-')));
    if (outcome === 'started') {
      const templateId = templateIdOf(values.get('meta')) ?? (await this.queue.templateOf(pool, jobId).catch(() => undefined));
      if (!templateId) return;
      this.open.set(key, { templateId, at });
      // Attempts whose end we never see (trimmed, cancelled while we were not leading) must not pile up.
      if (this.open.size > MAX_OPEN) this.open.delete(this.open.keys().next().value as string);
      return;
    }
    const started = this.open.get(key);
    if (!started || !['succeeded', 'retrying', 'failed'].includes(outcome)) return;
    this.open.delete(key);
    const ms = Math.max(0, at - started.at);
    try {
      await this.store.recordRun(pool, started.templateId, ms);
      this.metrics?.jobRun(pool, started.templateId, ms / 1000);
    } catch (error) {
      this.logger.warn(`could not record a run of ${started.templateId}: ${(error as Error).message}`);
    }
  }
}

function templateIdOf(meta: string | undefined): string | undefined {
  if (!meta) return undefined;
  try {
    const templateId = (JSON.parse(meta) as { templateId?: unknown }).templateId;
    return typeof templateId === 'string' && templateId.length > 0 ? templateId : undefined;
  } catch {
    return undefined;
  }
}
