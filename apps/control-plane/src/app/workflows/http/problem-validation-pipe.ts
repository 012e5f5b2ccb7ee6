import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import { childPointer, formatProblem, type ValidationProblem } from '@base-shift/core';

/** class-validator's nested errors as problems, each named by its JSON Pointer (`/limit`), as every problem detail is. */
function flattenValidationErrors(errors: readonly ValidationError[], parent = ''): ValidationProblem[] {
  const out: ValidationProblem[] = [];
  for (const error of errors) {
    const pointer = error.property === undefined ? parent : childPointer(parent, error.property);
    for (const message of Object.values(error.constraints ?? {}))
      out.push({ pointer, message: message.replace(/^property (\S+) should not exist$/, 'is not a known property') });
    out.push(...flattenValidationErrors(error.children ?? [], pointer));
  }
  return out;
}

export function invalidRequest(errors: readonly ValidationProblem[], what = 'request'): BadRequestException {
  return new BadRequestException({ title: 'Invalid request', detail: `The ${what} is invalid: ${errors.map(formatProblem).join('; ')}`, errors });
}

/**
 * class-validator with unknown fields refused (whitelist + forbidNonWhitelisted,
 * forbidUnknownValues); failures leave as problem+json with one entry per field.
 * For query strings, which need `transform` to become numbers; JSON bodies are
 * checked by the workflow lib against the schemas the OpenAPI document shows.
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
