import type { JsonSchema } from './step-type';

/** The seed's named rules, each checking one field of the step input (overridable with `field`). */
export const NAMED_VALIDATION_RULES = {
  check_card_number: { defaultField: 'cardDetails.number', description: 'a 12–19 digit card number (spaces and dashes ignored) passing the Luhn checksum' },
  check_expiry_date: {
    defaultField: 'cardDetails.expiryDate',
    description: 'an expiry date MM/YY or MM/YYYY that is not in the past (valid through its month)',
  },
  check_cvv: { defaultField: 'cardDetails.cvv', description: 'a card security code of 3 or 4 digits' },
} as const;

export type NamedValidationRule = keyof typeof NAMED_VALIDATION_RULES;
export const NAMED_VALIDATION_RULE_NAMES = Object.keys(NAMED_VALIDATION_RULES) as NamedValidationRule[];

/** Generic rules, configured per use. */
export const GENERIC_VALIDATION_RULE_NAMES = ['required', 'regex', 'range', 'schema'] as const;
export type GenericValidationRuleName = (typeof GENERIC_VALIDATION_RULE_NAMES)[number];

/** A dot path into the step input: property names or array indexes, e.g. `cardDetails.number`, `items.0.sku`. */
export type FieldPath = string;

export type ValidationRule =
  | NamedValidationRule
  | { rule: NamedValidationRule; field?: FieldPath }
  | { rule: 'required'; field: FieldPath }
  | { rule: 'regex'; field: FieldPath; pattern: string }
  | { rule: 'range'; field: FieldPath; min?: number; max?: number }
  | { rule: 'schema'; field?: FieldPath; schema: Record<string, unknown> };

const FIELD: JsonSchema = {
  type: 'string',
  pattern: '^[^.]+(\\.[^.]+)*$',
  errorMessage: 'must be a dot path into the step input, e.g. "cardDetails.number" or "items.0.sku"',
};

function whenRule(name: string, then: JsonSchema): JsonSchema {
  return { if: { type: 'object', required: ['rule'], properties: { rule: { const: name } } }, then: { type: 'object', ...then } };
}

/** One entry of `rules`: a named rule as a string, or a rule object discriminated by `rule`. */
export const VALIDATION_RULE_SCHEMA: JsonSchema = {
  if: { type: 'string' },
  then: { type: 'string', enum: NAMED_VALIDATION_RULE_NAMES },
  else: {
    type: 'object',
    required: ['rule'],
    properties: { rule: { type: 'string', enum: [...NAMED_VALIDATION_RULE_NAMES, ...GENERIC_VALIDATION_RULE_NAMES] } },
    allOf: [
      ...NAMED_VALIDATION_RULE_NAMES.map((name) => whenRule(name, { properties: { rule: true, field: FIELD }, additionalProperties: false })),
      whenRule('required', { required: ['field'], properties: { rule: true, field: FIELD }, additionalProperties: false }),
      whenRule('regex', {
        required: ['field', 'pattern'],
        properties: {
          rule: true,
          field: FIELD,
          pattern: {
            type: 'string',
            format: 'regex',
            minLength: 1,
            maxLength: 1000,
            errorMessage: 'must be a valid regular expression (RE2 syntax, run in linear time)',
          },
        },
        additionalProperties: false,
      }),
      whenRule('range', {
        required: ['field'],
        properties: { rule: true, field: FIELD, min: { type: 'number' }, max: { type: 'number' } },
        additionalProperties: false,
      }),
      whenRule('schema', { required: ['schema'], properties: { rule: true, field: FIELD, schema: { type: 'object' } }, additionalProperties: false }),
    ],
  },
};
