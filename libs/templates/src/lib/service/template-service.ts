import { errorMessage, getLogger, type ValidationProblem } from '@base-shift/core';
import { InvalidTemplateError, TemplateAlreadyExistsError, TemplateNotFoundError, TemplateVersionConflictError } from '../errors/template-errors';
import {
  DEFAULT_RUN_DEFAULTS,
  type JobTemplateVersion,
  type ResolvedTemplate,
  type TemplateChanges,
  type TemplateContent,
  type TemplateDraft,
  type VersionSummary,
} from '../model/job-template';
import type { TemplateChange, TemplateObserver, TemplateOperation } from '../ports/template-observer.port';
import { DuplicateTemplateVersionError, type TemplateRepository } from '../ports/template-repository.port';
import { templateRequiredSecrets, validateTemplateDocument, type SecretBindingsLookup } from '../validation/validate-template';
import {
  bumpVersion,
  FIRST_VERSION,
  highestVersion,
  isGreaterVersion,
  parseVersionSelector,
  selectVersion,
  sortNewestFirst,
  VERSION_BUMPS,
  versionProblem,
  type VersionBump,
} from '../versioning/template-versions';
import { listTemplatePage, type TemplateListQuery, type TemplatePage } from './template-listing';

/** How publishVersion names the new version: exactly one of the two. */
export interface PublishRequest {
  bump?: VersionBump;
  version?: string;
}

const CONTENT_KEYS: readonly (keyof TemplateContent)[] = [
  'name',
  'description',
  'steps',
  'inputSchema',
  'outputSchema',
  'priority',
  'maxAttempts',
  'timeoutSeconds',
  'resourceClass',
];

/**
 * The template store's use cases. Throws only TemplateError subclasses for
 * anything the caller got wrong. Framework-free: the app builds it with its
 * repository adapter and, optionally, an observer (metrics).
 */
export class TemplateService {
  private readonly logger = getLogger(TemplateService.name);

  constructor(
    private readonly repository: TemplateRepository,
    private readonly observer?: TemplateObserver,
    /** Each pool's secret bindings: templates sending a secret elsewhere are refused. Without it, only the executor checks. */
    private readonly secretBindings?: SecretBindingsLookup,
  ) {}

  async createTemplate(draft: TemplateDraft): Promise<ResolvedTemplate> {
    const problems = validateTemplateDocument(draft, this.secretBindings);
    if (problems.length > 0) throw this.invalid('create', problems);
    if ((await this.repository.listVersions(draft.templateId)).length > 0) throw new TemplateAlreadyExistsError(draft.templateId);
    const content: TemplateContent = Object.assign(
      {
        ...DEFAULT_RUN_DEFAULTS,
        name: draft.templateId,
        description: null,
        steps: draft.steps,
        inputSchema: draft.inputSchema,
        outputSchema: draft.outputSchema,
      },
      pickContent(draft),
    );
    const template = this.newVersion(draft.templateId, draft.version ?? FIRST_VERSION, content);
    try {
      await this.repository.insertVersion(template);
    } catch (error) {
      if (error instanceof DuplicateTemplateVersionError) throw new TemplateAlreadyExistsError(draft.templateId);
      throw error;
    }
    this.logger.info(`created template ${template.templateId} ${template.version}`);
    await this.changed({ templateId: template.templateId, kind: 'create' });
    return { template, versions: [summary(template)] };
  }

  /**
   * Publishes a new version: the highest version's content with `changes`
   * applied, numbered by `bump` (from the highest version) or an explicit
   * greater `version`. When a concurrent publish takes the number first, a
   * bump is retried once from the new highest version (re-applying `changes`
   * on top of it, so neither write is lost); otherwise it is a conflict.
   */
  async publishVersion(templateId: string, request: PublishRequest, changes: TemplateChanges = {}): Promise<ResolvedTemplate> {
    const requestProblems = publishRequestProblems(request);
    for (let attempt = 1; ; attempt++) {
      const highest = highestVersion((await this.repository.listVersions(templateId)).map((v) => v.version));
      const base = highest === undefined ? undefined : await this.repository.findVersion(templateId, highest);
      if (highest === undefined || !base) throw new TemplateNotFoundError(templateId);
      const content: TemplateContent = Object.assign(pickContent(base) as TemplateContent, pickContent(changes));
      const problems = [...requestProblems, ...validateTemplateDocument({ templateId, ...content }, this.secretBindings)];
      if (problems.length > 0) throw this.invalid('publish', problems);
      const next = request.bump ? bumpVersion(highest, request.bump) : (request.version as string);
      if (!isGreaterVersion(next, highest)) throw new TemplateVersionConflictError(templateId, next, highest);
      try {
        const template = this.newVersion(templateId, next, content);
        await this.repository.insertVersion(template);
        this.logger.info(`published template ${templateId} ${next}`);
        await this.changed({ templateId, kind: 'publish' });
        return await this.withVersions(template);
      } catch (error) {
        if (!(error instanceof DuplicateTemplateVersionError)) throw error;
        if (request.bump && attempt === 1) continue;
        const current = highestVersion((await this.repository.listVersions(templateId)).map((v) => v.version)) ?? next;
        throw new TemplateVersionConflictError(templateId, next, current);
      }
    }
  }

