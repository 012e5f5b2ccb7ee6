import type { JobTemplateVersion, VersionSummary } from '../model/job-template';

/** Thrown by insertVersion when (templateId, version) is already stored: the unique index refused it. */
export class DuplicateTemplateVersionError extends Error {
  constructor(
    readonly templateId: string,
    readonly version: string,
  ) {
    super(`template ${templateId} version ${version} already exists`);
    this.name = 'DuplicateTemplateVersionError';
  }
}

export interface TemplateIdQuery {
  /** Only ids strictly greater than this one (keyset pagination). */
  after?: string;
  /** Only templates with at least one version having a step of this type. */
  stepType?: string;
  /** Only templates with at least one version whose name contains this text, ignoring case. */
  nameContains?: string;
  limit: number;
}

/**
 * Storage of template versions. A stored version never changes except its
 * `deprecated` flag; uniqueness of (templateId, version) is the storage's
 * guarantee, which concurrent publishes rely on.
 */
export interface TemplateRepository {
  /** @throws DuplicateTemplateVersionError when the version exists. */
  insertVersion(template: JobTemplateVersion): Promise<void>;
  findVersion(templateId: string, version: string): Promise<JobTemplateVersion | undefined>;
  /** Every version of one template, in no particular order; empty when the template does not exist. */
  listVersions(templateId: string): Promise<VersionSummary[]>;
  /** Every version of each given template, in no particular order. */
  findAllVersions(templateIds: readonly string[]): Promise<JobTemplateVersion[]>;
  /** Distinct template ids matching the query, ascending, at most `limit`. */
  findTemplateIds(query: TemplateIdQuery): Promise<string[]>;
  /** @returns false when that version does not exist. */
  setDeprecated(templateId: string, version: string, deprecated: boolean): Promise<boolean>;
  /** Deletes every version; returns how many there were. */
  deleteTemplate(templateId: string): Promise<number>;
}
