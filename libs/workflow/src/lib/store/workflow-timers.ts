import { runLuaScript, type RedisConnection } from '@base-shift/redis';
import { WORKFLOW_SCRIPTS } from './lua-scripts';
import type { WorkflowKeys } from './workflow-keys';

export interface ClaimedTimer {
  workflowId: string;
  /** Give back to `settle`: proves the claim is still ours. */
  claimedScore: string;
}

/**
 * One ZSET of "look at this workflow at time T": deadlines, and recovery of
 * steps a crashed process left half-done (an API call arms a timer a little
 * in the future before it starts changing things).
 */
export class WorkflowTimers {
  private readonly claimScript = WORKFLOW_SCRIPTS['claim-timers'];
  private readonly settleScript = WORKFLOW_SCRIPTS['settle-timer'];

  constructor(
    private readonly redis: RedisConnection,
    private readonly keys: WorkflowKeys,
  ) {}

  /** Due at `at` (ms) or earlier, whichever is sooner; safe to repeat. */
  async arm(workflowId: string, at: number): Promise<void> {
    await this.redis.zadd(this.keys.timers(), 'LT', Math.ceil(at), workflowId);
  }

  async claim(claimMs: number, limit: number): Promise<ClaimedTimer[]> {
    const flat = (await runLuaScript(this.redis, this.claimScript, [this.keys.timers()], [claimMs, limit])) as string[];
    const claimed: ClaimedTimer[] = [];
    for (let i = 0; i + 1 < flat.length; i += 2) claimed.push({ workflowId: flat[i], claimedScore: flat[i + 1] });
    return claimed;
  }

  async settle(timer: ClaimedTimer, next: number | null): Promise<void> {
    await runLuaScript(this.redis, this.settleScript, [this.keys.timers()], [timer.workflowId, timer.claimedScore, next === null ? '' : Math.ceil(next)]);
  }

  async remove(workflowId: string): Promise<void> {
    await this.redis.zrem(this.keys.timers(), workflowId);
  }

  async dueAt(workflowId: string): Promise<number | null> {
    const score = await this.redis.zscore(this.keys.timers(), workflowId);
    return score === null ? null : Number(score);
  }
}
