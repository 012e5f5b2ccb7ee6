import { graphqlRequest, type GraphqlTransport } from '../graphql/graphql-request';
import { ProblemError } from '../problem-error';
import { documentContent, sameContent } from './template-content';
import type { AppliedTemplate, JobTemplate, JobTemplateVersion, TemplateDocument, TemplateFilter, TemplatePage } from './template-types';

const TEMPLATE_FIELDS =
  'templateId id version name description deprecated createdAt resourceClass priority maxAttempts timeoutSeconds requiredSecrets steps { name type config } inputSchema outputSchema cursor';

export type VersionBump = 'MAJOR' | 'MINOR' | 'PATCH';

/** The GraphQL operations on job templates (Query.jobTemplate(s), Mutation.createJobTemplate/publishJobTemplateVersion/deprecateJobTemplateVersion). */
export class TemplateOperations {
  constructor(private readonly transport: GraphqlTransport) {}

  /** One version: exact, the highest non-deprecated in a range, or by default the highest non-deprecated release; null when there is none. */
  async get(id: string, version?: string): Promise<JobTemplate | null> {
    const data = await graphqlRequest<{ jobTemplate: JobTemplate | null }>(
      this.transport,
      `query JobTemplate($id: ID!, $version: String) { jobTemplate(id: $id, version: $version) { ${TEMPLATE_FIELDS} } }`,
      { id, ...(version !== undefined && { version }) },
    );
    return data.jobTemplate;
  }

  /** One page of templates ordered by id, each resolved like get(id, filter.version). */
  async list(options: { filter?: TemplateFilter; first?: number; after?: string } = {}): Promise<TemplatePage> {
    const first = options.first ?? 20;
    const data = await graphqlRequest<{ jobTemplates: JobTemplate[] }>(
      this.transport,
      `query JobTemplates($filter: JobTemplateFilter, $first: Int, $after: String) { jobTemplates(filter: $filter, first: $first, after: $after) { ${TEMPLATE_FIELDS} } }`,
      { first, ...(options.filter && { filter: options.filter }), ...(options.after !== undefined && { after: options.after }) },
    );
    const items = data.jobTemplates;
    return { items, nextCursor: items.length === first ? (items[items.length - 1]?.cursor ?? null) : null };
  }

  /** Every version of a template, newest first; null when the template has no version get(id) resolves. */
  async versions(id: string): Promise<JobTemplateVersion[] | null> {
    const data = await graphqlRequest<{ jobTemplate: { versions: JobTemplateVersion[] } | null }>(
      this.transport,
      'query JobTemplateVersions($id: ID!) { jobTemplate(id: $id) { versions { version deprecated createdAt } } }',
      { id },
    );
    return data.jobTemplate?.versions ?? null;
  }

  /** Deprecates a version (or restores it with deprecated = false). */
  async deprecate(id: string, version: string, deprecated = true): Promise<JobTemplate> {
    const data = await graphqlRequest<{ deprecateJobTemplateVersion: JobTemplate }>(
      this.transport,
      `mutation Deprecate($id: ID!, $version: String!, $deprecated: Boolean!) { deprecateJobTemplateVersion(id: $id, version: $version, deprecated: $deprecated) { ${TEMPLATE_FIELDS} } }`,
      { id, version, deprecated },
    );
    return data.deprecateJobTemplateVersion;
  }

  /** Creates a template with its first version (the document's version, 1.0.0 when it names none). */
  async create(document: TemplateDocument): Promise<JobTemplate> {
    const input = { templateId: document.templateId, ...(document.version !== undefined && { version: document.version }), ...documentContent(document) };
    const data = await graphqlRequest<{ createJobTemplate: JobTemplate }>(
      this.transport,
      `mutation Create($input: CreateJobTemplateInput!) { createJobTemplate(input: $input) { ${TEMPLATE_FIELDS} } }`,
      { input },
    );
    return data.createJobTemplate;
  }

  /** Publishes the document's content as a new version: `version` when given (it must be greater than the highest), else the highest bumped. */
  async publish(document: TemplateDocument, next: { version: string } | { bump: VersionBump }): Promise<JobTemplate> {
    const data = await graphqlRequest<{ publishJobTemplateVersion: JobTemplate }>(
      this.transport,
      `mutation Publish($id: ID!, $changes: JobTemplateChangesInput, $version: String, $bump: VersionBump) { publishJobTemplateVersion(id: $id, changes: $changes, version: $version, bump: $bump) { ${TEMPLATE_FIELDS} } }`,
      { id: document.templateId, changes: documentContent(document), ...next },
    );
    return data.publishJobTemplateVersion;
  }

  /**
   * Idempotent publish (`bsctl template apply`): creates the template when it
   * does not exist; otherwise compares the document with the highest version
   * and publishes a new version only when the content differs — numbered as
   * the document says when that version is new, else the highest version
   * bumped (an edited file that kept its version number still publishes).
   */
  async apply(document: TemplateDocument, bump: VersionBump = 'PATCH'): Promise<AppliedTemplate> {
    const versions = await this.versions(document.templateId);
    const highest = versions?.[0];
    if (!highest) return { action: 'created', template: await this.create(document) };
    const latest = await this.get(document.templateId, highest.version);
    if (!latest)
      throw new ProblemError({ status: 409, title: 'Conflict', detail: `version ${highest.version} of ${document.templateId} disappeared while applying` });
    if (sameContent(document, latest)) return { action: 'unchanged', template: latest };
    const taken = versions.some((existing) => existing.version === document.version);
    const next = document.version !== undefined && !taken ? { version: document.version } : { bump };
    return { action: 'published', template: await this.publish(document, next) };
  }
}
