import { createServer, type Server, type ServerResponse } from 'node:http';
import { errorMessage, getLogger } from '@base-shift/core';
import { ExecutorAgent } from '@base-shift/executor';
import { createRedisConnection, type RedisConnection } from '@base-shift/redis';
import type { ExecutorConfig } from './executor-config';

/**
 * The agent's lifecycle: connect, run the worker, serve /healthz and /metrics
 * on METRICS_PORT, and on stop() drain gracefully (see ExecutorAgent.stop).
 */
export class ExecutorProcess {
  private readonly logger = getLogger(ExecutorProcess.name);
  private redis?: RedisConnection;
  private agent?: ExecutorAgent;
  private server?: Server;
  private stopping?: Promise<void>;

  constructor(private readonly config: ExecutorConfig) {}

  async start(): Promise<void> {
    const { config } = this;
    this.redis = createRedisConnection(config.redisUrl, { connectionName: `base-shift:executor:${config.executorId}` });
    this.agent = new ExecutorAgent(this.redis, {
      executorId: config.executorId,
      pools: config.pools,
      concurrency: config.concurrency,
      leaseMs: config.leaseSeconds * 1000,
      shutdownGraceMs: config.shutdownGraceSeconds * 1000,
      keyPrefix: config.keyPrefix,
      secretsDir: config.secretsDir,
      egressAllow: config.egressAllow,
      egressConnectTo: config.egressConnectTo,
      secretBindings: config.secretBindings,
    });
    this.server = createServer((request, response) => void this.serve(request.url ?? '/', response));
    await new Promise<void>((resolve, reject) => {
      this.server?.once('error', reject);
      this.server?.listen(config.metricsPort, () => resolve());
    });
    this.agent.start();
    this.logger.info('executor started', { executorId: config.executorId, pools: config.pools, concurrency: config.concurrency, metricsPort: this.port() });
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
    this.logger.info('stopping: no new jobs, draining', { inFlight: this.agent?.inFlight ?? 0, graceSeconds: this.config.shutdownGraceSeconds });
    await this.agent?.stop();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server?.closeAllConnections();
    await this.redis?.quit().catch(() => this.redis?.disconnect());
    this.logger.info('stopped');
  }

  private async serve(path: string, response: ServerResponse): Promise<void> {
    if (path === '/metrics' && this.agent) {
      const { contentType, body } = await this.agent.metrics.render();
      response.writeHead(200, { 'content-type': contentType });
      response.end(body);
      return;
    }
    if (path !== '/healthz') {
      problem(response, 404, 'Not Found', `no route ${path}`);
      return;
    }
    try {
      if (!this.agent) throw new Error('not started');
      await this.agent.checkHealth(1000);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ status: 'ok', redis: 'up' }));
    } catch (error) {
      problem(response, 503, 'Service Unavailable', `redis is unreachable: ${errorMessage(error)}`);
    }
  }
}

function problem(response: ServerResponse, status: number, title: string, detail: string): void {
  response.writeHead(status, { 'content-type': 'application/problem+json' });
  response.end(JSON.stringify({ type: 'about:blank', title, status, detail }));
}
