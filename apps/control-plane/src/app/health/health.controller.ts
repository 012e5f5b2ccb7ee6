import { Controller, Get, HttpCode, Inject, ServiceUnavailableException } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import type { PodManager } from '@base-shift/pods';
import { pingRedis, type RedisConnection } from '@base-shift/redis';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { CONTROL_PLANE_CONFIG, type ControlPlaneConfig } from '../config/control-plane-config';
import { REDIS } from '../infrastructure/redis.module';
import { POD_MANAGER } from '../pods/pod-manager.provider';
import { withTimeout } from '@base-shift/core';
import { ProgressChecks } from './progress-checks';

type CheckResult = { status: 'up' } | { status: 'down'; error: string };

const CHECK_TIMEOUT_MS = 1000;

// Probes are Kubernetes', not part of the client contract (nor can they answer a 4xx): left out of openapi.json.
@ApiExcludeController()
@Controller()
@Public()
export class HealthController {
  constructor(
    @Inject(REDIS) private readonly redis: RedisConnection,
    @InjectConnection() private readonly mongo: Connection,
    @Inject(POD_MANAGER) private readonly pods: PodManager | null,
    @Inject(CONTROL_PLANE_CONFIG) private readonly config: ControlPlaneConfig,
    @Inject(ProgressChecks) private readonly progress: ProgressChecks,
  ) {}

  /** Liveness: the process serves HTTP. Dependencies are readiness's business. */
  @Get('healthz')
  @HttpCode(200)
  healthz(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('readyz')
  async readyz(): Promise<{ status: 'ready'; checks: Record<string, CheckResult>; warnings?: string[] }> {
    const kubernetes = this.pods?.driver.kind === 'kubernetes' ? this.pods.driver : undefined;
    const [redis, mongodb, api] = await Promise.all([
      check(() => pingRedis(this.redis, CHECK_TIMEOUT_MS)),
      check(() => this.pingMongo()),
      kubernetes ? check(() => kubernetes.checkHealth(CHECK_TIMEOUT_MS)) : undefined,
    ]);
    // With the kubernetes driver the API server is a dependency too: no executor pods without it.
    const checks: Record<string, CheckResult> = api ? { redis, mongodb, kubernetes: api } : { redis, mongodb };
    const down = Object.entries(checks)
      .filter(([, result]) => result.status === 'down')
      .map(([name]) => name);
    if (down.length > 0) {
      throw new ServiceUnavailableException({
        title: 'Not ready',
        detail: `${down.join(' and ')} ${down.length > 1 ? 'are' : 'is'} unreachable`,
        checks,
      });
    }
    // Reachable, yet stuck: a loop whose every round fails makes no progress, so take no traffic for it.
    const problems = this.progress.problems();
    if (Object.keys(problems).length > 0) {
      throw new ServiceUnavailableException({ title: 'Degraded', detail: Object.values(problems).join('; '), checks, problems });
    }
    // Ready, but an operator scanning probes should see that the API is open.
    const warnings = this.config.auth.mode === 'none' ? ['AUTH_MODE=none: the API accepts every call without credentials (local experiments only)'] : undefined;
    return { status: 'ready', checks, ...(warnings && { warnings }) };
  }

  private async pingMongo(): Promise<void> {
    const db = this.mongo.db;
    if (this.mongo.readyState !== 1 || !db) throw new Error('not connected');
    await withTimeout(db.admin().ping(), CHECK_TIMEOUT_MS);
  }
}

async function check(probe: () => Promise<unknown>): Promise<CheckResult> {
  try {
    await probe();
    return { status: 'up' };
  } catch (error) {
    return { status: 'down', error: error instanceof Error ? error.message : String(error) };
  }
}
