/** A JSON object (a JSON Schema, a step config). */
export type JsonObject = { [key: string]: unknown };

export interface JobStep {
  name: string;
  /** A registered step type: validation, external_api_call, transform or delay. */
  type: string;
  config: JsonObject;
}

/** One version of a job template, as GraphQL's JobTemplate answers it. */
export interface JobTemplate {
  /** The template's one name, as in its document and in REST. */
  templateId: string;
  /** The same value: the seed's GraphQL schema calls it `id`. */
  id: string;
  version: string;
  name: string;
  description: string | null;
  deprecated: boolean;
  createdAt: string;
  resourceClass: string;
  priority: number;
  maxAttempts: number;
  timeoutSeconds: number;
  requiredSecrets: string[];
  steps: JobStep[];
  inputSchema: JsonObject;
  outputSchema: JsonObject;
  /** Position in jobTemplates order (the `after` of the next page). */
  cursor: string;
}

/** One version of a template, as listed in JobTemplate.versions. */
export interface JobTemplateVersion {
  version: string;
  deprecated: boolean;
  createdAt: string;
}

/**
 * A template as people write it in a file (the seed's payment_gateway_template
 * works as is): `templateId` and the content of a version. Fields left out take
 * the server's defaults on creation and the highest version's values later.
 */
export interface TemplateDocument {
  templateId: string;
  version?: string;
  name?: string;
  description?: string | null;
  steps: JobStep[];
  inputSchema: JsonObject;
  outputSchema: JsonObject;
  resourceClass?: string;
  priority?: number;
  maxAttempts?: number;
  timeoutSeconds?: number;
}

export interface TemplateFilter {
  /** Case-insensitive part of the name. */
  name?: string;
  /** A step type the resolved version uses. */
  type?: string;
  /** Exact version or semver range each template is resolved with. */
  version?: string;
}

export interface TemplatePage {
  items: JobTemplate[];
  /** Pass as `after` for the next page; null when this page was not full. */
  nextCursor: string | null;
}

/** What `apply` did: created the template, published a new version, or nothing (same content as the highest version). */
export interface AppliedTemplate {
  action: 'created' | 'published' | 'unchanged';
  template: JobTemplate;
}
