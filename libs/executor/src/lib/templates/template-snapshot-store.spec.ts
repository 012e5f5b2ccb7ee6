import { isolatedRedis, type IsolatedRedis } from '@base-shift/testing';
import { InvalidTemplateError, TemplateNotFoundError, UnknownStepTypeError } from '../errors/executor-errors';
import { prepareTemplate } from './prepared-template';
import { TemplateSnapshotStore } from './template-snapshot-store';

const snapshot = {
  templateId: 'shape',
  version: '1.0.0',
  steps: [{ name: 'shape', type: 'transform', config: { output: { id: { $from: 'input.id' } } } }],
  outputSchema: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
};

describe('TemplateSnapshotStore (real Redis)', () => {
  let redis: IsolatedRedis;
  beforeEach(() => (redis = isolatedRedis('snapshots')));
  afterEach(() => redis.cleanup());

  it("reads the engine's pinned snapshot once per version, then serves it from memory", async () => {
    const key = `${redis.prefix}workflow:{wf-1}:templates`;
    await redis.redis.hset(key, 'shape@1.0.0', JSON.stringify(snapshot));
    const store = new TemplateSnapshotStore(redis.redis, redis.prefix);
    const first = await store.get({ workflowId: 'wf-1', templateId: 'shape', version: '1.0.0' });
    expect(first.steps.map((s) => s.type)).toEqual(['transform']);
    await redis.redis.del(key);
    // Another workflow pinning the same (immutable) version needs no read.
    expect(await store.get({ workflowId: 'wf-2', templateId: 'shape', version: '1.0.0' })).toBe(first);
  });

  it('reports a missing snapshot, and reads again next time', async () => {
    const store = new TemplateSnapshotStore(redis.redis, redis.prefix);
    const ref = { workflowId: 'wf-9', templateId: 'shape', version: '2.0.0' };
    await expect(store.get(ref)).rejects.toThrow(TemplateNotFoundError);
    await redis.redis.hset(`${redis.prefix}workflow:{wf-9}:templates`, 'shape@2.0.0', JSON.stringify(snapshot));
    await expect(store.get(ref)).resolves.toMatchObject({ templateId: 'shape', version: '2.0.0' });
  });
});

describe('prepareTemplate', () => {
  it('compiles the outputSchema once for every job of the version', () => {
    const prepared = prepareTemplate('shape', '1.0.0', snapshot);
    expect(prepared.failure).toBeUndefined();
    expect(prepared.outputProblems({ id: 'x' })).toEqual([]);
    expect(prepared.outputProblems({ id: 5 })).toEqual([{ pointer: '/id', message: 'must be a string' }]);
  });

  it('turns what this executor cannot run into a permanent failure for each job', () => {
    const unknown = prepareTemplate('t', '1.0.0', { steps: [{ name: 'x', type: 'quantum', config: {} }] });
    expect(unknown.failure?.()).toBeInstanceOf(UnknownStepTypeError);
    const invalid = prepareTemplate('t', '1.0.0', { steps: [{ name: 'wait', type: 'delay', config: { ms: -1 } }] });
    expect(invalid.failure?.()).toBeInstanceOf(InvalidTemplateError);
    expect(invalid.failure?.().message).toBe('template t@1.0.0: /steps/0/config/ms: must be >= 0');
    expect(prepareTemplate('t', '1.0.0', { steps: [] }).failure?.().message).toBe('template t@1.0.0: the snapshot has no steps');
  });
});
