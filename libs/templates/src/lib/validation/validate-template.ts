import { isJsonObject, type ValidationProblem } from '@base-shift/core';
import { createDocumentValidator, isStepTypeName, jsonSchemaProblems, requiredSecrets, validateStepConfig } from '@base-shift/steps';
import type { JobStep } from '../model/job-template';
import { versionProblem } from '../versioning/template-versions';
import { TEMPLATE_DOCUMENT_SCHEMA } from './template-document.schema';

const validateEnvelope = createDocumentValidator(TEMPLATE_DOCUMENT_SCHEMA);

/**
 * Every problem with a template document (a TemplateDraft, or the full
 * content of a version about to be published), each with a JSON pointer into
 * it. Empty means the template can be stored and run.
 */
export function validateTemplateDocument(document: unknown): ValidationProblem[] {
  const problems = validateEnvelope(document);
  if (!isJsonObject(document)) return problems;
  if (typeof document['version'] === 'string') {
    const problem = versionProblem(document['version'], '/version');
    if (problem) problems.push(problem);
  }
  const steps = Array.isArray(document['steps']) ? document['steps'] : [];
  steps.forEach((step, index) => {
    if (!isJsonObject(step) || typeof step['type'] !== 'string' || !isJsonObject(step['config'])) return;
    problems.push(...validateStepConfig(step['type'], step['config'], `/steps/${index}`));
  });
  problems.push(...duplicateStepNames(steps));
  for (const key of ['inputSchema', 'outputSchema']) {
    if (isJsonObject(document[key])) problems.push(...jsonSchemaProblems(document[key], `/${key}`));
  }
  return problems;
}

function duplicateStepNames(steps: readonly unknown[]): ValidationProblem[] {
  const firstIndex = new Map<string, number>();
  const problems: ValidationProblem[] = [];
  steps.forEach((step, index) => {
    const name = isJsonObject(step) ? step['name'] : undefined;
    if (typeof name !== 'string') return;
    const first = firstIndex.get(name);
    if (first === undefined) firstIndex.set(name, index);
    else problems.push({ pointer: `/steps/${index}/name`, message: `must be unique: /steps/${first} is also named "${name}"` });
  });
  return problems;
}

/** The secrets a valid template's steps need, sorted. */
export function templateRequiredSecrets(steps: readonly JobStep[]): string[] {
  const names = steps.flatMap((step) => (isStepTypeName(step.type) ? requiredSecrets(step.type, step.config) : []));
  return [...new Set(names)].sort();
}
