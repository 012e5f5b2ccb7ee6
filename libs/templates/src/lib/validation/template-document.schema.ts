import { POOL_NAME_PATTERN, POOL_NAME_RULE, TEMPLATE_ID_PATTERN, TEMPLATE_ID_RULE } from '@base-shift/job-contract';
import type { JsonSchema } from '@base-shift/steps';

export const RUN_DEFAULT_LIMITS = {
  priority: { minimum: -1000, maximum: 1000 },
  maxAttempts: { minimum: 1, maximum: 20 },
  timeoutSeconds: { minimum: 1, maximum: 86_400 },
} as const;

/**
 * The envelope of a template document (the seed's shape plus run defaults).
 * Step configs, version strings and the embedded JSON Schemas are checked
 * separately (validate-template.ts), each with its own rules.
 */
export const TEMPLATE_DOCUMENT_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['templateId', 'steps', 'inputSchema', 'outputSchema'],
  additionalProperties: false,
  properties: {
    templateId: {
      type: 'string',
      pattern: TEMPLATE_ID_PATTERN,
      errorMessage: `must be ${TEMPLATE_ID_RULE}`,
    },
    name: { type: 'string', minLength: 1, maxLength: 200 },
    description: { type: ['string', 'null'], maxLength: 2000 },
    version: { type: 'string' },
    steps: {
      type: 'array',
      minItems: 1,
      maxItems: 50,
      items: {
        type: 'object',
        required: ['name', 'type', 'config'],
        additionalProperties: false,
        properties: {
          name: {
            type: 'string',
            pattern: '^[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}$',
            errorMessage: 'must be a non-empty name of at most 100 letters, digits, _ . - (not starting with . or -)',
          },
          type: { type: 'string' },
          config: { type: 'object' },
        },
      },
    },
    inputSchema: { type: 'object' },
    outputSchema: { type: 'object' },
    priority: { type: 'integer', ...RUN_DEFAULT_LIMITS.priority },
    maxAttempts: { type: 'integer', ...RUN_DEFAULT_LIMITS.maxAttempts },
    timeoutSeconds: { type: 'integer', ...RUN_DEFAULT_LIMITS.timeoutSeconds },
    resourceClass: {
      type: 'string',
      pattern: POOL_NAME_PATTERN,
      errorMessage: `must be a pool name: ${POOL_NAME_RULE}`,
    },
  },
};
