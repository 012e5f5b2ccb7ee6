import { getLogger } from '@base-shift/core';
import type { ExecutorPod, PodDriver } from '../driver/pod-driver.port';
import { PodApiError } from '../errors/pod-errors';
import { toPodApiError } from '../kubernetes/kube-errors';
import type { PoolLoad, QueueView } from '../load/pool-load.port';
import type { PoolStatus } from '../manager/pool-status';
import type { PodMetrics } from '../metrics/pod-metrics';
import type { PoolConfig } from '../pools/pool-config';
import { ApiBackoff } from './api-backoff';
import { desiredPods } from './desired-pods';
import { TokenBucket } from './token-bucket';

export interface AutoscalerOptions {
  /** Pods created at once at most, per pool… */
  createBurst: number;
  /** …and the sustained creation rate per pool. */
  createPerSecond: number;
  backoffInitialMs: number;
  backoffMaxMs: number;
  clock: () => number;
}

export type ScaleOutcome = Omit<
  PoolStatus,
  'pool' | 'delayed' | 'dead' | 'oldestWaitSeconds' | 'queued' | 'inFlight' | 'evaluatedAt' | 'leader' | 'deleting'
> & {
  created: string[];
  deleted: string[];
};

interface PoolState {
  bucket: TokenBucket;
  backoff: ApiBackoff;
  /** Since when the pool has had more pods than it needs (ms), for the scale-down delay. */
  surplusSince?: number;
  lastError?: string;
}

/**
 * One evaluation of one pool: desired = clamp(ceil((queued + inFlight) /
 * jobsPerPod), min, max). Scales up at once (rate-limited, backing off after API
 * refusals); scales down only after the surplus lasted scaleDownDelaySeconds,
 * and only by draining pods that hold no lease — a busy pod is never chosen.
 */
export class Autoscaler {
  private readonly logger = getLogger(Autoscaler.name);
  private readonly states = new Map<string, PoolState>();

  constructor(
    private readonly driver: PodDriver,
    private readonly queue: QueueView,
    private readonly metrics: PodMetrics | undefined,
    private readonly options: AutoscalerOptions,
  ) {}

  /** `pods`: this pool's pods that count as capacity (ours, not deleting, not broken). */
  async evaluate(pool: PoolConfig, pods: readonly ExecutorPod[], load: PoolLoad): Promise<ScaleOutcome> {
    const state = this.state(pool.name);
    const desired = desiredPods(load, pool);
    const outcome: ScaleOutcome = { desired, pods: pods.length, ready: pods.filter((pod) => pod.ready).length, action: 'hold', created: [], deleted: [] };
    if (desired > pods.length) {
      state.surplusSince = undefined;
      await this.scaleUp(pool, state, desired - pods.length, outcome);
    } else if (desired < pods.length) {
      const now = this.options.clock();
      state.surplusSince ??= now;
      if (now - state.surplusSince < pool.scaleDownDelaySeconds * 1000) outcome.blockedBy = 'scale-down-delay';
      else await this.scaleDown(pool, pods, pods.length - desired, outcome);
    } else {
      state.surplusSince = undefined;
    }
    if (state.backoff.blocked && state.lastError) outcome.lastError = state.lastError;
    outcome.pods += outcome.created.length - outcome.deleted.length;
    return outcome;
  }

  private async scaleUp(pool: PoolConfig, state: PoolState, missing: number, outcome: ScaleOutcome): Promise<void> {
    if (state.backoff.blocked) {
      outcome.blockedBy = 'api-backoff';
      return;
    }
    const granted = state.bucket.take(missing);
    if (granted < missing) outcome.blockedBy = 'rate-limit';
    if (granted === 0) return;
    const results = await Promise.allSettled(Array.from({ length: granted }, () => this.driver.create(pool)));
    const failures: PodApiError[] = [];
    for (const result of results) {
      if (result.status === 'fulfilled') outcome.created.push(result.value.name);
      else failures.push(toPodApiError(`creating a pod of pool ${pool.name}`, result.reason));
    }
    if (outcome.created.length > 0) {
      outcome.action = 'up';
      this.metrics?.decision(pool.name, 'up');
      this.logger.info(`pool ${pool.name}: scaled up by ${outcome.created.length} to ${outcome.pods + outcome.created.length} (desired ${outcome.desired})`);
    }
    if (failures.length === 0) {
      state.backoff.succeed();
      state.lastError = undefined;
      return;
    }
    for (const failure of failures) this.metrics?.apiError(pool.name, failure.status);
    const wait = state.backoff.fail();
    state.lastError = failures[0].message;
    outcome.blockedBy = 'api-backoff';
    outcome.lastError = state.lastError;
    this.logger.warn(`pool ${pool.name}: ${failures.length} pod creation(s) failed, backing off ${wait} ms: ${failures[0].message}`);
    await this.driver.recordEvent({
      type: 'Warning',
      reason: 'ExecutorCreateFailed',
      message: `pool ${pool.name}: ${failures.length} executor pod creation(s) failed (${failures[0].message}); retrying in ${Math.round(wait / 1000)} s`,
    });
  }

  private async scaleDown(pool: PoolConfig, pods: readonly ExecutorPod[], surplus: number, outcome: ScaleOutcome): Promise<void> {
    const holders = await this.queue.leaseHolders(pool.name);
    // Idle only; among them pods that are not Ready yet first, then the youngest.
    const idle = pods.filter((pod) => !holders.has(pod.name)).sort((a, b) => Number(a.ready) - Number(b.ready) || b.createdAt - a.createdAt);
    const victims = idle.slice(0, surplus);
    if (victims.length < surplus) outcome.blockedBy = 'busy-pods';
    for (const pod of victims) {
      try {
        // The executor drains on SIGTERM; a job leased in the instant since the check still finishes or is released.
        await this.driver.delete(pod.name, { graceSeconds: pool.drainSeconds + 10 });
        outcome.deleted.push(pod.name);
      } catch (error) {
        const failure = toPodApiError(`deleting pod ${pod.name}`, error);
        this.metrics?.apiError(pool.name, failure.status);
        this.logger.warn(`pool ${pool.name}: ${failure.message}`);
      }
    }
    if (outcome.deleted.length > 0) {
      outcome.action = 'down';
      this.metrics?.decision(pool.name, 'down');
      this.logger.info(`pool ${pool.name}: scaled down by ${outcome.deleted.length} idle pod(s) (desired ${outcome.desired})`);
    }
  }

  private state(pool: string): PoolState {
    let state = this.states.get(pool);
    if (!state) {
      const { createBurst, createPerSecond, backoffInitialMs, backoffMaxMs, clock } = this.options;
      state = { bucket: new TokenBucket(createBurst, createPerSecond, clock), backoff: new ApiBackoff(backoffInitialMs, backoffMaxMs, clock) };
      this.states.set(pool, state);
    }
    return state;
  }
}
