export { formatProblem, isJsonObject, pointerSegment, type JsonObject, type JsonValue, type ValidationProblem } from './lib/validation-problem';
export { createSchemaAjv, jsonSchemaProblems } from './lib/json-schema/schema-ajv';
export { ajvErrorsToProblems } from './lib/json-schema/ajv-problems';
export { createDocumentValidator, type DocumentValidator } from './lib/json-schema/document-validator';
export {
  SECRET_NAME_PATTERN,
  fillPlaceholders,
  placeholderNames,
  placeholderNamesIn,
  placeholderProblems,
  placeholderProblemsIn,
} from './lib/placeholders/secret-placeholders';
export { MAPPING_ROOTS, MappingError, evaluateMapping, mappingProblems, type MappingContext } from './lib/mapping/mapping';
export type { JsonSchema, StepTypeDefinition } from './lib/step-types/step-type';
export {
  GENERIC_VALIDATION_RULE_NAMES,
  NAMED_VALIDATION_RULES,
  NAMED_VALIDATION_RULE_NAMES,
  type FieldPath,
  type GenericValidationRuleName,
  type NamedValidationRule,
  type ValidationRule,
} from './lib/step-types/validation-rules';
export { validationStep, type ValidationStepConfig } from './lib/step-types/validation.step';
export {
  CREDENTIAL_HEADERS,
  DEFAULT_TIMEOUT_MS,
  HTTP_METHODS,
  MAX_TIMEOUT_MS,
  MIN_TIMEOUT_MS,
  externalApiCallStep,
  type ExternalApiCallStepConfig,
  type HttpMethod,
} from './lib/step-types/external-api-call.step';
export { transformStep, type TransformStepConfig } from './lib/step-types/transform.step';
export { MAX_DELAY_MS, delayStep, type DelayStepConfig } from './lib/step-types/delay.step';
export {
  STEP_TYPES,
  STEP_TYPE_NAMES,
  isStepTypeName,
  requiredSecrets,
  validateStepConfig,
  type StepConfigByType,
  type StepTypeName,
} from './lib/registry/step-registry';
