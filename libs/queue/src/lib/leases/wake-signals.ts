import { errorMessage, getLogger } from '@base-shift/core';
import type { RedisConnection } from '@base-shift/redis';

interface Waiter {
  keys: ReadonlySet<string>;
  deadline: number;
  resolve(woken: boolean): void;
}

// A BLPOP never blocks longer than this, so a connection is not held far past its last waiter.
const MAX_BLOCK_MS = 5_000;

/**
 * Blocking wait for wake tokens (see lua/includes/wake.lua), without polling.
 * One dedicated connection per wake list, because in a cluster the pools' lists
 * live on different slots and one BLPOP cannot span them. At most one BLPOP per
 * list is outstanding however many lease() calls wait; a token that arrives
 * when nobody here waits any more is pushed back for another executor.
 */
export class WakeSignals {
  private readonly logger = getLogger(WakeSignals.name);
  private readonly connections = new Map<string, RedisConnection>();
  private readonly blocking = new Set<string>();
  private readonly waiters = new Set<Waiter>();
  private closed = false;

  constructor(private readonly redis: RedisConnection) {}

  /** Resolves true when a token for one of `keys` arrived, false on timeout, abort or close. */
  wait(keys: readonly string[], timeoutMs: number, signal?: AbortSignal): Promise<boolean> {
    if (this.closed || signal?.aborted) return Promise.resolve(false);
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => finish(false), timeoutMs);
      const onAbort = () => finish(false);
      const waiter: Waiter = { keys: new Set(keys), deadline: Date.now() + timeoutMs, resolve: (woken) => finish(woken) };
      const finish = (woken: boolean) => {
        if (!this.waiters.delete(waiter)) return;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        resolve(woken);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.add(waiter);
      for (const key of keys) this.pump(key);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const waiter of [...this.waiters]) waiter.resolve(false);
    const connections = [...this.connections.values()];
    this.connections.clear();
    // disconnect() rejects a pending BLPOP at once; quit() would wait for it.
    for (const connection of connections) connection.disconnect();
  }

  private pump(key: string): void {
    if (this.blocking.has(key) || this.closed) return;
    this.blocking.add(key);
    void this.blockLoop(key);
  }

  private async blockLoop(key: string): Promise<void> {
    let connection = this.connections.get(key);
    if (!connection) {
      connection = this.redis.duplicate();
      this.connections.set(key, connection);
    }
    try {
      for (;;) {
        const wanted = [...this.waiters].filter((waiter) => waiter.keys.has(key));
        if (this.closed || wanted.length === 0) {
          // In the same tick as the check, so a waiter that arrives next starts a new loop.
          this.blocking.delete(key);
          return;
        }
        const blockMs = Math.min(MAX_BLOCK_MS, Math.max(10, ...wanted.map((waiter) => waiter.deadline - Date.now())));
        const token = await connection.blpop(key, blockMs / 1000);
        if (token) await this.deliver(key);
      }
    } catch (error) {
      this.blocking.delete(key);
      if (!this.closed) this.logger.warn(`waiting for jobs on ${key} failed: ${errorMessage(error)}`);
    }
  }

  private async deliver(key: string): Promise<void> {
    const waiter = [...this.waiters].find((candidate) => candidate.keys.has(key));
    if (waiter) {
      waiter.resolve(true);
      return;
    }
    // Nobody here wants it any more: hand the wake-up to another executor.
    if (!this.closed) await this.redis.lpush(key, '1');
  }
}
