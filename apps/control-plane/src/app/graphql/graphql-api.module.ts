import { join } from 'node:path';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { GraphqlMetricsPlugin } from '../metrics/graphql-metrics.plugin';
import { depthLimitRule, MAX_QUERY_DEPTH } from './depth-limit.rule';
import { describeRootTypes } from './describe-root-types';
import { formatGraphqlError } from './format-graphql-error';
import { GraphqlIdeController } from './ide/graphql-ide.controller';
import { operationLimitsRule } from './operation-limits.rule';

/** Checked in; regenerated (sorted, so deterministic) whenever the app starts outside production. */
export const SCHEMA_FILE = join(process.cwd(), 'apps/control-plane/schema.graphql');

/**
 * The one GraphQL endpoint (/graphql), code first. Feature modules only add
 * resolvers. In production the schema stays in memory: the image's file
 * system is read-only. A browser opening /graphql gets GraphiQL, served from
 * this origin (GraphqlIdeController); Apollo's own landing pages stay off.
 */
@Module({
  imports: [
    GraphQLModule.forRoot<ApolloDriverConfig>({
      driver: ApolloDriver,
      path: '/graphql',
      autoSchemaFile: process.env['NODE_ENV'] === 'production' ? true : SCHEMA_FILE,
      sortSchema: true,
      transformSchema: describeRootTypes,
      transformAutoSchemaFile: true,
      playground: false,
      includeStacktraceInErrorResponses: false,
      validationRules: [depthLimitRule(MAX_QUERY_DEPTH), operationLimitsRule()],
      formatError: formatGraphqlError,
      // Keep the status set by access errors (401, 403, 429, 503: extensions.http), as for REST; other errors stay 200.
      preserveHttpStatusForExecutionErrors: false,
      // The AuthGuard reads the caller's credentials from the HTTP request.
      context: ({ req }: { req: unknown }) => ({ req }),
    }),
  ],
  controllers: [GraphqlIdeController],
  // Found by the Apollo driver through its @Plugin() decorator.
  providers: [GraphqlMetricsPlugin],
})
export class GraphqlApiModule {}
