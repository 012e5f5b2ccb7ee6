import { pointerSegment, type JsonValue, type ValidationProblem } from '@base-shift/core';
import { mappingProblems } from '../mapping/mapping';
import {
  hasPlaceholder,
  placeholderNames,
  placeholderNamesIn,
  placeholderProblems,
  placeholderProblemsIn,
  placeholderUsesIn,
} from '../placeholders/secret-placeholders';
import type { StepTypeDefinition } from './step-type';

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];
export const DEFAULT_TIMEOUT_MS = 10_000;
export const MIN_TIMEOUT_MS = 100;
export const MAX_TIMEOUT_MS = 300_000;

/** Headers that carry credentials: their values must come from a `${NAME}` secret, never be stored literally. */
export const CREDENTIAL_HEADERS = ['authorization', 'proxy-authorization', 'cookie', 'x-api-key', 'api-key', 'x-auth-token'];

export interface ExternalApiCallStepConfig {
  /** An absolute http(s) URL, or `${NAME}` standing for a base URL followed by a path: `${PAYMENT_API_URL}/payments`. */
  api_endpoint: string;
  method: HttpMethod;
  headers?: Record<string, string>;
  /** A mapping (see mapping.ts) evaluated against the step input. Absent: POST/PUT/PATCH send the step input. */
  body?: JsonValue;
  /** Per request; default DEFAULT_TIMEOUT_MS. */
  timeoutMs?: number;
}

// A literal http(s) URL: the host a secret goes to must be known when the template is stored.
const ENDPOINT_PATTERN = '^https?://\\S+$';
const ENDPOINT_MESSAGE = 'must be an absolute http(s) URL (e.g. https://api.example.com/pay); ${NAME} secret placeholders are not allowed in a URL';
const PLACEHOLDER_IN_URL =
  'must not contain ${...}: a URL is never filled from a secret (the host a secret is sent to must be known when the template is stored, and URLs end up in logs); send credentials in a header';

export const externalApiCallStep: StepTypeDefinition<ExternalApiCallStepConfig> = {
  type: 'external_api_call',
  description:
    'Calls an HTTP API (method, api_endpoint, headers, body mapping) and makes the JSON response the step output. ${NAME} placeholders in header values and body strings are filled from secrets at run time, for hosts the pool binds them to.',
  configSchema: {
    type: 'object',
    required: ['api_endpoint', 'method'],
    additionalProperties: false,
    properties: {
      api_endpoint: { type: 'string', maxLength: 2048, pattern: ENDPOINT_PATTERN, errorMessage: ENDPOINT_MESSAGE },
      method: { type: 'string', enum: HTTP_METHODS },
      headers: {
        type: 'object',
        maxProperties: 50,
        propertyNames: { pattern: "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$", errorMessage: 'is not a valid HTTP header name' },
        additionalProperties: {
          type: 'string',
          maxLength: 8192,
          pattern: '^[^\\r\\n\\u0000]*$',
          errorMessage: 'must be a single-line string of at most 8192 characters',
        },
      },
      body: true,
      timeoutMs: { type: 'integer', minimum: MIN_TIMEOUT_MS, maximum: MAX_TIMEOUT_MS },
    },
  },
  checkConfig(config) {
    const problems: ValidationProblem[] = [...endpointProblems(config.api_endpoint)];
    for (const [name, value] of Object.entries(config.headers ?? {})) {
      const at = `/headers/${pointerSegment(name)}`;
      problems.push(...placeholderProblems(value, at));
      if (CREDENTIAL_HEADERS.includes(name.toLowerCase()) && placeholderNames(value).length === 0) {
        problems.push({
          pointer: at,
          message: 'must take its credential from a ${NAME} secret placeholder (e.g. "Bearer ${API_KEY}"); secret values are never stored in templates',
        });
      }
    }
    if (config.body !== undefined) {
      if (config.method === 'GET') problems.push({ pointer: '/body', message: 'is not allowed with method GET' });
      problems.push(...mappingProblems(config.body, '/body'), ...placeholderProblemsIn(config.body, '/body'));
    }
    return problems;
  },
  requiredSecrets(config) {
    const names = [config.api_endpoint, ...Object.values(config.headers ?? {})].flatMap(placeholderNames);
    return [...new Set([...names, ...placeholderNamesIn(config.body)])];
  },
  secretDestinations(config) {
    const secrets = [
      ...Object.entries(config.headers ?? {}).flatMap(([name, value]) =>
        placeholderNames(value).map((secret) => ({ name: secret, pointer: `/headers/${pointerSegment(name)}` })),
      ),
      ...placeholderUsesIn(config.body, '/body'),
    ];
    return secrets.length === 0 ? [] : [{ host: staticHost(config.api_endpoint), hostPointer: '/api_endpoint', secrets }];
  },
};

/** The endpoint's host when the URL is literal; undefined when it is only known at run time. */
function staticHost(endpoint: string): string | undefined {
  if (hasPlaceholder(endpoint)) return undefined;
  try {
    return new URL(endpoint).hostname;
  } catch {
    return undefined;
  }
}

function endpointProblems(endpoint: string): ValidationProblem[] {
  if (hasPlaceholder(endpoint)) return [{ pointer: '/api_endpoint', message: PLACEHOLDER_IN_URL }];
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return [{ pointer: '/api_endpoint', message: ENDPOINT_MESSAGE }];
  }
  if (url.username || url.password) {
    return [{ pointer: '/api_endpoint', message: 'must not contain credentials; send them in a header with a ${NAME} placeholder' }];
  }
  return [];
}
