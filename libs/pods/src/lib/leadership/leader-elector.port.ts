/**
 * One replica's claim on leadership: a coordination.k8s.io Lease (kubernetes
 * driver) or a Redis lock (local driver). Only the leader runs the autoscaler
 * and the health monitor.
 */
export interface LeaderElector {
  /** This replica's identity, written into the lease / lock. */
  readonly identity: string;
  /** How long a lease lives without renewal (ms): the longest a follower waits after the leader died. */
  readonly leaseDurationMs: number;
  /** One attempt: acquire if free or expired, renew if ours. Resolves to whether this replica leads now. */
  tryAcquireOrRenew(): Promise<boolean>;
  /** Gives the lease up (graceful shutdown) so a follower takes over at its next attempt. */
  release(): Promise<void>;
}
