import { childPointer } from '@base-shift/core';
import type { RedisConnection } from '@base-shift/redis';
import { InvalidArgumentError, UnknownPoolError } from '../errors/queue-errors';
import { QueueKeys, type PoolKeys } from '../keys/queue-keys';
import { runScript, type ScriptName } from '../scripts/queue-scripts';
import { checkInt, checkPoolName, checkPrefix } from './validation';

/** Options every queue client shares. */
export interface QueueOptions {
  /** The pools this client may use; any other pool name is refused with UnknownPoolError. */
  pools: readonly string[];
  /** Key prefix (tests, developer instances sharing a Redis). Default ''. */
  prefix?: string;
  /** Largest payload, output and error JSON accepted, in bytes. Default 1 MiB. */
  maxPayloadBytes?: number;
}

export const DEFAULT_MAX_PAYLOAD_BYTES = 1024 * 1024;

/** Validated options plus the connection: what the facades (JobQueue, JobLeases, …) share. */
export class QueueContext {
  readonly pools: readonly string[];
  readonly keys: QueueKeys;
  readonly maxPayloadBytes: number;
  private readonly poolKeys = new Map<string, PoolKeys>();

  constructor(
    readonly redis: RedisConnection,
    options: QueueOptions,
  ) {
    if (!options || !Array.isArray(options.pools) || options.pools.length === 0) {
      throw new InvalidArgumentError('/options/pools', 'must list at least one pool name');
    }
    this.pools = options.pools.map((pool, i) => checkPoolName(pool, childPointer('/options/pools', i)));
    this.keys = new QueueKeys(checkPrefix(options.prefix ?? '', '/options/prefix'));
    this.maxPayloadBytes = checkInt(options.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD_BYTES, '/options/maxPayloadBytes', 1, 512 * 1024 * 1024);
    for (const pool of this.pools) this.poolKeys.set(pool, this.keys.pool(pool));
  }

  /** The keys of a configured pool; UnknownPoolError for any other name. */
  pool(pool: string): PoolKeys {
    const keys = this.poolKeys.get(pool);
    if (!keys) throw new UnknownPoolError(String(pool), this.pools);
    return keys;
  }

  run(name: ScriptName, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown> {
    return runScript(this.redis, name, keys, args);
  }
}
