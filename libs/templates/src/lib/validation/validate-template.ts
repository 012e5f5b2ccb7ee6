import { isJsonObject, type ValidationProblem } from '@base-shift/core';
import {
  createDocumentValidator,
  isStepTypeName,
  jsonSchemaProblems,
  requiredSecrets,
  secretDestinationProblems,
  validateStepConfig,
  SecretBindings,
} from '@base-shift/steps';
import { DEFAULT_RUN_DEFAULTS, type JobStep } from '../model/job-template';
import { versionProblem } from '../versioning/template-versions';
import { TEMPLATE_DOCUMENT_SCHEMA } from './template-document.schema';

const validateEnvelope = createDocumentValidator(TEMPLATE_DOCUMENT_SCHEMA);

/**
 * The secret bindings of a pool (by name), as the control plane configures
 * them; undefined for a pool it does not know, which binds no secrets.
 */
export type SecretBindingsLookup = (pool: string) => SecretBindings | undefined;

/**
 * Every problem with a template document (a TemplateDraft, or the full
 * content of a version about to be published), each with a JSON pointer into
 * it. Empty means the template can be stored and run. With `secretBindings`,
 * a step that would send a secret where its pool (`resourceClass`) does not
 * bind it is refused too.
 */
export function validateTemplateDocument(document: unknown, secretBindings?: SecretBindingsLookup): ValidationProblem[] {
  const problems = validateEnvelope(document);
  if (!isJsonObject(document)) return problems;
  if (typeof document['version'] === 'string') {
    const problem = versionProblem(document['version'], '/version');
    if (problem) problems.push(problem);
  }
  const steps = Array.isArray(document['steps']) ? document['steps'] : [];
  steps.forEach((step, index) => {
    if (!isJsonObject(step) || typeof step['type'] !== 'string' || !isJsonObject(step['config'])) return;
    const stepProblems = validateStepConfig(step['type'], step['config'], `/steps/${index}`);
    problems.push(...stepProblems);
    if (secretBindings && stepProblems.length === 0 && isStepTypeName(step['type'])) {
      const pool = typeof document['resourceClass'] === 'string' ? document['resourceClass'] : DEFAULT_RUN_DEFAULTS.resourceClass;
      const bindings = secretBindings(pool) ?? SecretBindings.NONE;
      problems.push(...secretDestinationProblems(step['type'], step['config'], `/steps/${index}`, bindings, pool));
    }
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