  /** Sets or clears the deprecated flag of one version; ranges and the default skip deprecated versions. */
  async deprecateVersion(templateId: string, version: string, deprecated = true): Promise<ResolvedTemplate> {
    const problem = versionProblem(version, '/version');
    if (problem) throw this.invalid('deprecate', [problem]);
    if (!(await this.repository.setDeprecated(templateId, version, deprecated))) {
      const exists = (await this.repository.listVersions(templateId)).length > 0;
      throw new TemplateNotFoundError(templateId, exists ? version : undefined);
    }
    this.logger.info(`${deprecated ? 'deprecated' : 'undeprecated'} template ${templateId} ${version}`);
    await this.changed({ templateId, kind: 'deprecate' });
    const updated = await this.getTemplate(templateId, version);
    // Only a concurrent delete can make it vanish between the update and this read.
    if (!updated) throw new TemplateNotFoundError(templateId, version);
    return updated;
  }

  /** Deletes every version; returns how many were deleted. */
  async deleteTemplate(templateId: string): Promise<number> {
    const deleted = await this.repository.deleteTemplate(templateId);
    if (deleted === 0) throw new TemplateNotFoundError(templateId);
    this.logger.info(`deleted template ${templateId} (${deleted} versions)`);
    await this.changed({ templateId, kind: 'delete' });
    return deleted;
  }

  /** The version `versionOrRange` selects (see selectVersion), with the template's version list; null when none. */
  async getTemplate(templateId: string, versionOrRange?: string | null): Promise<ResolvedTemplate | null> {
    const selector = parseVersionSelector(versionOrRange);
    const versions = await this.repository.listVersions(templateId);
    const chosen = selectVersion(versions, selector);
    const template = chosen === undefined ? undefined : await this.repository.findVersion(templateId, chosen);
    return template ? { template, versions: sortNewestFirst(versions) } : null;
  }

  /**
   * What the workflow engine pins when a workflow is created: an exact version
   * (deprecated ones included), the highest non-deprecated version satisfying
   * a range, or with no version the highest non-deprecated, non-prerelease one.
   * Null when nothing qualifies.
   */
  async resolveTemplate(templateId: string, versionOrRange?: string | null): Promise<JobTemplateVersion | null> {
    return (await this.getTemplate(templateId, versionOrRange))?.template ?? null;
  }

  /** Every version of one template (number, deprecated flag, creation time), in no particular order; empty when unknown. */
  versionsOf(templateId: string): Promise<VersionSummary[]> {
    return this.repository.listVersions(templateId);
  }

  /** One stored version by its exact number; its content never changes while the template exists. */
  findVersion(templateId: string, version: string): Promise<JobTemplateVersion | undefined> {
    return this.repository.findVersion(templateId, version);
  }

  listTemplates(query: TemplateListQuery = {}): Promise<TemplatePage> {
    return listTemplatePage(this.repository, query);
  }

  private newVersion(templateId: string, version: string, content: TemplateContent): JobTemplateVersion {
    return { templateId, version, ...content, requiredSecrets: templateRequiredSecrets(content.steps), deprecated: false, createdAt: new Date() };
  }

  /** Tells the observer about a stored change; its failure is logged: the change is stored and the caller gets its answer. */
  private async changed(change: TemplateChange): Promise<void> {
    try {
      await this.observer?.templateChanged?.(change);
    } catch (error) {
      this.logger.warn(`template observer failed on ${change.kind} of ${change.templateId}: ${errorMessage(error)}`);
    }
  }

  /** The error for a refused document, reported to the observer first (a failing observer never hides it). */
  private invalid(operation: TemplateOperation, problems: readonly ValidationProblem[]): InvalidTemplateError {
    try {
      this.observer?.validationFailed?.(operation, problems);
    } catch (error) {
      this.logger.warn(`template observer failed: ${errorMessage(error)}`);
    }
    return new InvalidTemplateError(problems);
  }

  private async withVersions(template: JobTemplateVersion): Promise<ResolvedTemplate> {
    return { template, versions: sortNewestFirst(await this.repository.listVersions(template.templateId)) };
  }
}

function publishRequestProblems(request: PublishRequest): ValidationProblem[] {
  if ((request.bump === undefined) === (request.version === undefined)) {
    return [{ pointer: '/bump', message: 'give exactly one of bump (major, minor, patch) or version' }];
  }
  if (request.bump !== undefined && !VERSION_BUMPS.includes(request.bump)) return [{ pointer: '/bump', message: `must be one of ${VERSION_BUMPS.join(', ')}` }];
  const problem = request.version === undefined ? undefined : versionProblem(request.version, '/version');
  return problem ? [problem] : [];
}

/** Only the content fields that are present, so spreading never copies an `undefined` over a value. */
function pickContent(source: Partial<TemplateContent>): Partial<TemplateContent> {
  return Object.fromEntries(CONTENT_KEYS.filter((key) => source[key] !== undefined).map((key) => [key, source[key]]));
}

function summary(template: JobTemplateVersion) {
  return { version: template.version, deprecated: template.deprecated, createdAt: template.createdAt };
}
