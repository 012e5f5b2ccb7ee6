import { Catch, type ExceptionFilter } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { assertNever } from '@base-shift/core';
import { TemplateError, type InvalidTemplateError, type TemplateVersionConflictError } from '@base-shift/templates';

/**
 * Maps template domain errors to GraphQL errors with a stable
 * `extensions.code` (plus the domain's own code), at the edge where they
 * belong. The error a filter returns becomes the field's error.
 */
@Catch(TemplateError)
export class TemplateErrorGraphqlFilter implements ExceptionFilter {
  catch(error: TemplateError): GraphQLError {
    return templateGraphqlError(error);
  }
}

export function templateGraphqlError(error: TemplateError): GraphQLError {
  return new GraphQLError(error.message, { extensions: { ...extensionsOf(error), domainCode: error.code } });
}

/** A code without a case here fails type-checking. */
function extensionsOf(error: TemplateError): Record<string, unknown> {
  switch (error.code) {
    case 'TEMPLATE.INVALID':
      return { code: 'BAD_USER_INPUT', problems: (error as InvalidTemplateError).problems };
    case 'TEMPLATE.NOT_FOUND':
      return { code: 'NOT_FOUND' };
    case 'TEMPLATE.VERSION_CONFLICT':
      return { code: 'CONFLICT', currentVersion: (error as TemplateVersionConflictError).currentVersion };
    case 'TEMPLATE.ALREADY_EXISTS':
      return { code: 'CONFLICT' };
    default:
      return assertNever(error.code, 'template error code');
  }
}
