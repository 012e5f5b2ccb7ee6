import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

export interface FieldError {
  field: string;
  message: string;
}

/** `jobs[0].id`: the notation the workflow lib uses for its own problems too. */
function childField(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent ? `${parent}.${property}` : property;
}

export function flattenValidationErrors(errors: readonly ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = error.property === undefined ? parent : childField(parent, error.property);
    for (const message of Object.values(error.constraints ?? {})) out.push({ field, message: message.replace(/^property (\S+) should not exist$/, 'is not a known property') });
    out.push(...flattenValidationErrors(error.children ?? [], field));
  }
  return out;
}

export function invalidRequest(errors: readonly FieldError[], what = 'request'): BadRequestException {
  const summary = errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join('; ');
  return new BadRequestException({ title: 'Invalid request', detail: `The ${what} is invalid: ${summary}`, errors });
}

/**
 * class-validator with unknown fields refused (whitelist + forbidNonWhitelisted,
 * forbidUnknownValues); failures leave as problem+json with one entry per field.
 * `transform` stays off for bodies: handlers get the JSON as parsed (a
 * "__proto__" key stays data), and the workflow lib re-checks it anyway.
 */
export function problemValidationPipe(options: { transform: boolean; what?: string }): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: options.transform,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => invalidRequest(flattenValidationErrors(errors), options.what),
  });
}
