import { isJsonObject, type ValidationProblem } from '@base-shift/core';
import { createDocumentValidator, type DocumentValidator } from '../json-schema/document-validator';
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
