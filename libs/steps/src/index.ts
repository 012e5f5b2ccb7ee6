export { createSchemaAjv, jsonSchemaProblems } from './lib/json-schema/schema-ajv';
export { compileLinearRegExp, type LinearRegExp } from './lib/json-schema/linear-regexp';
export { ajvErrorsToProblems } from './lib/json-schema/ajv-problems';
export { writeOnlyPaths, pathPointer, type JsonPath } from './lib/json-schema/write-only-paths';
export { redactJson } from './lib/json-schema/redact-json';
export { createDocumentValidator, type DocumentValidator } from './lib/json-schema/document-validator';
export { SECRET_NAME_PATTERN, fillPlaceholders } from './lib/placeholders/secret-placeholders';
export { MappingError, evaluateMapping } from './lib/mapping/mapping';
export { readDotPath } from './lib/mapping/dot-path';
export type { JsonSchema } from './lib/step-types/step-type';
export { NAMED_VALIDATION_RULES, type NamedValidationRule, type ValidationRule } from './lib/step-types/validation-rules';
export { type ValidationStepConfig } from './lib/step-types/validation.step';
export { CREDENTIAL_HEADERS, DEFAULT_TIMEOUT_MS, type ExternalApiCallStepConfig } from './lib/step-types/external-api-call.step';
export { type TransformStepConfig } from './lib/step-types/transform.step';
export { type DelayStepConfig } from './lib/step-types/delay.step';
export {
  STEP_TYPE_NAMES,
  isStepTypeName,
  requiredSecrets,
  secretDestinationProblems,
  validateStepConfig,
  type StepConfigByType,
  type StepTypeName,
} from './lib/registry/step-registry';
export { SecretBindings, hostMatchesPattern, parseSecretBindings, type SecretBinding } from './lib/secrets/secret-bindings';
