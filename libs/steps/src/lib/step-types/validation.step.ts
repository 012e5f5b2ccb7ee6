import type { ValidationProblem } from '@base-shift/core';
import { linearRegExpProblem } from '../json-schema/linear-regexp';
import { jsonSchemaProblems } from '../json-schema/schema-ajv';
import type { StepTypeDefinition } from './step-type';
import { VALIDATION_RULE_SCHEMA, type ValidationRule } from './validation-rules';

export interface ValidationStepConfig {
  rules: ValidationRule[];
}

/** Checks the step input against rules; passes the input through unchanged. A failed rule fails the job permanently. */
export const validationStep: StepTypeDefinition<ValidationStepConfig> = {
  type: 'validation',
  description:
    'Checks the step input against a list of rules and passes it through unchanged; the first failed rule fails the job permanently, naming the rule and the field.',
  configSchema: {
    type: 'object',
    required: ['rules'],
    additionalProperties: false,
    properties: { rules: { type: 'array', minItems: 1, maxItems: 100, items: VALIDATION_RULE_SCHEMA } },
  },
  checkConfig(config) {
    const problems: ValidationProblem[] = [];
    config.rules.forEach((rule, index) => {
      if (typeof rule === 'string') return;
      const at = `/rules/${index}`;
      if (rule.rule === 'range') {
        if (rule.min === undefined && rule.max === undefined) problems.push({ pointer: at, message: 'a range rule needs min, max or both' });
        else if (rule.min !== undefined && rule.max !== undefined && rule.min > rule.max) {
          problems.push({ pointer: `${at}/min`, message: `must be <= max (${rule.max})` });
        }
      }
      if (rule.rule === 'regex') {
        const message = linearRegExpProblem(rule.pattern);
        if (message) problems.push({ pointer: `${at}/pattern`, message });
      }
      if (rule.rule === 'schema') problems.push(...jsonSchemaProblems(rule.schema, `${at}/schema`));
    });
    return problems;
  },
};
