import {
  ajvErrorsToProblems,
  compileLinearRegExp,
  createSchemaAjv,
  NAMED_VALIDATION_RULES,
  type LinearRegExp,
  readDotPath,
  type NamedValidationRule,
  type ValidationRule,
  type ValidationStepConfig,
} from '@base-shift/steps';
import type { ValidateFunction } from 'ajv';
import { ValidationRuleFailedError } from '../../errors/executor-errors';
import { problemText } from '../../errors/problem-text';
import type { StepRunner } from '../step-runner';
import { cardNumberProblem, cvvProblem, expiryDateProblem } from './card-rules';

const NAMED_CHECKS: Record<NamedValidationRule, (value: unknown) => string | undefined> = {
  check_card_number: cardNumberProblem,
  check_expiry_date: (value) => expiryDateProblem(value),
  check_cvv: cvvProblem,
};

// Templates are immutable and their snapshots cached, so the rule objects are stable keys.
const compiledSchemas = new WeakMap<object, ValidateFunction>();
const compiledPatterns = new Map<string, LinearRegExp>();

/** Checks the rules in order; the first one that fails fails the job permanently, naming rule and field. */
export const validationRunner: StepRunner<ValidationStepConfig> = {
  async run(config, input) {
    for (const rule of config.rules) check(rule, input);
    return input;
  },
};

function check(rule: ValidationRule, input: unknown): void {
  if (typeof rule === 'string') return checkNamed(rule, undefined, input);
  switch (rule.rule) {
    case 'required': {
      const value = readDotPath(input, rule.field);
      if (value === undefined || value === null || value === '') throw new ValidationRuleFailedError('required', rule.field, 'is required');
      return;
    }
    case 'regex': {
      const value = present(rule.rule, rule.field, input);
      if (typeof value !== 'string') throw new ValidationRuleFailedError('regex', rule.field, 'must be a string');
      if (!pattern(rule.pattern).test(value)) throw new ValidationRuleFailedError('regex', rule.field, `must match the pattern ${rule.pattern}`);
      return;
    }
    case 'range': {
      const value = present(rule.rule, rule.field, input);
      if (typeof value !== 'number' || !Number.isFinite(value)) throw new ValidationRuleFailedError('range', rule.field, 'must be a number');
      if (rule.min !== undefined && value < rule.min) throw new ValidationRuleFailedError('range', rule.field, `must be >= ${rule.min}`);
      if (rule.max !== undefined && value > rule.max) throw new ValidationRuleFailedError('range', rule.field, `must be <= ${rule.max}`);
      return;
    }
    case 'schema': {
      const value = rule.field === undefined ? input : present(rule.rule, rule.field, input);
      const validate = schemaValidator(rule.schema);
      if (!validate(value)) {
        throw new ValidationRuleFailedError('schema', rule.field, `does not match the schema: ${problemText(ajvErrorsToProblems(validate.errors, ''))}`);
      }
      return;
    }
    default:
      return checkNamed(rule.rule, rule.field, input);
  }
}

function checkNamed(rule: NamedValidationRule, field: string | undefined, input: unknown): void {
  const path = field ?? NAMED_VALIDATION_RULES[rule].defaultField;
  const problem = NAMED_CHECKS[rule](present(rule, path, input));
  if (problem) throw new ValidationRuleFailedError(rule, path, problem);
}

function present(rule: string, field: string, input: unknown): unknown {
  const value = readDotPath(input, field);
  if (value === undefined || value === null) throw new ValidationRuleFailedError(rule, field, 'is missing');
  return value;
}

// RE2, linear in the input: a rule like `^(a+)+$` cannot stall the executor.
function pattern(source: string): LinearRegExp {
  let compiled = compiledPatterns.get(source);
  if (!compiled) {
    compiled = compileLinearRegExp(source);
    if (compiledPatterns.size > 1000) compiledPatterns.clear();
    compiledPatterns.set(source, compiled);
  }
  return compiled;
}

function schemaValidator(schema: Record<string, unknown>): ValidateFunction {
  let validate = compiledSchemas.get(schema);
  if (!validate) {
    validate = createSchemaAjv().compile(schema);
    compiledSchemas.set(schema, validate);
  }
  return validate;
}
