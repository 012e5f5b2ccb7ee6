import type { JsonObject, JsonValue } from '@base-shift/core';
import { InvalidTemplateError, type JobTemplateVersion } from '@base-shift/templates';
import type { PinnedTemplate, TemplateResolution, TemplateResolverPort } from '../engine/engine-ports';

/** The part of the templates lib's TemplateService the engine uses. */
export interface TemplateLookup {
  resolveTemplate(templateId: string, versionOrRange?: string | null): Promise<JobTemplateVersion | null>;
  getTemplate(templateId: string, versionOrRange?: string | null): Promise<unknown>;
}

/** Adapter: TemplateResolverPort over @base-shift/templates (exact version, semver range, latest). */
export class TemplateServiceResolver implements TemplateResolverPort {
  constructor(private readonly templates: TemplateLookup) {}

  async resolve(templateId: string, versionOrRange: string | undefined): Promise<TemplateResolution> {
    let found: JobTemplateVersion | null;
    try {
      found = await this.templates.resolveTemplate(templateId, versionOrRange);
    } catch (error) {
      if (error instanceof InvalidTemplateError) return { problem: 'invalid-version' };
      throw error;
    }
    if (found) return { template: pin(found) };
    // Tell "no such template" from "no version qualifies": the latter has a released, non-deprecated version.
    const any = await this.templates.getTemplate(templateId, '>=0.0.0-0');
    return { problem: any ? 'no-matching-version' : 'unknown-template' };
  }
}

/** The snapshot a workflow carries: content and run defaults, not the mutable `deprecated` flag. */
function pin(template: JobTemplateVersion): PinnedTemplate {
  return {
    templateId: template.templateId,
    version: template.version,
    name: template.name,
    steps: template.steps as unknown as JsonValue[],
    inputSchema: template.inputSchema as JsonObject,
    outputSchema: template.outputSchema as JsonObject,
    priority: template.priority,
    maxAttempts: template.maxAttempts,
    timeoutSeconds: template.timeoutSeconds,
    resourceClass: template.resourceClass,
    requiredSecrets: [...template.requiredSecrets],
  };
}
