import type { JobTemplateVersion, VersionSummary } from '@base-shift/templates';
import type { TemplateResolution, TemplateResolverPort } from '../engine/engine-ports';
import { pinTemplate } from './template-cache/pin-template';
import { resolveAmongVersions } from './template-cache/resolve-among-versions';

/** The part of the templates lib's TemplateService the engine uses. */
export interface TemplateLookup {
  versionsOf(templateId: string): Promise<VersionSummary[]>;
  findVersion(templateId: string, version: string): Promise<JobTemplateVersion | undefined>;
}

/** Adapter: TemplateResolverPort over @base-shift/templates (exact version, semver range, latest), reading the store every time. */
export class TemplateServiceResolver implements TemplateResolverPort {
  constructor(private readonly templates: TemplateLookup) {}

  async resolve(templateId: string, versionOrRange: string | undefined): Promise<TemplateResolution> {
    return resolveAmongVersions(versionOrRange, {
      versions: () => this.templates.versionsOf(templateId),
      snapshot: async ({ version }) => {
        const found = await this.templates.findVersion(templateId, version);
        return found ? pinTemplate(found) : undefined;
      },
    });
  }
}
