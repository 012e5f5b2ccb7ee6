import { createServer, type Server } from 'node:http';
import { Logger } from '@nestjs/common';
import { createRedisConnection, pingRedis, type RedisConnection } from '@base-shift/queue';
import type { ExecutorConfig } from './executor-config';

/**
 * The agent's lifecycle: connect, serve /healthz, and on the first SIGTERM or
 * SIGINT stop cleanly; a second signal exits at once.
 */
export class ExecutorProcess {
  private readonly logger = new Logger(ExecutorProcess.name);
  private redis?: RedisConnection;
  private server?: Server;
  private stopping?: Promise<void>;

  constructor(private readonly config: ExecutorConfig) {}

  async start(): Promise<void> {
    this.redis = createRedisConnection(this.config.redisUrl, { connectionName: `base-shift:executor:${this.config.executorId}` });
    this.server = createServer((request, response) => void this.serve(request.url ?? '/', response));
    await new Promise<void>((resolve, reject) => {
      this.server?.once('error', reject);
      this.server?.listen(this.config.metricsPort, () => resolve());
    });
    this.logger.log({ executorId: this.config.executorId, pools: this.config.pools, metricsPort: this.port() }, 'executor started');
  }

  /** The port actually bound (METRICS_PORT=0 picks a free one). */
  port(): number {
    const address = this.server?.address();
    return typeof address === 'object' && address ? address.port : this.config.metricsPort;
  }

  stop(): Promise<void> {
    this.stopping ??= this.shutdown();
    return this.stopping;
  }

  private async shutdown(): Promise<void> {
    this.logger.log('stopping');
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    await this.redis?.quit().catch(() => this.redis?.disconnect());
    this.logger.log('stopped');
  }

  private async serve(path: string, response: import('node:http').ServerResponse): Promise<void> {
    if (path !== '/healthz') {
      response.writeHead(404, { 'content-type': 'application/problem+json' });
      response.end(JSON.stringify({ type: 'about:blank', title: 'Not Found', status: 404, detail: `no route ${path}` }));
      return;
    }
    try {
      if (!this.redis) throw new Error('not started');
      await pingRedis(this.redis, 1000);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ status: 'ok', redis: 'up' }));
    } catch (error) {
      response.writeHead(503, { 'content-type': 'application/problem+json' });
      response.end(
        JSON.stringify({ type: 'about:blank', title: 'Service Unavailable', status: 503, detail: `redis is unreachable: ${(error as Error).message}` }),
      );
    }
  }
}
