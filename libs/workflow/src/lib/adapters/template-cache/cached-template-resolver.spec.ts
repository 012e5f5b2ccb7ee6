import mongoose, { type Connection } from 'mongoose';
import { JOB_TEMPLATE_MODEL, JobTemplateRecordSchema, MongoTemplateRepository, TemplateService, type JobTemplateRecord } from '@base-shift/templates';
import type { RedisConnection } from '@base-shift/redis';
import { isolatedMongoUrl, isolatedRedis, type IsolatedRedis } from '@base-shift/testing';
import type { PinnedTemplate, TemplateResolution } from '../../engine/engine-ports';
import { WorkflowEngine } from '../../engine/workflow-engine';
import { WorkflowIndex } from '../../store/workflow-index';
import { WorkflowKeys } from '../../store/workflow-keys';
import { WorkflowStore } from '../../store/workflow-store';
import { WorkflowTimers } from '../../store/workflow-timers';
import { QueueAdapter } from '../queue-adapter';
import { TemplateServiceResolver } from '../template-service-resolver';
import { CachedTemplateResolver, type TemplateCacheOptions } from './cached-template-resolver';
import { TemplateGeneration } from './template-generation';

const POOL = 'default';
/** Long enough that only a change message (or a bump in the same process) can make a replica see a change in time. */
const NO_POLLING = 60_000;

