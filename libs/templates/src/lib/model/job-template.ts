import type { JsonObject } from '@base-shift/core';

export interface JobStep {
  name: string;
  /** A registered step type (see @base-shift/steps STEP_TYPES). */
  type: string;
  config: JsonObject;
}

/** What a scheduler needs to run jobs of a template, unless a job overrides it. */
export interface RunDefaults {
  /** Base priority; higher runs first (aging is added by the scheduler). */
  priority: number;
  maxAttempts: number;
  timeoutSeconds: number;
  /** The executor pool the jobs run in. */
  resourceClass: string;
}

export const DEFAULT_RUN_DEFAULTS: Readonly<RunDefaults> = { priority: 0, maxAttempts: 3, timeoutSeconds: 300, resourceClass: 'default' };

/** The content a user writes; a version freezes it. */
export interface TemplateContent extends RunDefaults {
  name: string;
  description: string | null;
  steps: JobStep[];
  inputSchema: JsonObject;
  outputSchema: JsonObject;
}

/** One stored, immutable version of a template (only `deprecated` may change). */
export interface JobTemplateVersion extends TemplateContent {
  templateId: string;
  version: string;
  /** Names of the `${NAME}` secrets the steps need at run time; values are never stored. */
  requiredSecrets: string[];
  deprecated: boolean;
  createdAt: Date;
}

export interface VersionSummary {
  version: string;
  deprecated: boolean;
  createdAt: Date;
}

/** Input of createTemplate: the seed's document shape; everything but the id, steps and schemas is optional. */
export interface TemplateDraft extends Partial<RunDefaults> {
  templateId: string;
  name?: string;
  description?: string | null;
  version?: string;
  steps: JobStep[];
  inputSchema: JsonObject;
  outputSchema: JsonObject;
}

/** Input of publishVersion: fields to replace in the new version; the rest is copied from the highest version. */
export type TemplateChanges = Partial<TemplateContent>;

/** A resolved version together with the list of all versions of its template (newest first). */
export interface ResolvedTemplate {
  template: JobTemplateVersion;
  versions: VersionSummary[];
}
