import type { RedisConnection } from './redis-connection';

/**
 * Resolves once `connection` is ready (or after `timeoutMs`). ioredis writes a
 * command Redis allows while loading, SUBSCRIBE among them, as soon as the
 * socket is connected, before its own ready check; a SUBSCRIBE then puts the
 * connection in subscriber mode and the ready check's INFO fails ("only
 * (P|S)SUBSCRIBE … allowed in this context"), taking the subscription down
 * with it. A subscriber connection therefore waits for this before its first
 * SUBSCRIBE.
 */
export function whenReady(connection: RedisConnection, timeoutMs: number): Promise<void> {
  if (connection.status === 'ready') return Promise.resolve();
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      connection.off('ready', done);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    timer.unref();
    connection.once('ready', done);
  });
}
