import type { Type } from '@nestjs/common';
import { ApiSchema } from '@nestjs/swagger';
import { TEMPLATE_DOCUMENT_SCHEMA } from '@base-shift/templates';
import { PAYMENT_GATEWAY_TEMPLATE } from '../samples';

type Schema = Record<string, unknown>;

/** A description for every property of the document: OpenAPI linters ask for one on every schema. */
const DOCUMENT_DESCRIPTIONS: Record<string, string> = {
  templateId: "The template's identifier (the seed's name for it; GraphQL also answers it as id).",
  name: 'Human-readable name; defaults to the templateId.',
  description: 'Free text about what the template does.',
  version: 'First version, a semantic version such as 1.2.0; defaults to 1.0.0.',
  steps: 'The steps, in the order they run.',
  inputSchema: 'JSON Schema 2020-12 the job input must satisfy.',
  outputSchema: 'JSON Schema 2020-12 the job output must satisfy.',
  priority: 'Base scheduling priority of its jobs, higher first; default 0.',
  maxAttempts: 'Attempts per job before it fails; default 3.',
  timeoutSeconds: 'Seconds one attempt may run; default 300.',
  resourceClass: 'The executor pool its jobs run in; default "default".',
};

const STEP_DESCRIPTIONS: Record<string, string> = {
  name: 'Name of the step, unique within its template.',
  type: 'A registered step type: validation, external_api_call, transform or delay.',
  config: 'Configuration of the step, checked against the rules of its type.',
};

/**
 * The JSON Schema the service validates documents with (so the document cannot
 * drift from the rule), with descriptions added and `errorMessage` (an ajv
 * extension no OpenAPI tool knows) left out.
 */
function describedDocumentSchema(): Schema {
  const { properties, ...envelope } = TEMPLATE_DOCUMENT_SCHEMA as Schema & { properties: Record<string, Schema> };
  const described = Object.fromEntries(
    Object.entries(properties).map(([key, schema]) => {
      const { errorMessage: _errorMessage, ...rest } = schema;
      if (key !== 'steps') return [key, { ...rest, description: DOCUMENT_DESCRIPTIONS[key] }];
      const items = rest['items'] as Schema & { properties: Record<string, Schema> };
      const stepProperties = Object.fromEntries(
        Object.entries(items.properties).map(([name, step]) => {
          const { errorMessage: _message, ...stepRest } = step;
          return [name, { ...stepRest, description: STEP_DESCRIPTIONS[name] }];
        }),
      );
      return [key, { ...rest, description: DOCUMENT_DESCRIPTIONS[key], items: { ...items, description: 'One step.', properties: stepProperties } }];
    }),
  );
  return {
    ...envelope,
    description:
      "A template document: the seed's shape (templateId, version, steps, inputSchema, outputSchema) plus optional name, description and run defaults.",
    properties: described,
  };
}

const VERSION_SUMMARY: Schema = {
  type: 'object',
  description: 'One version of the template.',
  required: ['version', 'deprecated', 'createdAt'],
  properties: {
    version: { type: 'string', description: 'Semantic version.' },
    deprecated: { type: 'boolean', description: 'Deprecated versions resolve only when asked for exactly.' },
    createdAt: { type: 'string', format: 'date-time', description: 'When the version was published.' },
  },
};

function representationSchema(): Schema {
  const document = describedDocumentSchema();
  const properties = document['properties'] as Record<string, Schema>;
  return {
    type: 'object',
    description: 'One template version: the stored document with its defaults filled in, what it needs at run time and the list of all versions.',
    required: [
      'templateId',
      'version',
      'name',
      'description',
      'steps',
      'inputSchema',
      'outputSchema',
      'requiredSecrets',
      'deprecated',
      'createdAt',
      'priority',
      'maxAttempts',
      'timeoutSeconds',
      'resourceClass',
      'versions',
    ],
    properties: {
      ...properties,
      templateId: { type: 'string', description: "The template's identifier." },
      version: { type: 'string', description: 'Semantic version of this template version.' },
      name: { type: 'string', description: 'Human-readable name; the templateId unless one was given.' },
      description: { type: ['string', 'null'], description: 'Free text about what the template does; null when none was given.' },
      requiredSecrets: {
        type: 'array',
        description: 'Names of the secrets (${NAME} placeholders) the steps need at run time; values are never stored.',
        items: { type: 'string', description: 'A secret name.' },
      },
      deprecated: { type: 'boolean', description: 'Deprecated versions resolve only by exact version.' },
      createdAt: { type: 'string', format: 'date-time', description: 'When this version was published.' },
      versions: { type: 'array', description: 'Every version of this template, newest first.', items: VERSION_SUMMARY },
    },
  };
}

/** A class @nestjs/swagger documents as `components.schemas[name]` = `schema` (ApiSchema spreads its options over the component). */
function documentedSchema(name: string, schema: Schema): Type<unknown> {
  class DocumentedSchema {}
  ApiSchema({ name, ...schema })(DocumentedSchema);
  return DocumentedSchema;
}

export const TemplateDocumentBody = documentedSchema('JobTemplateDocument', describedDocumentSchema());
export const TemplateResponse = documentedSchema('JobTemplate', representationSchema());

/** The seed's own document (seed 1.2), as written. */
export const TEMPLATE_DOCUMENT_EXAMPLE = PAYMENT_GATEWAY_TEMPLATE;
