import type { Model } from 'mongoose';
import type { JobTemplateVersion, VersionSummary } from '../../model/job-template';
import { DuplicateTemplateVersionError, type TemplateIdQuery, type TemplateRepository } from '../../ports/template-repository.port';
import type { JobTemplateRecord } from './job-template.record';

const DUPLICATE_KEY = 11000;

/**
 * Mongoose adapter. Uses only what FerretDB v1 (SQLite) supports: find with
 * sort/limit/projection, distinct, insert, updateOne, deleteMany, and
 * dot-notation into arrays (`steps.type`) — not $elemMatch, which FerretDB v1
 * silently answers with nothing — and no transactions. Built on the model of
 * `JobTemplateRecordSchema` registered as `JOB_TEMPLATE_MODEL`.
 */
export class MongoTemplateRepository implements TemplateRepository {
  constructor(private readonly model: Model<JobTemplateRecord>) {}

  async insertVersion(template: JobTemplateVersion): Promise<void> {
    // Uniqueness is only guaranteed once the index exists; init() builds it once and is memoized.
    await this.model.init();
    try {
      await this.model.create(toRecord(template));
    } catch (error) {
      if ((error as { code?: unknown }).code === DUPLICATE_KEY) throw new DuplicateTemplateVersionError(template.templateId, template.version);
      throw error;
    }
  }

  async findVersion(templateId: string, version: string): Promise<JobTemplateVersion | undefined> {
    const record = await this.model.findOne({ templateId, version }).lean<JobTemplateRecord>().exec();
    return record ? toDomain(record) : undefined;
  }

  async listVersions(templateId: string): Promise<VersionSummary[]> {
    const records = await this.model.find({ templateId }, { _id: 0, version: 1, deprecated: 1, createdAt: 1 }).lean<VersionSummary[]>().exec();
    return records.map(({ version, deprecated, createdAt }) => ({ version, deprecated, createdAt }));
  }

  async findAllVersions(templateIds: readonly string[]): Promise<JobTemplateVersion[]> {
    if (templateIds.length === 0) return [];
    const records = await this.model
      .find({ templateId: { $in: [...templateIds] } })
      .lean<JobTemplateRecord[]>()
      .exec();
    return records.map(toDomain);
  }

  async findTemplateIds(query: TemplateIdQuery): Promise<string[]> {
    const filter: Record<string, unknown> = {};
    if (query.after !== undefined) filter['templateId'] = { $gt: query.after };
    if (query.stepType !== undefined) filter['steps.type'] = query.stepType;
    if (query.nameContains !== undefined) filter['name'] = { $regex: escapeRegex(query.nameContains), $options: 'i' };
    // distinct has no limit: fine for thousands of templates; ids are ASCII, so JS order = server order.
    const ids = (await this.model.distinct('templateId', filter).exec()) as string[];
    return ids.sort().slice(0, query.limit);
  }

  async setDeprecated(templateId: string, version: string, deprecated: boolean): Promise<boolean> {
    const result = await this.model.updateOne({ templateId, version }, { $set: { deprecated } }).exec();
    return result.matchedCount > 0;
  }

  async deleteTemplate(templateId: string): Promise<number> {
    const result = await this.model.deleteMany({ templateId }).exec();
    return result.deletedCount;
  }
}

function toRecord(template: JobTemplateVersion): JobTemplateRecord {
  return {
    ...template,
    steps: template.steps.map((step) => ({ name: step.name, type: step.type, config: JSON.stringify(step.config) })),
    inputSchema: JSON.stringify(template.inputSchema),
    outputSchema: JSON.stringify(template.outputSchema),
  };
}

function toDomain(record: JobTemplateRecord): JobTemplateVersion {
  return {
    templateId: record.templateId,
    version: record.version,
    name: record.name,
    description: record.description ?? null,
    steps: record.steps.map((step) => ({ name: step.name, type: step.type, config: JSON.parse(step.config) })),
    inputSchema: JSON.parse(record.inputSchema),
    outputSchema: JSON.parse(record.outputSchema),
    requiredSecrets: [...record.requiredSecrets],
    priority: record.priority,
    maxAttempts: record.maxAttempts,
    timeoutSeconds: record.timeoutSeconds,
    resourceClass: record.resourceClass,
    deprecated: record.deprecated,
    createdAt: new Date(record.createdAt),
  };
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
