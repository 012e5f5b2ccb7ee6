import type { JobTemplate, TemplateDocument } from './template-types';

/** The members of a document that are a version's content (templateId and version name it; they are not content). */
export const CONTENT_FIELDS = [
  'name',
  'description',
  'steps',
  'inputSchema',
  'outputSchema',
  'resourceClass',
  'priority',
  'maxAttempts',
  'timeoutSeconds',
] as const;

export type TemplateContent = Pick<TemplateDocument, (typeof CONTENT_FIELDS)[number]>;

/** The content members the document sets (a member it leaves out keeps the server's value). */
export function documentContent(document: TemplateDocument): Partial<TemplateContent> {
  return Object.fromEntries(CONTENT_FIELDS.filter((field) => document[field] !== undefined).map((field) => [field, document[field]]));
}

/**
 * Whether publishing `document` would change anything against `version`: each
 * member the document sets is compared as JSON with object keys in any order
 * (a YAML file and the stored version rarely list keys alike).
 */
export function sameContent(document: TemplateDocument, version: JobTemplate): boolean {
  return Object.entries(documentContent(document)).every(([field, value]) => canonicalJson(value) === canonicalJson(version[field as keyof JobTemplate]));
}

/** JSON with every object's keys sorted: equal values give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, member: unknown) =>
    typeof member === 'object' && member !== null && !Array.isArray(member)
      ? Object.fromEntries(Object.entries(member as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : member,
  );
}

/** Checks a loaded file's shape before any call, naming the member that is wrong by its JSON Pointer. */
export function parseTemplateDocument(value: unknown): TemplateDocument {
  const problems: string[] = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new TypeError('/: must be an object (a template document)');
  const document = value as Record<string, unknown>;
  if (typeof document['templateId'] !== 'string' || document['templateId'] === '') problems.push('/templateId: must be a non-empty string');
  if (document['version'] !== undefined && typeof document['version'] !== 'string') problems.push('/version: must be a string');
  if (!Array.isArray(document['steps'])) problems.push('/steps: must be an array');
  for (const field of ['inputSchema', 'outputSchema']) {
    const schema = document[field];
    if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) problems.push(`/${field}: must be an object`);
  }
  if (problems.length > 0) throw new TypeError(problems.join('; '));
  return document as unknown as TemplateDocument;
}
