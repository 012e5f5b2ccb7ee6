import { UseFilters } from '@nestjs/common';
import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, TemplateService, type TemplateListQuery } from '@base-shift/templates';
import { JobTemplateFilterInput } from './job-template.inputs';
import { toJobTemplateConnection, toJobTemplateType } from './job-template.mapper';
import { JobTemplateConnectionType } from './job-template-page.types';
import { JobTemplateType } from './job-template.types';
import { TemplateErrorGraphqlFilter } from './template-error.filter';
import { RequireScopes } from '../../auth/auth.decorators';

const FIRST = `Page size, 1 to ${MAX_PAGE_SIZE}.`;
const AFTER = 'Cursor of the last template of the previous page (its cursor, or pageInfo.endCursor); omit it for the first page.';
const FILTER = 'Which templates to list; omit it for all of them.';

@Resolver(() => JobTemplateType)
@UseFilters(TemplateErrorGraphqlFilter)
@RequireScopes('templates:read')
export class JobTemplateQueriesResolver {
  constructor(private readonly templates: TemplateService) {}

  @Query(() => JobTemplateType, {
    nullable: true,
    description:
      'One template version: exact version, or the highest non-deprecated version in a semver range, or by default the highest non-deprecated release. Null when there is none.',
  })
  async jobTemplate(
    @Args('id', { type: () => ID, description: 'The templateId.' }) id: string,
    @Args('version', { type: () => String, nullable: true, description: 'Exact version (1.2.0) or range (^1.2, ~1.2.3, >=2 <3).' }) version?: string | null,
  ): Promise<JobTemplateType | null> {
    const found = await this.templates.getTemplate(id, version);
    return found ? toJobTemplateType(found) : null;
  }

  /** The seed's list field, kept as it was written; jobTemplatePage is the same listing with pageInfo. */
  @Query(() => [JobTemplateType], {
    description:
      "Templates ordered by templateId, each resolved like jobTemplate(id, filter.version); page with first/after (after = the last item's cursor). jobTemplatePage gives the same list with pageInfo.",
  })
  async jobTemplates(
    @Args('filter', { type: () => JobTemplateFilterInput, nullable: true, description: FILTER }) filter?: JobTemplateFilterInput | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: FIRST }) first?: number,
    @Args('after', { type: () => String, nullable: true, description: AFTER }) after?: string | null,
  ): Promise<JobTemplateType[]> {
    const page = await this.templates.listTemplates(listQuery(filter, first, after));
    return page.items.map(toJobTemplateType);
  }

  @Query(() => JobTemplateConnectionType, {
    description:
      'One page of templates ordered by templateId, each resolved like jobTemplate(id, filter.version), with pageInfo: while hasNextPage, ask again with after = endCursor.',
  })
  async jobTemplatePage(
    @Args('filter', { type: () => JobTemplateFilterInput, nullable: true, description: FILTER }) filter?: JobTemplateFilterInput | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: FIRST }) first?: number,
    @Args('after', { type: () => String, nullable: true, description: AFTER }) after?: string | null,
  ): Promise<JobTemplateConnectionType> {
    const query = listQuery(filter, first, after);
    return toJobTemplateConnection(await this.templates.listTemplates(query), query.after);
  }
}

function listQuery(filter: JobTemplateFilterInput | null | undefined, first: number | undefined, after: string | null | undefined): TemplateListQuery {
  return {
    filter: { name: filter?.name ?? undefined, version: filter?.version ?? undefined, type: filter?.type ?? undefined },
    first,
    after: after ?? undefined,
  };
}
