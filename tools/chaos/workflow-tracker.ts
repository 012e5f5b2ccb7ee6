import { createRedisConnection, type RedisConnection } from '@base-shift/redis';
import type { TrackedWorkflow } from './load-generator';

export const TERMINAL = new Set(['COMPLETED', 'FAILED', 'CANCELLED']);
const POLL_MS = 100;
const ROUND_TIMEOUT_MS = 2_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Follows every created workflow's state from Redis (`workflow:{<id>}:state`,
 * one pipelined GET each per round), so watching puts no load on the control
 * planes being measured. Notes when each becomes terminal (to ±100 ms), and a
 * workflow whose state key disappears after it was seen (Redis lost its data).
 * Rounds while Redis is down fail and are skipped.
 */
export class WorkflowTracker {
  private readonly redis: RedisConnection;
  private running = true;
  private readonly loop: Promise<void>;
  /** When each workflow was first seen COMPLETED. */
  readonly completions: number[] = [];
  /** When Redis was restarted empty: a workflow created before then and now missing is gone with the data, seen or not. */
  lossAt?: number;

  constructor(
    redisUrl: string,
    private readonly workflows: TrackedWorkflow[],
  ) {
    this.redis = createRedisConnection(redisUrl, { connectionName: 'base-shift:chaos:tracker' });
    this.loop = this.run();
  }

  /** Resolves once every workflow of `which` that was created is terminal or vanished, or after `timeoutMs`. */
  async waitSettled(which: (workflow: TrackedWorkflow) => boolean, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const unsettled = () => this.workflows.filter((w) => which(w) && w.id && !w.terminalAt && !w.vanished).length;
    while (unsettled() > 0 && Date.now() < deadline && this.running) await sleep(POLL_MS);
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
    this.redis.disconnect();
  }

  private async run(): Promise<void> {
    while (this.running) {
      await this.round().catch(() => undefined);
      await sleep(POLL_MS);
    }
  }

  private async round(): Promise<void> {
    const open = this.workflows.filter((w) => w.id && !w.terminalAt && !w.vanished);
    if (open.length === 0) return;
    const pipeline = this.redis.pipeline();
    for (const w of open) pipeline.get(`workflow:{${w.id}}:state`);
    const results = await Promise.race([
      pipeline.exec(),
      sleep(ROUND_TIMEOUT_MS).then(() => {
        throw new Error('Redis did not answer');
      }),
    ]);
    const now = Date.now();
    open.forEach((w, i) => {
      const [error, state] = results?.[i] ?? [new Error('no reply'), null];
      if (error) return;
      if (state === null) {
        // A workflow is written before its 201, so missing means lost — for one created before the loss.
        if (this.lossAt !== undefined && (w.createdAt ?? 0) < this.lossAt) w.vanished = true;
        return;
      }
      w.state = state as string;
      if (TERMINAL.has(w.state)) {
        w.terminalAt = now;
        if (w.state === 'COMPLETED') this.completions.push(now);
      }
    });
  }
}
