import { UseFilters } from '@nestjs/common';
import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { DEFAULT_PAGE_SIZE, TemplateService } from '@base-shift/templates';
import { JobTemplateFilterInput } from './job-template.inputs';
import { toJobTemplateType } from './job-template.mapper';
import { JobTemplateType } from './job-template.types';
import { TemplateErrorGraphqlFilter } from './template-error.filter';
import { RequireScopes } from '../../auth/auth.decorators';

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
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => String, nullable: true, description: 'Exact version (1.2.0) or range (^1.2, ~1.2.3, >=2 <3).' }) version?: string | null,
  ): Promise<JobTemplateType | null> {
    const found = await this.templates.getTemplate(id, version);
    return found ? toJobTemplateType(found) : null;
  }

  @Query(() => [JobTemplateType], {
    description: "Templates ordered by id, each resolved like jobTemplate(id, filter.version); page with first/after (after = the last item's cursor).",
  })
  async jobTemplates(
    @Args('filter', { type: () => JobTemplateFilterInput, nullable: true }) filter?: JobTemplateFilterInput | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: 'Page size, 1 to 100.' }) first?: number,
    @Args('after', { type: () => String, nullable: true, description: 'Cursor of the last template of the previous page.' }) after?: string | null,
  ): Promise<JobTemplateType[]> {
    const page = await this.templates.listTemplates({
      filter: { name: filter?.name ?? undefined, version: filter?.version ?? undefined, type: filter?.type ?? undefined },
      first,
      after: after ?? undefined,
    });
    return page.items.map(toJobTemplateType);
  }
}
