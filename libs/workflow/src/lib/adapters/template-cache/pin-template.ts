import type { JsonObject, JsonValue } from '@base-shift/core';
import type { JobTemplateVersion } from '@base-shift/templates';
import type { PinnedTemplate } from '../../engine/engine-ports';

/** The snapshot a workflow carries: content and run defaults, not the mutable `deprecated` flag. */
export function pinTemplate(template: JobTemplateVersion): PinnedTemplate {
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
