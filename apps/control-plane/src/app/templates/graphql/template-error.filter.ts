import { Catch, type ExceptionFilter } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { InvalidTemplateError, TemplateError, TemplateNotFoundError, TemplateVersionConflictError } from '@base-shift/templates';

/**
 * Maps template domain errors to GraphQL errors with a stable
 * `extensions.code` (plus the domain's own code), at the edge where they
 * belong. The error a filter returns becomes the field's error.
 */
@Catch(TemplateError)
export class TemplateErrorGraphqlFilter implements ExceptionFilter {
  catch(error: TemplateError): GraphQLError {
    return new GraphQLError(error.message, { extensions: { ...extensionsOf(error), domainCode: error.code } });
  }
}

function extensionsOf(error: TemplateError): Record<string, unknown> {
  if (error instanceof InvalidTemplateError) return { code: 'BAD_USER_INPUT', problems: error.problems };
  if (error instanceof TemplateNotFoundError) return { code: 'NOT_FOUND' };
  if (error instanceof TemplateVersionConflictError) return { code: 'CONFLICT', currentVersion: error.currentVersion };
  return { code: 'CONFLICT' };
}
