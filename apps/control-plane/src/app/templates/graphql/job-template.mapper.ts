import { encodeCursor, InvalidTemplateError, type ResolvedTemplate, type TemplateChanges, type TemplateDraft, type TemplatePage } from '@base-shift/templates';
import type { CreateJobTemplateInput, JobTemplateChangesInput } from './job-template.inputs';
import type { JobTemplateConnectionType } from './job-template-page.types';
import type { JobTemplateType } from './job-template.types';

export function toJobTemplateType({ template, versions }: ResolvedTemplate): JobTemplateType {
  return { ...template, id: template.templateId, versions, cursor: encodeCursor(template.templateId) };
}

export function toJobTemplateConnection(page: TemplatePage, after: string | undefined): JobTemplateConnectionType {
  const nodes = page.items.map(toJobTemplateType);
  return {
    edges: nodes.map((node) => ({ cursor: node.cursor, node })),
    nodes,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor, hasPreviousPage: after !== undefined, startCursor: nodes[0]?.cursor ?? null },
  };
}

/**
 * The input as the domain's draft (the seed's document shape). `id` is the
 * first schema's alias of `templateId`: one of them, or both equal. With
 * neither, the document check reports `/templateId` as required.
 */
export function toTemplateDraft(input: CreateJobTemplateInput): TemplateDraft {
  const { id, templateId, ...rest } = input;
  if (id != null && templateId != null && id !== templateId) {
    throw new InvalidTemplateError([{ pointer: '/id', message: 'must equal templateId (id is its alias): give one of them' }]);
  }
  const draft = { ...withoutNulls(rest), description: input.description } as TemplateDraft;
  const chosen = templateId ?? id;
  if (chosen != null) draft.templateId = chosen;
  return draft;
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
