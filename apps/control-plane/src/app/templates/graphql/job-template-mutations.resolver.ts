import { UseFilters } from '@nestjs/common';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { TemplateService } from '@base-shift/templates';
import { CreateJobTemplateInput, JobTemplateChangesInput, VersionBumpInput } from './job-template.inputs';
import { toJobTemplateType, toTemplateChanges, toTemplateDraft } from './job-template.mapper';
import { DeletedJobTemplateType, JobTemplateType } from './job-template.types';
import { TemplateErrorGraphqlFilter } from './template-error.filter';
import { RequireScopes } from '../../auth/auth.decorators';

@Resolver(() => JobTemplateType)
@UseFilters(TemplateErrorGraphqlFilter)
@RequireScopes('templates:write')
export class JobTemplateMutationsResolver {
  constructor(private readonly templates: TemplateService) {}

  @Mutation(() => JobTemplateType, {
    description: "Creates a template with its first version (1.0.0 unless given). Takes the seed's template document as written (templateId, no name).",
  })
  async createJobTemplate(
    @Args('input', { type: () => CreateJobTemplateInput, description: "The template document: the seed's shape, as written." }) input: CreateJobTemplateInput,
  ): Promise<JobTemplateType> {
    return toJobTemplateType(await this.templates.createTemplate(toTemplateDraft(input)));
  }

  @Mutation(() => JobTemplateType, {
    description:
      'Publishes a new version: the highest version with `changes` applied, numbered by bump or by an explicit greater version (exactly one of them).',
  })
  async publishJobTemplateVersion(
    @Args('id', { type: () => ID, description: 'The templateId.' }) id: string,
    @Args('bump', { type: () => VersionBumpInput, nullable: true, description: 'Number the new version by increasing this part of the highest version.' })
    bump?: VersionBumpInput | null,
    @Args('version', { type: () => String, nullable: true, description: 'Number the new version explicitly: greater than the highest version.' })
    version?: string | null,
    @Args('changes', { type: () => JobTemplateChangesInput, nullable: true, description: 'Fields to replace; omit it to republish the content as is.' })
    changes?: JobTemplateChangesInput | null,
  ): Promise<JobTemplateType> {
    const published = await this.templates.publishVersion(id, { bump: bump ?? undefined, version: version ?? undefined }, toTemplateChanges(changes));
    return toJobTemplateType(published);
  }

  @Mutation(() => JobTemplateType, { description: 'Deprecates (or with deprecated: false restores) one version.' })
  async deprecateJobTemplateVersion(
    @Args('id', { type: () => ID, description: 'The templateId.' }) id: string,
    @Args('version', { type: () => String, description: 'The exact version to deprecate or restore.' }) version: string,
    @Args('deprecated', { type: () => Boolean, defaultValue: true, description: 'False restores a deprecated version.' }) deprecated: boolean,
  ): Promise<JobTemplateType> {
    return toJobTemplateType(await this.templates.deprecateVersion(id, version, deprecated));
  }

  @Mutation(() => DeletedJobTemplateType, { description: 'Deletes a template with all its versions.' })
  async deleteJobTemplate(@Args('id', { type: () => ID, description: 'The templateId.' }) id: string): Promise<DeletedJobTemplateType> {
    return { templateId: id, id, deletedVersions: await this.templates.deleteTemplate(id) };
  }
}
