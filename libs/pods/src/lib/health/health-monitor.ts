import { errorMessage, getLogger } from '@base-shift/core';
import type { ExecutorPod, PodDriver } from '../driver/pod-driver.port';
import { toPodApiError } from '../kubernetes/kube-errors';
import type { QueueView } from '../load/pool-load.port';
import type { PodMetrics } from '../metrics/pod-metrics';
import type { PoolConfig } from '../pools/pool-config';
import type { TemplateStatsStore } from '../templates/template-stats-store';
import { brokenReason, type BrokenReason } from './pod-health';

// Orphans run with an unknown pool's drain: the default (30 s) plus the pod spec's margin.
const ORPHAN_DRAIN_SECONDS = 40;

export interface HealthMonitorOptions {
  controlPlaneId: string;
  clock: () => number;
  /** How long a foreign control plane's liveness answer is reused (ms). Default 30000. */
  ownerCacheMs?: number;
}

export interface HealthReport {
  replaced: Array<{ pod: string; pool: string; reason: BrokenReason; requeued: number }>;
  orphans: string[];
  /** Our pods that disappeared since the last check, and how many of their jobs were taken back. */
  vanished: Array<{ pod: string; pool: string; requeued: number }>;
}

/**
 * Watches this control plane's executor pods: a broken one (see brokenReason)
 * is deleted at once and the jobs it held are re-queued at once, instead of
 * waiting for their leases to expire (attempt fencing makes that safe even if
 * the process still runs somewhere). Jobs still leased by a pod that vanished
 * are taken back too. Pods no live control plane owns — no owner label, an
 * owner whose leader Lease lapsed, or a pool no longer configured — are drained.
 * The autoscaler's next evaluation creates the replacements.
 */
export class HealthMonitor {
  private readonly logger = getLogger(HealthMonitor.name);
  private known = new Map<string, string>();
  private readonly owners = new Map<string, { alive: boolean; at: number }>();

  constructor(
    private readonly driver: PodDriver,
    private readonly queue: QueueView,
    private readonly metrics: PodMetrics | undefined,
    private readonly templates: TemplateStatsStore | undefined,
    private readonly options: HealthMonitorOptions,
  ) {}

  /** Forgets what it saw (a new leader starts from the current pods). */
  reset(): void {
    this.known.clear();
    this.owners.clear();
  }

  async check(pools: ReadonlyMap<string, PoolConfig>, pods: readonly ExecutorPod[]): Promise<HealthReport> {
    const report: HealthReport = { replaced: [], orphans: [], vanished: [] };
    const now = this.options.clock();
    const ours = new Map<string, string>();
    for (const pod of pods) {
      const pool = pod.pool === undefined ? undefined : pools.get(pod.pool);
      if (pod.controlPlaneId === this.options.controlPlaneId && pool) {
        ours.set(pod.name, pool.name);
        const reason = brokenReason(pod, pool.readyDeadlineSeconds, now);
        if (reason) await this.replace(pod, pool, reason, report);
      } else if (!pod.deleting && (await this.isOrphan(pod, now))) {
        await this.drainOrphan(pod, report);
      }
    }
    for (const [name, pool] of this.known) {
      if (ours.has(name)) continue;
      const requeued = await this.queue.requeueLeasesOf(pool, name);
      if (requeued > 0) {
        this.metrics?.requeuedJobs(pool, requeued);
        this.logger.warn(`executor pod ${name} (pool ${pool}) is gone; took back ${requeued} job(s) it held`);
      }
      report.vanished.push({ pod: name, pool, requeued });
    }
    this.known = ours;
    return report;
  }

  private async replace(pod: ExecutorPod, pool: PoolConfig, reason: BrokenReason, report: HealthReport): Promise<void> {
    // OOM: blame the templates it was running before their leases are gone.
    if (reason === 'OOMKilled' && this.templates) await this.recordOomKill(pool.name, pod.name);
    try {
      await this.driver.delete(pod.name, { graceSeconds: 0 });
    } catch (error) {
      const failure = toPodApiError(`deleting broken pod ${pod.name}`, error);
      this.metrics?.apiError(pool.name, failure.status);
      this.logger.warn(failure.message);
      return;
    }
    const requeued = await this.queue.requeueLeasesOf(pool.name, pod.name);
    this.metrics?.replaced(pool.name, reason);
    this.metrics?.requeuedJobs(pool.name, requeued);
    report.replaced.push({ pod: pod.name, pool: pool.name, reason, requeued });
    const message = `executor pod ${pod.name} of pool ${pool.name} is broken (${reason}${pod.detail ? `: ${pod.detail}` : ''}); deleted for replacement, ${requeued} job(s) re-queued`;
    this.logger.warn(message);
    await this.driver.recordEvent({ type: 'Warning', reason: 'ExecutorReplaced', message, podName: pod.name });
  }

  private async recordOomKill(pool: string, podName: string): Promise<void> {
    try {
      const counts = new Map<string, number>();
      for (const job of await this.queue.leasedBy(pool, podName)) {
        if (job.templateId) counts.set(job.templateId, (counts.get(job.templateId) ?? 0) + 1);
      }
      for (const [templateId, count] of counts) {
        await this.templates?.recordOomKills(pool, templateId, count);
        this.metrics?.oomKilled(pool, templateId, count);
      }
    } catch (error) {
      this.logger.warn(`could not attribute the OOM kill of ${podName}: ${errorMessage(error)}`);
    }
  }

  private async isOrphan(pod: ExecutorPod, now: number): Promise<boolean> {
    const owner = pod.controlPlaneId;
    if (!owner) return true;
    if (owner === this.options.controlPlaneId) return true; // ours, but of a pool no longer configured
    const cached = this.owners.get(owner);
    if (cached && now - cached.at < (this.options.ownerCacheMs ?? 30_000)) return !cached.alive;
    const alive = await this.driver.isControlPlaneAlive(owner);
    this.owners.set(owner, { alive, at: now });
    return !alive;
  }

  private async drainOrphan(pod: ExecutorPod, report: HealthReport): Promise<void> {
    try {
      await this.driver.delete(pod.name, { graceSeconds: ORPHAN_DRAIN_SECONDS });
    } catch (error) {
      this.logger.warn(toPodApiError(`deleting orphan pod ${pod.name}`, error).message);
      return;
    }
    this.metrics?.orphanDeleted();
    report.orphans.push(pod.name);
    const owner = pod.controlPlaneId ? `control plane ${pod.controlPlaneId} is gone` : 'it has no owner label';
    const message = `executor pod ${pod.name}${pod.pool ? ` (pool ${pod.pool})` : ''} is an orphan (${pod.controlPlaneId === this.options.controlPlaneId ? 'its pool is no longer configured' : owner}); draining it`;
    this.logger.warn(message);
    await this.driver.recordEvent({ type: 'Normal', reason: 'OrphanExecutorDeleted', message, podName: pod.name });
  }
}
