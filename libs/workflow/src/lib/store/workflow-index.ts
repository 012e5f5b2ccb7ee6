import type { RedisConnection } from '@base-shift/redis';
import { WorkflowValidationError } from '../domain/workflow-errors';
import { WORKFLOW_STATES, type WorkflowState } from '../domain/workflow-states';
import type { WorkflowKeys } from './workflow-keys';

export interface WorkflowSummary {
  id: string;
  name?: string;
  state: WorkflowState;
  currentJob: string;
  createdAt: number;
  updatedAt: number;
  finishedAt?: number;
}

export interface WorkflowPage {
  items: WorkflowSummary[];
  /** Pass back as `cursor` for the next page; null at the end. A page may hold fewer than `limit` items. */
  nextCursor: string | null;
}

interface Position {
  score: number;
  id: string;
}

/** Entries scanned per page at most, so a rare state filter cannot make one request unbounded. */
const MAX_SCANNED_PER_PAGE = 2000;
/** An index entry whose workflow never got written (its creator crashed) is dropped after this. */
const ORPHAN_AGE_MS = 10 * 60 * 1000;

export function encodeCursor(position: Position): string {
  return Buffer.from(`${position.score}:${position.id}`).toString('base64url');
}

export function decodeCursor(cursor: string): Position {
  const text = Buffer.from(cursor, 'base64url').toString();
  const match = /^(\d{1,16}):([A-Za-z0-9-]{1,64})$/.exec(text);
  if (!match) throw new WorkflowValidationError([{ pointer: '/cursor', message: 'is not a cursor returned by this API (use nextCursor as is)' }]);
  return { score: Number(match[1]), id: match[2] };
}

/**
 * Listing, newest first. The index keys live outside any workflow's hash tag,
 * so they are written in separate steps that are safe to repeat, and every
 * read checks an entry against the workflow's own state (and repairs it).
 */
export class WorkflowIndex {
  constructor(
    private readonly redis: RedisConnection,
    private readonly keys: WorkflowKeys,
  ) {}

  /** Written BEFORE the workflow, so a crash in between leaves an entry the reader skips, never a hidden workflow. */
  async add(id: string, createdAt: number): Promise<void> {
    await this.redis.zadd(this.keys.index(), 'NX', createdAt, id);
  }

  /**
   * Puts `id` in the index of `state` and takes it out of `previous` (every
   * other state when unknown, as after a crash). A reader repairs what a
   * crash in between leaves behind.
   */
  async syncState(id: string, state: WorkflowState, createdAt: number, previous?: WorkflowState | null): Promise<void> {
    const stale = previous ? (previous === state ? [] : [previous]) : WORKFLOW_STATES.filter((other) => other !== state);
    await Promise.all([this.redis.zadd(this.keys.stateIndex(state), createdAt, id), ...stale.map((other) => this.redis.zrem(this.keys.stateIndex(other), id))]);
  }

  /** Drops `id` from the listing and every state index (its workflow was deleted or expired); safe to repeat. */
  async remove(id: string): Promise<void> {
    // One command per key: each index lives in its own cluster slot.
    await Promise.all([this.keys.index(), ...WORKFLOW_STATES.map((state) => this.keys.stateIndex(state))].map((key) => this.redis.zrem(key, id)));
  }

  /**
   * Workflows per state as indexed (ZCARD of each state index, O(1) each):
   * what every replica reads alike, e.g. for metrics. An entry a crash left
   * in a wrong state counts there until a listing repairs it.
   */
  async countByState(): Promise<Record<WorkflowState, number>> {
    // One command per key: each index lives in its own cluster slot.
    const counts = await Promise.all(WORKFLOW_STATES.map((state) => this.redis.zcard(this.keys.stateIndex(state))));
    return Object.fromEntries(WORKFLOW_STATES.map((state, index) => [state, counts[index]])) as Record<WorkflowState, number>;
  }

  async list(options: { state?: WorkflowState; limit: number; cursor?: string }): Promise<WorkflowPage> {
    const key = options.state ? this.keys.stateIndex(options.state) : this.keys.index();
    const after = options.cursor ? decodeCursor(options.cursor) : undefined;
    const batch = Math.min(Math.max(options.limit * 2, 20), 500);
    // One item more than asked for tells whether another page exists.
    const found: Array<{ summary: WorkflowSummary; position: Position }> = [];
    let lastScanned: Position | undefined;
    let scanned = 0;
    let exhausted = false;

    while (found.length <= options.limit && scanned < MAX_SCANNED_PER_PAGE && !exhausted) {
      const flat = await this.redis.zrange(key, after ? after.score : '+inf', '-inf', 'BYSCORE', 'REV', 'LIMIT', scanned, batch, 'WITHSCORES');
      const entries: Position[] = [];
      for (let i = 0; i + 1 < flat.length; i += 2) entries.push({ id: flat[i], score: Number(flat[i + 1]) });
      scanned += entries.length;
      exhausted = entries.length < batch;
      // Same-score members come in reverse lexical order: skip up to and including the cursor's.
      const fresh = entries.filter((entry) => !(after && entry.score === after.score && entry.id >= after.id));
      const summaries = await Promise.all(fresh.map((entry) => this.summary(entry.id)));
      for (const [index, summary] of summaries.entries()) {
        if (found.length > options.limit) break;
        const position = fresh[index];
        lastScanned = position;
        if (!summary) {
          if (Date.now() - position.score > ORPHAN_AGE_MS) await this.redis.zrem(key, position.id);
        } else if (options.state && summary.state !== options.state) {
          await this.repair(position.id, summary.state, options.state, position.score);
        } else {
          found.push({ summary, position });
        }
      }
    }

    if (found.length > options.limit) {
      const page = found.slice(0, options.limit);
      return { items: page.map((f) => f.summary), nextCursor: encodeCursor(page[page.length - 1].position) };
    }
    return { items: found.map((f) => f.summary), nextCursor: !exhausted && lastScanned ? encodeCursor(lastScanned) : null };
  }

  private async repair(id: string, actual: WorkflowState, listed: WorkflowState, score: number): Promise<void> {
    await Promise.all([this.redis.zrem(this.keys.stateIndex(listed), id), this.redis.zadd(this.keys.stateIndex(actual), score, id)]);
  }

  private async summary(id: string): Promise<WorkflowSummary | null> {
    const k = this.keys.forWorkflow(id);
    const [state, currentJob, meta] = await Promise.all([
      this.redis.get(k.state),
      this.redis.get(k.currentJob),
      this.redis.hmget(k.meta, 'name', 'createdAt', 'updatedAt', 'finishedAt'),
    ]);
    if (state === null) return null;
    const [name, createdAt, updatedAt, finishedAt] = meta;
    return {
      id,
      ...(name ? { name } : {}),
      state: state as WorkflowState,
      currentJob: currentJob ?? '',
      createdAt: Number(createdAt),
      updatedAt: Number(updatedAt),
      ...(finishedAt ? { finishedAt: Number(finishedAt) } : {}),
    };
  }
}
