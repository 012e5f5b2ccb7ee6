import { getLogger } from '@base-shift/core';
import { BackgroundLoop, type RedisConnection } from '@base-shift/redis';
import { QueueKeys } from '../keys/queue-keys';
import { checkInt, checkPoolName, checkPrefix } from '../options/validation';
import { parseResultEntry, type JobResult, type StreamEntry, type StreamReply } from './job-result';

export interface ResultFollowerOptions {
  pool: string;
  /** Key prefix, as given to the queue clients. */
  prefix?: string;
  /**
   * Called for each new result, in stream order, one at a time. If it throws,
   * that result and the ones after it are delivered again after a backoff.
   */
  onResult: (result: JobResult) => void | Promise<void>;
  /** Entries per read (1–10000). Default 1000. */
  count?: number;
  /** How long one read waits for new entries (ms). Default 1000. */
  blockMs?: number;
}

/**
 * Follows a pool's result stream as an observer (statistics, not workflow
 * state): plain XREAD, no consumer group, so it never holds back the trimming
 * of acknowledged results — an entry trimmed before it was read is simply not
 * seen. Reads block on a connection of its own, so entries are seen as they
 * are written, before the housekeeping trims them. To apply results, use
 * ResultConsumer (at-least-once).
 */
export class ResultFollower {
  private readonly stream: string;
  private readonly count: number;
  private readonly blockMs: number;
  private readonly loop: BackgroundLoop;
  private reader?: RedisConnection;
  private position = '0-0';

  constructor(
    private readonly redis: RedisConnection,
    private readonly options: ResultFollowerOptions,
  ) {
    checkPoolName(options.pool, '/options/pool');
    this.stream = new QueueKeys(checkPrefix(options.prefix ?? '', '/options/prefix')).pool(options.pool).results;
    this.count = checkInt(options.count ?? 1000, '/options/count', 1, 10_000);
    this.blockMs = checkInt(options.blockMs ?? 1000, '/options/blockMs', 1, 3_600_000);
    this.loop = new BackgroundLoop({
      name: `following the results of pool ${options.pool}`,
      // Each round is a blocking read: the next one starts at once.
      intervalMs: 0,
      errorDelayMs: 1000,
      logger: getLogger(ResultFollower.name),
      run: () => this.readOnce(),
    });
  }

  /** Follows the stream from its current end: what was written before is not delivered. Called again, it starts over from the end. */
  async start(): Promise<void> {
    await this.stop();
    const [last] = (await this.redis.xrevrange(this.stream, '+', '-', 'COUNT', 1)) as StreamEntry[];
    this.position = last?.[0] ?? '0-0';
    this.reader = this.redis.duplicate();
    this.loop.start();
  }

  /** Stops following and closes its connection. */
  async stop(): Promise<void> {
    const stopped = this.loop.stop();
    // Ends a read blocked on the server at once instead of after blockMs.
    this.reader?.disconnect();
    this.reader = undefined;
    await stopped;
  }

  private async readOnce(): Promise<number> {
    const reader = this.reader;
    if (!reader) return 0;
    const reply = (await reader.xread('COUNT', this.count, 'BLOCK', this.blockMs, 'STREAMS', this.stream, this.position)) as StreamReply;
    for (const entry of reply?.[0]?.[1] ?? []) {
      const result = parseResultEntry(this.options.pool, entry);
      if (result) await this.options.onResult(result);
      this.position = entry[0];
    }
    return 0;
  }
}
