import { Catch, type ExceptionFilter } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { assertNever } from '@base-shift/core';
import { TemplateError, type InvalidPageError, type InvalidTemplateError, type TemplateVersionConflictError } from '@base-shift/templates';

/**
 * Maps template domain errors to GraphQL errors with a stable
 * `extensions.code` (plus the domain's own code), at the edge where they
 * belong. The error a filter returns becomes the field's error.
 */
/** extensions.code of a bad `first` or `after` on a paginated field. */
export const PAGINATION_INVALID = 'PAGINATION_INVALID';

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
    case 'TEMPLATE.INVALID_PAGE':
      // Not BAD_USER_INPUT: a client retrying a listing must tell "start again from the first page" from "fix the filter".
      return { code: PAGINATION_INVALID, problems: (error as InvalidPageError).problems };
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
