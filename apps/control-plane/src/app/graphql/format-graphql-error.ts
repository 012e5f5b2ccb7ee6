import { unwrapResolverError } from '@apollo/server/errors';
import { HttpException, Logger } from '@nestjs/common';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { TemplateError } from '@base-shift/templates';
import { accessGraphqlError, isAccessError } from '../auth/access-error';
import { templateGraphqlError } from '../templates/graphql/template-error.filter';

const logger = new Logger('GraphQL');

/**
 * Deliberate errors (GraphQLErrors: parse, validation, our mapped domain
 * errors; Nest HTTP exceptions) go out as they are. Anything else is a bug:
 * it is logged with its stack and the client only learns that it happened.
 * Stack traces never leave (includeStacktraceInErrorResponses is off too).
 */
export function formatGraphqlError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof TemplateError) {
    // Thrown outside the resolvers' filter: the same mapping, never "internal".
    const mapped = templateGraphqlError(original);
    return { message: mapped.message, locations: formatted.locations, path: formatted.path, extensions: mapped.extensions };
  }
  if (isAccessError(original)) {
    const mapped = accessGraphqlError(original);
    const { http: _http, ...extensions } = mapped.extensions;
    return { message: mapped.message, locations: formatted.locations, path: formatted.path, extensions };
  }
  if (original instanceof GraphQLError || original instanceof HttpException) return withoutStacktrace(formatted);
  logger.error(original instanceof Error ? (original.stack ?? original.message) : String(original));
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

function withoutStacktrace(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.extensions || !('stacktrace' in formatted.extensions)) return formatted;
  const { stacktrace: _stacktrace, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}
