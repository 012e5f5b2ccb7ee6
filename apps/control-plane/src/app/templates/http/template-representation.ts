import type { ResolvedTemplate } from '@base-shift/templates';

/** REST view of a template version: the seed's document shape plus what readers need to use it. */
export function toTemplateRepresentation({ template, versions }: ResolvedTemplate) {
  return {
    templateId: template.templateId,
    name: template.name,
    description: template.description,
    version: template.version,
    steps: template.steps,
    inputSchema: template.inputSchema,
    outputSchema: template.outputSchema,
    requiredSecrets: template.requiredSecrets,
    deprecated: template.deprecated,
    createdAt: template.createdAt.toISOString(),
    priority: template.priority,
    maxAttempts: template.maxAttempts,
    timeoutSeconds: template.timeoutSeconds,
    resourceClass: template.resourceClass,
    versions: versions.map((v) => ({ version: v.version, deprecated: v.deprecated, createdAt: v.createdAt.toISOString() })),
  };
}
