import { childPointer, type JsonValue } from '@base-shift/core';
import { findRefs, resolveRefs } from '../definition/input-refs';
import type { WorkflowDefinition } from '../definition/workflow-request';
import { WorkflowValidationError, type FieldProblem } from '../domain/workflow-errors';
import { jsonHash } from '../store/canonical-json';
import type { NewJob, NewWorkflow } from '../store/store-inputs';
import type { PinnedTemplate, TemplateResolverPort } from './engine-ports';
import type { TemplateSchemas } from './template-schemas';

export interface PlanOptions {
  id: string;
  createdAt: number;
  requestHash: string;
  pools: readonly string[];
  defaultTimeoutSeconds?: number;
  /** How long finished workflows are kept; a request may ask for less, not more. */
  retentionSeconds: number;
}

const PROBLEM_TEXT = {
  'unknown-template': (templateId: string) => `no template ${JSON.stringify(templateId)} exists (or every version of it is deprecated or a prerelease)`,
  'no-matching-version': (templateId: string, version?: string) =>
    version === undefined
      ? `template ${JSON.stringify(templateId)} has no released version (all are deprecated or prereleases); name a version`
      : `template ${JSON.stringify(templateId)} has no version matching ${JSON.stringify(version)} (deprecated versions only match exactly)`,
  'invalid-version': () => 'must be an exact version (1.2.0) or a semver range (^1.2, ~1.2.3, >=2 <3)',
};

/**
 * Turns a validated definition into what the store writes: every job's
 * template resolved and pinned, one snapshot per (templateId, version), the
 * run defaults applied (priority = job ?? workflow ?? template), and every
 * input that is already known checked against its template's inputSchema.
 * Inputs that reference other jobs' outputs are checked when the job is enqueued.
 */
export async function planWorkflow(
  definition: WorkflowDefinition,
  resolver: TemplateResolverPort,
  schemas: TemplateSchemas,
  options: PlanOptions,
): Promise<NewWorkflow> {
  const wanted = new Map<string, Promise<Awaited<ReturnType<TemplateResolverPort['resolve']>>>>();
  const keyOf = (templateId: string, version?: string) => `${templateId}\u0000${version ?? ''}`;
  for (const job of definition.jobs) {
    const key = keyOf(job.templateId, job.version);
    if (!wanted.has(key)) wanted.set(key, resolver.resolve(job.templateId, job.version));
  }
  const resolved = new Map<string, Awaited<ReturnType<TemplateResolverPort['resolve']>>>();
  await Promise.all([...wanted].map(async ([key, promise]) => resolved.set(key, await promise)));

  const problems: FieldProblem[] = [];
  const snapshots = new Map<string, { template: PinnedTemplate; hash: string }>();
  const jobs: NewJob[] = [];
  definition.jobs.forEach((job, index) => {
    const at = childPointer('/jobs', index);
    const outcome = resolved.get(keyOf(job.templateId, job.version));
    if (!outcome || 'problem' in outcome) {
      const problem = outcome && 'problem' in outcome ? outcome.problem : 'unknown-template';
      const pointer = childPointer(at, problem === 'unknown-template' ? 'templateId' : 'version');
      problems.push({ pointer, message: PROBLEM_TEXT[problem](job.templateId, job.version) });
      return;
    }
    const template = outcome.template;
    if (!options.pools.includes(template.resourceClass)) {
      const served = options.pools.join(', ');
      problems.push({
        pointer: childPointer(at, 'templateId'),
        message: `template ${template.templateId}@${template.version} runs in pool ${JSON.stringify(template.resourceClass)}, which this control plane does not serve (pools: ${served})`,
      });
      return;
    }
    const snapshotKey = `${template.templateId}@${template.version}`;
    if (!snapshots.has(snapshotKey)) {
      const hash = jsonHash(template);
      schemas.remember(hash, template);
      snapshots.set(snapshotKey, { template, hash });
    }
    const { hash } = snapshots.get(snapshotKey) as { hash: string };
    problems.push(...knownInputProblems(job.input, definition.input, hash, schemas, childPointer(at, 'input')));
    jobs.push({
      id: job.id,
      templateId: template.templateId,
      version: template.version,
      ...(job.version !== undefined ? { requestedVersion: job.version } : {}),
      templateHash: hash,
      pool: template.resourceClass,
      priority: job.priority ?? definition.priority ?? template.priority,
      maxAttempts: template.maxAttempts,
      timeoutSeconds: template.timeoutSeconds,
      dependsOn: job.dependsOn,
      input: job.input,
    });
  });
  if (definition.retentionSeconds !== undefined && definition.retentionSeconds > options.retentionSeconds) {
    problems.push({
      pointer: '/retentionSeconds',
      message: `must be <= ${options.retentionSeconds} (this deployment keeps finished workflows at most that long)`,
    });
  }
  if (problems.length > 0) throw new WorkflowValidationError(problems);

  const timeoutSeconds = definition.timeoutSeconds ?? options.defaultTimeoutSeconds;
  return {
    id: options.id,
    requestHash: options.requestHash,
    ...(definition.name !== undefined ? { name: definition.name } : {}),
    mode: definition.mode,
    input: definition.input,
    ...(definition.priority !== undefined ? { priority: definition.priority } : {}),
    ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}),
    retentionSeconds: definition.retentionSeconds ?? options.retentionSeconds,
    writeOnly: [...snapshots.values()].some(({ hash }) => schemas.writeOnlyPaths(hash).length > 0),
    createdAt: options.createdAt,
    jobs,
    templates: [...snapshots.values()].map(({ template }) => ({
      templateId: template.templateId,
      version: template.version,
      snapshot: template as unknown as JsonValue,
    })),
  };
}

/** Inputs without references to other jobs are fully known now: resolve `input.*` refs and validate. */
function knownInputProblems(input: JsonValue, workflowInput: JsonValue, hash: string, schemas: TemplateSchemas, field: string): FieldProblem[] {
  if (findRefs(input, field).refs.some((ref) => ref.target.source === 'job')) return [];
  const resolved = resolveRefs(input, field, { input: workflowInput, outputs: new Map() });
  if ('problems' in resolved) return resolved.problems;
  return schemas.inputProblems(hash, resolved.value, field);
}
