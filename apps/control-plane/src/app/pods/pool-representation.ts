import type { PoolConfig, PoolStatus, TemplateUsage } from '@base-shift/pods';
import type { QueueStats } from '@base-shift/queue';

export interface PoolRepresentation {
  name: string;
  image: string;
  resources: PoolConfig['resources'];
  minPods: number;
  maxPods: number;
  jobsPerPod: number;
  scaleDownDelaySeconds: number;
  drainSeconds: number;
  /** The leader's last evaluation; null before the first one (or with pod management off). */
  pods: {
    desired: number;
    current: number;
    ready: number;
    deleting: number;
    lastAction: string;
    blockedBy: string | null;
    lastError: string | null;
    evaluatedAt: string;
    leader: string;
  } | null;
  /** Live counts from the queue. */
  queue: { queued: number; inFlight: number; delayed: number; dead: number; oldestWaitSeconds: number; unappliedResults: number };
  templates?: TemplateUsage[];
}

/** GET /pools's shape: configuration (no env values: they may hold settings operators keep private), status, queue. */
export function toPoolRepresentation(pool: PoolConfig, status: PoolStatus | undefined, stats: QueueStats, templates?: TemplateUsage[]): PoolRepresentation {
  return {
    name: pool.name,
    image: pool.image,
    resources: pool.resources,
    minPods: pool.minPods,
    maxPods: pool.maxPods,
    jobsPerPod: pool.jobsPerPod,
    scaleDownDelaySeconds: pool.scaleDownDelaySeconds,
    drainSeconds: pool.drainSeconds,
    pods: status
      ? {
          desired: status.desired,
          current: status.pods,
          ready: status.ready,
          deleting: status.deleting,
          lastAction: status.action,
          blockedBy: status.blockedBy ?? null,
          lastError: status.lastError ?? null,
          evaluatedAt: new Date(status.evaluatedAt).toISOString(),
          leader: status.leader,
        }
      : null,
    queue: {
      queued: stats.queued,
      inFlight: stats.leased,
      delayed: stats.delayed,
      dead: stats.dead,
      oldestWaitSeconds: stats.oldestWaitSeconds,
      unappliedResults: stats.unappliedResults,
    },
    ...(templates && { templates }),
  };
}
