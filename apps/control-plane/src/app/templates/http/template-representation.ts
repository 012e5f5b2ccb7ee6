import type { ResolvedTemplate } from '@base-shift/templates';

export type TemplateRepresentation = ReturnType<typeof toTemplateRepresentation>;

/** REST view of a template version: the seed's document shape (templateId, not id) plus what readers need to use it. */
export function toTemplateRepresentation({ template, versions }: ResolvedTemplate) {
  return {
    ...template,
    createdAt: template.createdAt.toISOString(),
    versions: versions.map((v) => ({ version: v.version, deprecated: v.deprecated, createdAt: v.createdAt.toISOString() })),
  };
}
