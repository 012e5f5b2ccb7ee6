import { templateSnapshotField, templateSnapshotsKey } from '@base-shift/job-contract';
import type { RedisConnection } from '@base-shift/redis';
import { TemplateNotFoundError } from '../errors/executor-errors';
import { prepareTemplate, type PreparedTemplate } from './prepared-template';

export interface TemplateRef {
  workflowId: string;
  templateId: string;
  version: string;
}

/**
 * Reads the template snapshots the workflow engine pins into each workflow
 * (key and field names from @base-shift/job-contract, shared with the engine).
 * A published version never changes, so a snapshot is read from Redis once per
 * (templateId, version) and then served from memory.
 */
export class TemplateSnapshotStore {
  private readonly cache = new Map<string, Promise<PreparedTemplate>>();

  constructor(
    private readonly redis: RedisConnection,
    private readonly keyPrefix = '',
    private readonly maxEntries = 1000,
  ) {}

  get(ref: TemplateRef): Promise<PreparedTemplate> {
    const field = templateSnapshotField(ref.templateId, ref.version);
    let entry = this.cache.get(field);
    if (entry) {
      // Map order is insertion order: re-inserting keeps the most used versions at the end.
      this.cache.delete(field);
      this.cache.set(field, entry);
      return entry;
    }
    entry = this.load(ref, field);
    this.cache.set(field, entry);
    // A failed read (Redis down, snapshot missing) is not cached: the next job tries again.
    entry.catch(() => this.cache.delete(field));
    if (this.cache.size > this.maxEntries) this.cache.delete(this.cache.keys().next().value as string);
    return entry;
  }

  private async load(ref: TemplateRef, field: string): Promise<PreparedTemplate> {
    const raw = await this.redis.hget(templateSnapshotsKey(this.keyPrefix, ref.workflowId), field);
    if (raw === null) throw new TemplateNotFoundError(`template snapshot ${field} of workflow ${ref.workflowId} is not in Redis (was the workflow deleted?)`);
    return prepareTemplate(ref.templateId, ref.version, JSON.parse(raw) as unknown);
  }
}
