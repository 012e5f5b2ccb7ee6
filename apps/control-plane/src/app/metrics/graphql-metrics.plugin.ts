import { Plugin } from '@nestjs/apollo';
import { Inject } from '@nestjs/common';
import type { ApolloServerPlugin, BaseContext, GraphQLRequestContextWillSendResponse, GraphQLRequestListener } from '@apollo/server';
import { Kind, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { Histogram, type Registry } from 'prom-client';
import { METRIC_PREFIX } from '@base-shift/observability';
import { METRICS_REGISTRY } from './metrics-registry.token';

const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * GraphQL request durations by operation type and root field. The operation
 * NAME is chosen by the client (unbounded), so it is never a label; the root
 * field is, but only when the schema has it (a bounded allow-list by
 * construction): several root fields give "multiple", anything else "other".
 */
@Plugin()
export class GraphqlMetricsPlugin implements ApolloServerPlugin<BaseContext> {
  private readonly duration: Histogram<'operation_type' | 'field' | 'outcome'>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.duration = new Histogram({
      name: `${METRIC_PREFIX}graphql_request_duration_seconds`,
      help: 'Duration of GraphQL operations by operation type (query, mutation, unknown), root field (a schema field, "multiple" or "other") and outcome (success, error).',
      labelNames: ['operation_type', 'field', 'outcome'],
      buckets: BUCKETS,
      registers: [registry],
    });
  }

  async requestDidStart(): Promise<GraphQLRequestListener<BaseContext>> {
    const started = process.hrtime.bigint();
    return {
      willSendResponse: async (context) => {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        this.duration.observe(
          {
            operation_type: context.operation?.operation ?? 'unknown',
            field: rootField(context.schema, context.operation),
            outcome: failed(context) ? 'error' : 'success',
          },
          seconds,
        );
      },
    };
  }
}

function rootField(schema: GraphQLSchema, operation: OperationDefinitionNode | undefined): string {
  if (!operation) return 'other';
  const root = schema.getRootType(operation.operation);
  const names = new Set<string>();
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) return 'other';
    if (selection.name.value !== '__typename') names.add(selection.name.value);
  }
  if (names.size > 1) return 'multiple';
  const [name] = names;
  return name !== undefined && root?.getFields()[name] ? name : 'other';
}

function failed(context: GraphQLRequestContextWillSendResponse<BaseContext>): boolean {
  if (context.errors && context.errors.length > 0) return true;
  const body = context.response.body;
  return body.kind === 'single' && (body.singleResult.errors?.length ?? 0) > 0;
}
