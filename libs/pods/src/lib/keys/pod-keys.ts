/**
 * The one place the pod manager's Redis key names are made. Every key of one
 * control plane shares the `{<controlPlaneId>}` hash tag (one cluster slot), and
 * `prefix` isolates tests and developer instances sharing a Redis.
 */
export class PodKeys {
  private readonly base: string;

  constructor(controlPlaneId: string, prefix = '') {
    this.base = `${prefix}pods:{${controlPlaneId}}:`;
  }

  /** String: the identity of the replica that leads (local driver), with a TTL. */
  get leader(): string {
    return `${this.base}leader`;
  }

  /** Hash pool → JSON PoolStatus the leader writes each evaluation; every replica serves it. */
  get status(): string {
    return `${this.base}status`;
  }

  /** Hash "<pool>\t<templateId>\t<stat>" → number: observed runs per template (record-template-run-1.lua). */
  get templates(): string {
    return `${this.base}templates`;
  }
}
