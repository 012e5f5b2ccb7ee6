import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { ValidationProblem } from '@base-shift/core';
import { ajvErrorsToProblems } from './ajv-problems';

// For our own, static schemas: compiled once each, in one instance that knows
// the `errorMessage` annotation (a human message for a schema's failures).
// Made on first use, not at import: the job executor imports this library for
// other things, and an ajv instance with its meta-schemas and formats costs
// megabytes of heap in a process whose memory limit is 128Mi.
let documentAjv: Ajv2020 | undefined;

function sharedDocumentAjv(): Ajv2020 {
  if (!documentAjv) {
    documentAjv = new Ajv2020({ allErrors: true, verbose: true, strict: true, logger: false });
    addFormats(documentAjv);
    documentAjv.addKeyword({ keyword: 'errorMessage', schemaType: 'string' });
  }
  return documentAjv;
}

export type DocumentValidator = (value: unknown, base?: string) => ValidationProblem[];

/**
 * Compiles one of OUR schemas (step configs, the template envelope) into a
 * function returning every problem, each at `base` + its JSON pointer.
 * Not for user schemas: those go through jsonSchemaProblems/createSchemaAjv.
 */
export function createDocumentValidator(schema: Readonly<Record<string, unknown>>): DocumentValidator {
  const validate = sharedDocumentAjv().compile(schema);
  return (value, base = '') => (validate(value) ? [] : ajvErrorsToProblems(validate.errors, base));
}
