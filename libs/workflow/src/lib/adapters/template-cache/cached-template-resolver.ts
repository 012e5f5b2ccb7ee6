import { errorMessage, getLogger } from '@base-shift/core';
import type { VersionSummary } from '@base-shift/templates';
import type { PinnedTemplate, TemplateResolution, TemplateResolverPort } from '../../engine/engine-ports';
import type { TemplateLookup } from '../template-service-resolver';
import { LruMap } from './lru-map';
import { pinTemplate } from './pin-template';
import { resolveAmongVersions } from './resolve-among-versions';

/** The part of TemplateGeneration the cache reads. */
export interface TemplateGenerationSource {
  read(): Promise<string>;
  watch(onChange: () => void): Promise<void>;
}

export interface TemplateCacheOptions {
  /** At most this many version lists, and this many snapshots, are kept (least recently used dropped). */
  maxEntries: number;
  /** How long a generation read from Redis is trusted: how stale a replica can be when a change message is lost. */
  checkIntervalMs?: number;
  /** Longest a version list is served whatever the generation says, for a change whose INCR failed after the write. */
  maxAgeMs?: number;
  now?: () => number;
}

export const DEFAULT_TEMPLATE_CACHE_SIZE = 1000;
const DEFAULT_CHECK_INTERVAL_MS = 1000;
const DEFAULT_MAX_AGE_MS = 60_000;

interface VersionList {
  generation: string;
  loadedAt: number;
  versions: readonly VersionSummary[];
}

/**
 * TemplateResolverPort with the template store off the hot path. A version's
 * content never changes, so its pinned snapshot is kept by
 * `templateId@version` and never re-read; it is checked against the version's
 * createdAt, so a template deleted and created again is read anew. What
 * changes is the version list (publish adds, deprecate changes what ranges
 * pick, create/delete make it exist or not): each list is tagged with the
 * template generation (TemplateGeneration) it was read under, and served only
 * while that is still the generation. A change message makes the next request
 * read the generation; without one, it is read at most every checkIntervalMs.
 * When Redis cannot tell the generation, lists are read from the store.
 */
export class CachedTemplateResolver implements TemplateResolverPort {
  private readonly logger = getLogger(CachedTemplateResolver.name);
  private readonly versionLists: LruMap<string, VersionList>;
  private readonly snapshots: LruMap<string, { createdAt: number; template: PinnedTemplate }>;
  /** Reads in progress, so a burst of creates for one template costs one read. */
  private readonly loading = new Map<string, Promise<unknown>>();
  private readonly checkIntervalMs: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;
  private generation: string | undefined;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private check: Promise<string | undefined> | undefined;
  /** Counts change notices, so a generation read that raced one is not trusted. */
  private changes = 0;
  private watching = false;
  private unreachable = false;

  constructor(
    private readonly templates: TemplateLookup,
    private readonly generations: TemplateGenerationSource,
    options: TemplateCacheOptions,
  ) {
    this.versionLists = new LruMap(options.maxEntries);
    this.snapshots = new LruMap(options.maxEntries);
    this.checkIntervalMs = options.checkIntervalMs ?? DEFAULT_CHECK_INTERVAL_MS;
    this.maxAgeMs = options.maxAgeMs ?? DEFAULT_MAX_AGE_MS;
    this.now = options.now ?? Date.now;
  }

  resolve(templateId: string, versionOrRange: string | undefined): Promise<TemplateResolution> {
    this.startWatching();
    return resolveAmongVersions(versionOrRange, {
      versions: () => this.versions(templateId),
      snapshot: (chosen) => this.snapshot(templateId, chosen),
    });
  }

  private startWatching(): void {
    if (this.watching) return;
    this.watching = true;
    void this.generations.watch(() => this.changed()).catch((error) => this.logger.warn(`template change messages unavailable: ${errorMessage(error)}`));
  }

  /** A change somewhere: the next request reads the generation, not an answer to a GET sent before the change. */
  private changed(): void {
    this.changes++;
    this.checkedAt = Number.NEGATIVE_INFINITY;
    this.check = undefined;
  }

  private async versions(templateId: string): Promise<readonly VersionSummary[]> {
    const generation = await this.currentGeneration();
    if (generation === undefined) return this.templates.versionsOf(templateId);
    const cached = this.versionLists.get(templateId);
    if (cached && cached.generation === generation && this.now() - cached.loadedAt < this.maxAgeMs) return cached.versions;
    // Tagged with the generation before the read: a change stored during the read bumps past it, so the list is re-read.
    return this.once(`versions\u0000${generation}\u0000${templateId}`, async () => {
      const loadedAt = this.now();
      const versions = Object.freeze(await this.templates.versionsOf(templateId));
      this.versionLists.set(templateId, { generation, loadedAt, versions });
      return versions;
    });
  }

  private async snapshot(templateId: string, chosen: VersionSummary): Promise<PinnedTemplate | undefined> {
    const key = `${templateId}@${chosen.version}`;
    const createdAt = new Date(chosen.createdAt).getTime();
    const cached = this.snapshots.get(key);
    if (cached && cached.createdAt === createdAt) return cached.template;
    return this.once(`snapshot\u0000${key}\u0000${createdAt}`, async () => {
      const found = await this.templates.findVersion(templateId, chosen.version);
      if (!found) return undefined;
      // Shared by every workflow that pins it: frozen, so no caller can change what the next one gets.
      const template = deepFreeze(pinTemplate(found));
      this.snapshots.set(key, { createdAt: new Date(found.createdAt).getTime(), template });
      return template;
    });
  }

  private currentGeneration(): Promise<string | undefined> {
    if (this.generation !== undefined && this.now() - this.checkedAt < this.checkIntervalMs) return Promise.resolve(this.generation);
    if (!this.check) {
      const check = this.readGeneration().finally(() => {
        if (this.check === check) this.check = undefined;
      });
      this.check = check;
    }
    return this.check;
  }

  private async readGeneration(): Promise<string | undefined> {
    const changesBefore = this.changes;
    const startedAt = this.now();
    try {
      const generation = await this.generations.read();
      if (this.changes === changesBefore) {
        this.generation = generation;
        this.checkedAt = startedAt;
      }
      if (this.unreachable) this.logger.info('template generation readable again: template versions served from the cache');
      this.unreachable = false;
      return generation;
    } catch (error) {
      // Without the generation nothing cached can be trusted: read through until Redis answers (logged once per outage).
      if (!this.unreachable) this.logger.warn(`cannot read the template generation, reading templates from the store: ${errorMessage(error)}`);
      this.unreachable = true;
      this.generation = undefined;
      return undefined;
    }
  }

  private once<T>(key: string, load: () => Promise<T>): Promise<T> {
    const pending = this.loading.get(key) as Promise<T> | undefined;
    if (pending) return pending;
    const started = load().finally(() => this.loading.delete(key));
    this.loading.set(key, started);
    return started;
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