/** Counts the store reads a replica makes: the real repository, every call passed through. */
function countingRepository(repository: MongoTemplateRepository) {
  const calls = { listVersions: 0, findVersion: 0 };
  const counted = new Proxy(repository, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (property === 'listVersions' || property === 'findVersion') calls[property]++;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { repository: counted, calls, reads: () => calls.listVersions + calls.findVersion };
}

function draft(templateId: string) {
  return {
    templateId,
    steps: [{ name: 'noop', type: 'transform', config: { output: { ok: true } } }],
    inputSchema: { type: 'object' },
    outputSchema: { type: 'object' },
    resourceClass: POOL,
  };
}

function pinned(resolution: TemplateResolution): PinnedTemplate {
  if ('problem' in resolution) throw new Error(`expected a template, got ${resolution.problem}`);
  return resolution.template;
}

describe('CachedTemplateResolver (real Redis and FerretDB)', () => {
  let connection: Connection;
  let env: IsolatedRedis;
  const opened: { generation: TemplateGeneration; redis: RedisConnection }[] = [];

  /** One control-plane replica: its own repository (counted), TemplateService, Redis connection, generation and cache. */
  function replica(options: Partial<TemplateCacheOptions> = {}) {
    const counted = countingRepository(new MongoTemplateRepository(connection.model<JobTemplateRecord>(JOB_TEMPLATE_MODEL, JobTemplateRecordSchema)));
    const redis = env.redis.duplicate();
    const generation = new TemplateGeneration(redis, () => redis.duplicate(), env.prefix);
    opened.push({ generation, redis });
    const service = new TemplateService(counted.repository, { templateChanged: (change) => generation.bump(change.templateId) });
    const resolver = new CachedTemplateResolver(service, generation, { maxEntries: 100, checkIntervalMs: NO_POLLING, ...options });
    return { ...counted, service, resolver, generation };
  }

  beforeAll(async () => {
    connection = await mongoose.createConnection(isolatedMongoUrl('template_cache'), { serverSelectionTimeoutMS: 5000 }).asPromise();
    env = isolatedRedis('template-cache');
  });

  afterAll(async () => {
    for (const { generation, redis } of opened) {
      await generation.close();
      await redis.quit();
    }
    await env.cleanup();
    await connection.dropDatabase();
    await connection.close();
  });

  it('creates workflows from the cache: after the first create, no store read', async () => {
    const a = replica();
    await a.service.createTemplate(draft('cache-create'));
    const keys = new WorkflowKeys(env.prefix);
    const queue = new QueueAdapter(env.redis, { pools: [POOL], prefix: env.prefix, consumer: 'cache-test' });
    const engine = new WorkflowEngine(
      {
        store: new WorkflowStore(env.redis, keys),
        index: new WorkflowIndex(env.redis, keys),
        timers: new WorkflowTimers(env.redis, keys),
        queue,
        templates: a.resolver,
      },
      { pools: [POOL] },
    );
    try {
      const request = {
        jobs: [
          { id: 'a', templateId: 'cache-create' },
          { id: 'b', templateId: 'cache-create', version: '^1' },
        ],
      };
      const beforeFirst = a.reads();
      await engine.create(request);
      const afterFirst = a.reads();
      expect(afterFirst - beforeFirst).toBe(2); // one version list, one snapshot, though two jobs resolved at once
      for (let i = 0; i < 5; i++) {
        const { workflow } = await engine.create(request);
        expect(workflow.jobs.map((job) => job.version)).toEqual(['1.0.0', '1.0.0']);
      }
      expect(a.reads()).toBe(afterFirst);
    } finally {
      await queue.close();
    }
  });

  it('lets another replica see a published version at once, through the change message', async () => {
    const [a, b] = [replica(), replica()];
    await a.service.createTemplate(draft('cache-publish'));
    expect(pinned(await b.resolver.resolve('cache-publish', undefined)).version).toBe('1.0.0');
    // The subscription is made on the first resolve; wait for it before the change.
    await subscribed(b.generation);
    await a.service.publishVersion('cache-publish', { bump: 'minor' });
    await eventuallyVersion(b.resolver, 'cache-publish', undefined, '1.1.0');
    // The replica that published sees it in its very next create (no message needed).
    expect(pinned(await a.resolver.resolve('cache-publish', undefined)).version).toBe('1.1.0');
  });

  it('lets another replica see a deprecation at once, and an un-deprecation', async () => {
    const [a, b] = [replica(), replica()];
    await a.service.createTemplate(draft('cache-deprecate'));
    await a.service.publishVersion('cache-deprecate', { bump: 'minor' });
    expect(pinned(await b.resolver.resolve('cache-deprecate', '^1')).version).toBe('1.1.0');
    await subscribed(b.generation);
    await a.service.deprecateVersion('cache-deprecate', '1.1.0');
    await eventuallyVersion(b.resolver, 'cache-deprecate', '^1', '1.0.0');
    await a.service.deprecateVersion('cache-deprecate', '1.1.0', false);
    await eventuallyVersion(b.resolver, 'cache-deprecate', '^1', '1.1.0');
  });

  it('bounds staleness by the generation check when a replica missed the message', async () => {
    const a = replica();
    // b never hears messages (its subscription is never made) and checks the generation every 200 ms.
    const b = replica({ checkIntervalMs: 200 });
    jest.spyOn(b.generation, 'watch').mockResolvedValue(undefined);
    await a.service.createTemplate(draft('cache-missed'));
    expect(pinned(await b.resolver.resolve('cache-missed', undefined)).version).toBe('1.0.0');
    const published = Date.now();
    await a.service.publishVersion('cache-missed', { bump: 'patch' });
    await eventuallyVersion(b.resolver, 'cache-missed', undefined, '1.0.1');
    expect(Date.now() - published).toBeLessThan(1000);
  });

  it('never re-reads a pinned exact version, across publishes and deprecations', async () => {
    const [a, b] = [replica(), replica()];
    await a.service.createTemplate(draft('cache-exact'));
    await b.resolver.resolve('cache-exact', '1.0.0');
    await subscribed(b.generation);
    for (const bump of ['minor', 'major'] as const) {
      await a.service.publishVersion('cache-exact', { bump });
      await eventuallyVersion(b.resolver, 'cache-exact', undefined, bump === 'minor' ? '1.1.0' : '2.0.0');
    }
    await a.service.deprecateVersion('cache-exact', '1.0.0');
    await eventuallyVersion(b.resolver, 'cache-exact', '^1.0.0', '1.1.0');
    b.calls.findVersion = 0;
    for (let i = 0; i < 3; i++) expect(pinned(await b.resolver.resolve('cache-exact', '1.0.0')).version).toBe('1.0.0');
    // Deprecated, but pinned workflows keep working; its snapshot comes from the cache.
    expect(b.calls.findVersion).toBe(0);
  });

  it('reads a template deleted and created again anew, and reports a deleted one as unknown', async () => {
    const [a, b] = [replica(), replica()];
    await a.service.createTemplate(draft('cache-recreate'));
    await b.resolver.resolve('cache-recreate', '1.0.0');
    await subscribed(b.generation);
    await a.service.deleteTemplate('cache-recreate');
    await eventually(() => b.resolver.resolve('cache-recreate', '1.0.0'), { problem: 'unknown-template' } as TemplateResolution);
    await a.service.createTemplate({ ...draft('cache-recreate'), maxAttempts: 7 });
    await eventually(async () => pinned(await b.resolver.resolve('cache-recreate', '1.0.0')).maxAttempts, 7);
  });

  it('keeps at most maxEntries version lists and snapshots, dropping the least recently used', async () => {
    const a = replica({ maxEntries: 2 });
    for (const id of ['lru-1', 'lru-2', 'lru-3']) await a.service.createTemplate(draft(id));
    const before = a.reads();
    for (const id of ['lru-1', 'lru-2', 'lru-3']) await a.resolver.resolve(id, undefined);
    expect(a.reads() - before).toBe(6);
    // lru-2 and lru-3 are cached; lru-1 was evicted.
    await a.resolver.resolve('lru-3', undefined);
    await a.resolver.resolve('lru-2', undefined);
    expect(a.reads() - before).toBe(6);
    await a.resolver.resolve('lru-1', undefined);
    expect(a.reads() - before).toBe(8);
  });

  it('refuses an invalid version without reading the store, and tells unknown templates from unmatched versions', async () => {
    const a = replica();
    await a.service.createTemplate(draft('cache-problems'));
    const before = a.reads();
    expect(await a.resolver.resolve('cache-problems', 'not a version')).toEqual({ problem: 'invalid-version' });
    expect(a.reads()).toBe(before);
    expect(await a.resolver.resolve('cache-problems', '^2')).toEqual({ problem: 'no-matching-version' });
    expect(await a.resolver.resolve('cache-nothing', undefined)).toEqual({ problem: 'unknown-template' });
  });

  it('answers like the uncached resolver (TEMPLATE_CACHE_SIZE=0), which reads the store every time', async () => {
    const a = replica();
    await a.service.createTemplate(draft('cache-same'));
    await a.service.publishVersion('cache-same', { version: '1.1.0-rc.1' });
    await a.service.publishVersion('cache-same', { bump: 'major' });
    await a.service.deprecateVersion('cache-same', '2.0.0');
    const uncached = new TemplateServiceResolver(a.service);
    for (const selector of [undefined, '1.0.0', '2.0.0', '^1', '^1.1.0-rc.0', '^2', '>=3', 'x y z']) {
      const before = a.reads();
      const expected = await uncached.resolve('cache-same', selector);
      if (selector !== 'x y z') expect(a.reads()).toBeGreaterThan(before);
      expect(await a.resolver.resolve('cache-same', selector)).toEqual(expected);
    }
    expect(await uncached.resolve('cache-none', undefined)).toEqual({ problem: 'unknown-template' });
  });

  it('reads through to the store while Redis cannot tell the generation', async () => {
    // Checks the generation on every create.
    const a = replica({ checkIntervalMs: 0 });
    await a.service.createTemplate(draft('cache-outage'));
    await a.resolver.resolve('cache-outage', undefined);
    const before = a.calls.listVersions;
    jest.spyOn(a.generation, 'read').mockRejectedValue(new Error('connection lost'));
    expect(pinned(await a.resolver.resolve('cache-outage', undefined)).version).toBe('1.0.0');
    expect(pinned(await a.resolver.resolve('cache-outage', undefined)).version).toBe('1.0.0');
    expect(a.calls.listVersions).toBe(before + 2);
  });
});

/** The replica's first resolve subscribes to change messages; this waits until Redis confirmed it. */
async function subscribed(generation: TemplateGeneration): Promise<void> {
  await generation.watch(() => undefined);
}

async function eventuallyVersion(resolver: CachedTemplateResolver, templateId: string, range: string | undefined, version: string): Promise<void> {
  await eventually(async () => pinned(await resolver.resolve(templateId, range)).version, version);
}

/** Polls `read` every 10 ms until it equals `expected`, for at most 1 s (the bound the cache promises). */
async function eventually<T>(read: () => Promise<T>, expected: T): Promise<void> {
  const until = Date.now() + 1000;
  let last: T | undefined;
  while (Date.now() < until) {
    last = await read();
    if (JSON.stringify(last) === JSON.stringify(expected)) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  expect(last).toEqual(expected);
}
