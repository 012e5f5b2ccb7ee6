import mongoose, { type Connection } from 'mongoose';
import { isolatedMongoUrl } from '@base-shift/testing';
import type { JobTemplateVersion } from '../../model/job-template';
import { DuplicateTemplateVersionError } from '../../ports/template-repository.port';
import { JOB_TEMPLATE_MODEL, JobTemplateRecordSchema, type JobTemplateRecord } from './job-template.record';
import { MongoTemplateRepository } from './mongo-template-repository';

const version = (templateId: string, v: string, patch: Partial<JobTemplateVersion> = {}): JobTemplateVersion => ({
  templateId,
  version: v,
  name: `${templateId} template`,
  description: null,
  steps: [{ name: 'shape', type: 'transform', config: { output: { total: { $from: 'input.amount' }, 'a.b': [1, { z: 1, a: 2 }] } } }],
  inputSchema: { $defs: { money: { type: 'number' } }, type: 'object', properties: { amount: { $ref: '#/$defs/money' } } },
  outputSchema: { type: 'object' },
  requiredSecrets: [],
  priority: 0,
  maxAttempts: 3,
  timeoutSeconds: 300,
  resourceClass: 'default',
  deprecated: false,
  createdAt: new Date('2025-01-02T03:04:05.678Z'),
  ...patch,
});

describe('MongoTemplateRepository (real FerretDB)', () => {
  let connection: Connection;
  let repository: MongoTemplateRepository;

  beforeAll(async () => {
    connection = await mongoose.createConnection(isolatedMongoUrl('template_repo'), { serverSelectionTimeoutMS: 5000 }).asPromise();
    repository = new MongoTemplateRepository(connection.model<JobTemplateRecord>(JOB_TEMPLATE_MODEL, JobTemplateRecordSchema));
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it('round-trips user JSON exactly, $-keys, dotted keys and key order included', async () => {
    const original = version('roundtrip', '1.0.0');
    await repository.insertVersion(original);
    const stored = await repository.findVersion('roundtrip', '1.0.0');
    expect(stored).toEqual(original);
    expect(JSON.stringify(stored?.steps)).toBe(JSON.stringify(original.steps));
    expect(JSON.stringify(stored?.inputSchema)).toBe(JSON.stringify(original.inputSchema));
  });

  it('refuses a second copy of a version, even when both inserts race', async () => {
    const results = await Promise.allSettled([1, 2, 3, 4].map(() => repository.insertVersion(version('race', '2.0.0'))));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const failed of results.filter((r) => r.status === 'rejected')) {
      expect((failed as PromiseRejectedResult).reason).toBeInstanceOf(DuplicateTemplateVersionError);
    }
    expect(await repository.listVersions('race')).toHaveLength(1);
  });

  it('keeps stored content immutable: only the deprecated flag changes', async () => {
    await repository.insertVersion(version('frozen', '1.0.0'));
    await connection.model(JOB_TEMPLATE_MODEL).updateOne({ templateId: 'frozen' }, { $set: { name: 'changed', steps: [] } });
    expect(await repository.setDeprecated('frozen', '1.0.0', true)).toBe(true);
    expect(await repository.setDeprecated('frozen', '9.9.9', true)).toBe(false);
    expect(await repository.findVersion('frozen', '1.0.0')).toEqual(version('frozen', '1.0.0', { deprecated: true }));
  });

  it('finds candidate ids by step type and name, ascending after a position', async () => {
    await repository.insertVersion(version('list-b', '1.0.0', { name: 'Bravo', steps: [{ name: 'wait', type: 'delay', config: { ms: 1 } }] }));
    await repository.insertVersion(version('list-a', '1.0.0', { name: 'Alpha' }));
    await repository.insertVersion(version('list-c', '1.0.0', { name: 'Charlie (a.b)' }));
    expect(await repository.findTemplateIds({ after: 'list-', limit: 3 })).toEqual(['list-a', 'list-b', 'list-c']);
    expect(await repository.findTemplateIds({ after: 'list-a', limit: 1 })).toEqual(['list-b']);
    expect(await repository.findTemplateIds({ after: 'list-', stepType: 'delay', limit: 10 })).toEqual(['list-b']);
    expect(await repository.findTemplateIds({ nameContains: 'CHAR', limit: 10 })).toEqual(['list-c']);
    expect(await repository.findTemplateIds({ nameContains: '(a.b)', limit: 10 })).toEqual(['list-c']);
  });

  it('deletes every version of a template', async () => {
    await repository.insertVersion(version('gone', '1.0.0'));
    await repository.insertVersion(version('gone', '1.1.0'));
    expect(await repository.deleteTemplate('gone')).toBe(2);
    expect(await repository.listVersions('gone')).toEqual([]);
    expect(await repository.deleteTemplate('gone')).toBe(0);
  });
});
