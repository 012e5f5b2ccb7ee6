import type { JsonObject } from '@base-shift/core';

/** A validated job: `dependsOn` is the EFFECTIVE dependency list (see README "Order"). */
export interface JobDefinition {
  id: string;
  templateId: string;
  version?: string;
  input: JsonObject;
  priority?: number;
  dependsOn: string[];
}

export interface WorkflowDefinition {
  name?: string;
  input: JsonObject;
  priority?: number;
  timeoutSeconds?: number;
  retentionSeconds?: number;
  /** `sequential` when no job declares dependsOn, else `dag`. */
  mode: 'sequential' | 'dag';
  jobs: JobDefinition[];
}
