import type { RedisConnection } from '@base-shift/redis';
import { QueueKeys } from '../keys/queue-keys';
import { checkExecutorId, checkInt, checkPoolName, checkPrefix } from '../options/validation';
import { parseResults, type JobResult, type StreamEntry, type StreamReply } from './job-result';

export interface ResultConsumerOptions {
  pool: string;
  /** Consumer group: one per application that applies results (e.g. 'workflow-engine'). */
  group: string;
  /** This process within the group (e.g. the pod name); keep it stable across restarts. */
  consumer: string;
  /** Key prefix, as given to the queue clients. */
  prefix?: string;
}

/**
 * Reads a pool's result stream through a consumer group (XREADGROUP/XACK):
 * at-least-once delivery, each entry to one consumer of the group. After a
 * crash, readPending() re-delivers this consumer's unacknowledged entries and
 * claimStale() takes over entries stuck with a consumer that is gone.
 *
 * The group is recreated whenever Redis answers NOGROUP (it restarted empty,
 * or someone deleted the stream), so no reader stays wedged until a restart.
 */
export class ResultConsumer {
  private readonly stream: string;
  private blocking?: RedisConnection;
  private claimCursor = '0-0';

  constructor(
    private readonly redis: RedisConnection,
    private readonly options: ResultConsumerOptions,
  ) {
    checkPoolName(options.pool, '/options/pool');
    checkExecutorId(options.group, '/options/group');
    checkExecutorId(options.consumer, '/options/consumer');
    this.stream = new QueueKeys(checkPrefix(options.prefix ?? '', '/options/prefix')).pool(options.pool).results;
  }

  /**
   * Creates the group (idempotent), from the stream's first entry so no result written before is missed.
   * After a data loss that is right too: the stream then holds only results written since, and `$` would
   * skip the ones an executor wrote before this reader noticed.
   */
  async ensureGroup(): Promise<void> {
    try {
      await this.redis.xgroup('CREATE', this.stream, this.options.group, '0', 'MKSTREAM');
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('BUSYGROUP')) throw error;
    }
  }

  /** New entries for this consumer; with blockMs > 0 waits up to that long (on its own connection) when none is there. */
  async read(options: { count?: number; blockMs?: number } = {}): Promise<JobResult[]> {
    const count = checkInt(options.count ?? 100, '/options/count', 1, 10_000);
    const blockMs = checkInt(options.blockMs ?? 0, '/options/blockMs', 0, 3_600_000);
    const connection = blockMs > 0 ? (this.blocking ??= this.redis.duplicate()) : this.redis;
    const entries = await this.regroupingOnLoss([], () => this.readGroup(connection, count, '>', blockMs > 0 ? ['BLOCK', blockMs] : []));
    return parseResults(this.options.pool, entries);
  }

  /** Entries delivered to this consumer but not acknowledged (call after a restart until it returns []). */
  async readPending(options: { count?: number } = {}): Promise<JobResult[]> {
    const count = checkInt(options.count ?? 100, '/options/count', 1, 10_000);
    const entries = await this.regroupingOnLoss([], () => this.readGroup(this.redis, count, '0', []));
    // Entries trimmed away while pending come back without fields: nothing to apply, just acknowledge them.
    const gone = entries.filter(([, fields]) => !fields).map(([id]) => id);
    if (gone.length > 0) await this.ack(gone);
    return parseResults(this.options.pool, entries);
  }

  /** Takes over entries pending with any consumer for at least minIdleMs (XAUTOCLAIM), walking the group's pending list. */
  async claimStale(options: { minIdleMs: number; count?: number }): Promise<JobResult[]> {
    const minIdleMs = checkInt(options.minIdleMs, '/options/minIdleMs', 0, 7 * 24 * 3_600_000);
    const count = checkInt(options.count ?? 100, '/options/count', 1, 10_000);
    const [next, entries] = await this.regroupingOnLoss<[string, StreamEntry[]]>(
      ['0-0', []],
      async () =>
        (await this.redis.call('XAUTOCLAIM', this.stream, this.options.group, this.options.consumer, minIdleMs, this.claimCursor, 'COUNT', count)) as [
          string,
          StreamEntry[],
        ],
    );
    this.claimCursor = next;
    return parseResults(this.options.pool, entries);
  }

  /** Acknowledges handled entries; resolves to how many were pending. */
  async ack(entryIds: readonly string[]): Promise<number> {
    if (entryIds.length === 0) return 0;
    // Entries of a group that is gone cannot be acknowledged, nor redelivered: nothing is pending.
    return this.regroupingOnLoss(0, () => this.redis.xack(this.stream, this.options.group, ...entryIds));
  }

  /** Runs a group command; on NOGROUP recreates the group and answers `empty` (the next call reads from the new group). */
  private async regroupingOnLoss<T>(empty: T, command: () => Promise<T>): Promise<T> {
    try {
      return await command();
    } catch (error) {
      if (!isNoGroup(error)) throw error;
      this.claimCursor = '0-0';
      await this.ensureGroup();
      return empty;
    }
  }

  /** Closes the blocking connection read() opened, if any; the connection passed in stays open. */
  async close(): Promise<void> {
    this.blocking?.disconnect();
    this.blocking = undefined;
  }

  /** `from` '>' reads new entries, '0' this consumer's pending ones. */
  private async readGroup(connection: RedisConnection, count: number, from: '>' | '0', block: (string | number)[]): Promise<StreamEntry[]> {
    const reply = (await connection.call(
      'XREADGROUP',
      'GROUP',
      this.options.group,
      this.options.consumer,
      'COUNT',
      count,
      ...block,
      'STREAMS',
      this.stream,
      from,
    )) as StreamReply;
    return reply?.[0]?.[1] ?? [];
  }
}

/** Redis answers NOGROUP when the stream or its group does not exist (XREADGROUP, XAUTOCLAIM, XACK). */
function isNoGroup(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith('NOGROUP');
}
