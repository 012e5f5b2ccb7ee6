import { isJsonObject, type ValidationProblem } from '@base-shift/core';
import { createDocumentValidator, type DocumentValidator } from '../json-schema/document-validator';
import type { SecretBindings } from '../secrets/secret-bindings';
import { delayStep, type DelayStepConfig } from '../step-types/delay.step';
import { externalApiCallStep, type ExternalApiCallStepConfig } from '../step-types/external-api-call.step';
import type { StepTypeDefinition } from '../step-types/step-type';
import { transformStep, type TransformStepConfig } from '../step-types/transform.step';
import { validationStep, type ValidationStepConfig } from '../step-types/validation.step';

export interface StepConfigByType {
  validation: ValidationStepConfig;
  external_api_call: ExternalApiCallStepConfig;
  transform: TransformStepConfig;
  delay: DelayStepConfig;
}

export type StepTypeName = keyof StepConfigByType;

/** Every step type a template may use, by name. The executor keys its implementations by the same names. */
export const STEP_TYPES: { readonly [T in StepTypeName]: StepTypeDefinition<StepConfigByType[T]> } = {
  validation: validationStep,
  external_api_call: externalApiCallStep,
  transform: transformStep,
  delay: delayStep,
};

export const STEP_TYPE_NAMES = Object.keys(STEP_TYPES) as StepTypeName[];

export function isStepTypeName(type: unknown): type is StepTypeName {
  return typeof type === 'string' && Object.prototype.hasOwnProperty.call(STEP_TYPES, type);
}

const validators = new Map<StepTypeName, DocumentValidator>();

function validatorFor(type: StepTypeName): DocumentValidator {
  let validate = validators.get(type);
  if (!validate) {
    validate = createDocumentValidator(STEP_TYPES[type].configSchema);
    validators.set(type, validate);
  }
  return validate;
}

/**
 * Every problem with one step's `type` and `config`. `at` is the step's pointer
 * (e.g. `/steps/1`); problems land at `${at}/type` and `${at}/config/...`.
 */
export function validateStepConfig(type: unknown, config: unknown, at = ''): ValidationProblem[] {
  if (!isStepTypeName(type)) return [{ pointer: `${at}/type`, message: `must be one of ${STEP_TYPE_NAMES.join(', ')}` }];
  if (!isJsonObject(config)) return [{ pointer: `${at}/config`, message: 'must be an object' }];
  const schemaProblems = validatorFor(type)(config, `${at}/config`);
  if (schemaProblems.length > 0) return schemaProblems;
  const definition = STEP_TYPES[type] as StepTypeDefinition;
  return (definition.checkConfig?.(config) ?? []).map((p) => ({ pointer: `${at}/config${p.pointer}`, message: p.message }));
}

/** The `${NAME}` secrets a valid step config needs at run time, sorted. */
export function requiredSecrets(type: StepTypeName, config: unknown): string[] {
  const definition = STEP_TYPES[type] as StepTypeDefinition;
  return [...new Set(definition.requiredSecrets?.(config) ?? [])].sort();
}

/**
 * Refuses a valid step that would send a secret somewhere its pool does not
 * bind it to: a secret the pool does not declare (at the string using it), or
 * a host outside the secret's `allowedHosts` (at the host's field). A host only
 * known at run time passes here; the executor checks it before connecting.
 */
export function secretDestinationProblems(type: StepTypeName, config: unknown, at: string, bindings: SecretBindings, pool: string): ValidationProblem[] {
  const definition = STEP_TYPES[type] as StepTypeDefinition;
  const problems: ValidationProblem[] = [];
  for (const destination of definition.secretDestinations?.(config) ?? []) {
    const refused = new Set<string>();
    for (const secret of destination.secrets) {
      if (!bindings.declares(secret.name)) {
        problems.push({
          pointer: `${at}/config${secret.pointer}`,
          message: `uses secret ${secret.name}, which pool ${JSON.stringify(pool)} does not bind to any host (declare it under the pool's secrets with its allowedHosts)`,
        });
      } else if (destination.host !== undefined && !bindings.allows(secret.name, destination.host)) {
        refused.add(secret.name);
      }
    }
    for (const name of refused) {
      problems.push({
        pointer: `${at}/config${destination.hostPointer}`,
        message: `would send secret ${name} to ${destination.host}, which pool ${JSON.stringify(pool)} does not allow for it (allowed: ${bindings.hostsOf(name).join(', ')})`,
      });
    }
  }
  return problems;
}
