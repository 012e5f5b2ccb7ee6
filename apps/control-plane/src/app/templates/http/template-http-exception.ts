import { BadRequestException, ConflictException, NotFoundException, type HttpException } from '@nestjs/common';
import { assertNever } from '@base-shift/core';
import type { InvalidPageError, InvalidTemplateError, TemplateError, TemplateVersionConflictError } from '@base-shift/templates';

/**
 * The REST edge's only mapping from template domain errors (stable codes) to
 * HTTP problems; a code without a case here fails type-checking.
 */
export function templateHttpException(error: TemplateError): HttpException {
  const base = { code: error.code, detail: error.message };
  switch (error.code) {
    case 'TEMPLATE.INVALID':
      return new BadRequestException({ ...base, title: 'Invalid request', errors: (error as InvalidTemplateError).problems });
    case 'TEMPLATE.INVALID_PAGE':
      return new BadRequestException({ ...base, title: 'Invalid page request', errors: (error as InvalidPageError).problems });
    case 'TEMPLATE.NOT_FOUND':
      return new NotFoundException({ ...base, title: 'Template not found' });
    case 'TEMPLATE.VERSION_CONFLICT':
      return new ConflictException({ ...base, title: 'Version conflict', currentVersion: (error as TemplateVersionConflictError).currentVersion });
    case 'TEMPLATE.ALREADY_EXISTS':
      return new ConflictException({ ...base, title: 'Template already exists' });
    default:
      return assertNever(error.code, 'template error code');
  }
}
