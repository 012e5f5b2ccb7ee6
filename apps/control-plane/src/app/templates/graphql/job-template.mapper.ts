import { encodeCursor, type ResolvedTemplate, type TemplateChanges, type TemplateDraft } from '@base-shift/templates';
import type { CreateJobTemplateInput, JobTemplateChangesInput } from './job-template.inputs';
import type { JobTemplateType } from './job-template.types';

export function toJobTemplateType({ template, versions }: ResolvedTemplate): JobTemplateType {
  const { templateId, ...fields } = template;
  return { ...fields, id: templateId, versions, cursor: encodeCursor(templateId) };
}

export function toTemplateDraft(input: CreateJobTemplateInput): TemplateDraft {
  const { id, ...rest } = input;
  return { templateId: id, ...withoutNulls(rest), description: input.description } as TemplateDraft;
}

export function toTemplateChanges(input: JobTemplateChangesInput | null | undefined): TemplateChanges {
  if (!input) return {};
  // An explicit null description clears it; any other null means "keep".
  const changes = withoutNulls({ ...input }) as TemplateChanges;
  if (input.description === null) changes.description = null;
  return changes;
}

/** GraphQL passes omitted optional fields as absent or null; the domain wants absent. */
function withoutNulls<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== null && item !== undefined)) as Partial<T>;
}
