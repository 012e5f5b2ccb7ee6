import { createServer } from 'node:net';
import { setLogSink, type LogFields, type LogSink } from '@base-shift/core';
import { createRedisConnection, REDIS_CONNECTION_LOG_SCOPE, type RedisConnection } from './redis-connection';

/** A port nothing listens on: bound once by the OS, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('Redis connection errors', () => {
  const lines: Array<{ level: Parameters<LogSink['write']>[0]; scope: string; message: string; fields?: LogFields }> = [];
  let connection: RedisConnection | undefined;
  let stderr: jest.SpyInstance;
  let consoleError: jest.SpyInstance;

  beforeEach(() => {
    lines.length = 0;
    setLogSink({ write: (level, scope, message, fields) => lines.push({ level, scope, message, fields }) });
    stderr = jest.spyOn(process.stderr, 'write');
    consoleError = jest.spyOn(console, 'error');
  });
  afterEach(() => {
    connection?.disconnect();
    connection = undefined;
    setLogSink(undefined);
    stderr.mockRestore();
    consoleError.mockRestore();
  });
  // ioredis's disconnect() arms a 2 s timer to destroy a stream that already failed (it never closes again): outwait it.
  afterAll(() => new Promise((resolve) => setTimeout(resolve, 2100)));

  it('go through the log sink, once per message while it repeats, without the password and nothing unstructured', async () => {
    const port = await closedPort();
    connection = createRedisConnection(`redis://someone:s3cret-pass@127.0.0.1:${port}`, { connectionName: 'base-shift:test:closed-port' });
    // ioredis retries every 50–2000 ms, each failing with the same ECONNREFUSED.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const errors = lines.filter((line) => line.scope === REDIS_CONNECTION_LOG_SCOPE);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ level: 'warn', fields: { connection: 'base-shift:test:closed-port' } });
    expect(errors[0].message).toContain('ECONNREFUSED');
    expect(JSON.stringify(lines)).not.toContain('s3cret-pass');
    const written = [...stderr.mock.calls, ...consoleError.mock.calls].map((call) => String(call[0]));
    expect(written.filter((text) => text.includes('ioredis') || text.includes('Unhandled error event'))).toEqual([]);
  });

  it("log a Cluster's errors without the password of any entry", async () => {
    const [first, second] = [await closedPort(), await closedPort()];
    const nodes = `redis://someone:s3cret-pass@127.0.0.1:${first},redis://someone:s3cret-pass@127.0.0.1:${second}`;
    connection = createRedisConnection(nodes, { connectionName: 'base-shift:test:closed-cluster' });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const errors = lines.filter((line) => line.scope === REDIS_CONNECTION_LOG_SCOPE);
    expect(errors.length).toBeGreaterThanOrEqual(1);
    expect(errors[0]).toMatchObject({ level: 'warn', fields: { connection: 'base-shift:test:closed-cluster' } });
    expect(JSON.stringify(lines)).not.toContain('s3cret-pass');
  });

  it('log a repeating message again after the interval', async () => {
    const port = await closedPort();
    connection = createRedisConnection(`redis://127.0.0.1:${port}`, { errorLogIntervalMs: 300 });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const errors = lines.filter((line) => line.scope === REDIS_CONNECTION_LOG_SCOPE);
    expect(errors.length).toBeGreaterThanOrEqual(2);
    expect(errors.length).toBeLessThan(8);
    expect(errors[1].fields).toMatchObject({ repeatedWithinMs: 300 });
  });

  it('is written as one JSON line by the default sink', async () => {
    setLogSink(undefined);
    const port = await closedPort();
    stderr.mockImplementation(() => true);
    connection = createRedisConnection(`redis://127.0.0.1:${port}`, { connectionName: 'base-shift:test:json' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const written = stderr.mock.calls.map((call) => String(call[0]));
    expect(written.length).toBeGreaterThanOrEqual(1);
    for (const text of written) expect(() => JSON.parse(text)).not.toThrow();
    expect(JSON.parse(written[0])).toMatchObject({ level: 'warn', context: REDIS_CONNECTION_LOG_SCOPE, connection: 'base-shift:test:json' });
  });
});
