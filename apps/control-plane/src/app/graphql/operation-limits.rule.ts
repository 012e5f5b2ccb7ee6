import {
  GraphQLError,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql';

export interface OperationLimits {
  /** Aliased fields (`a1: jobTemplates`), fragments counted where spread. */
  maxAliases: number;
  /** Fields selected, fragments counted where spread (the introspection query selects about 200). */
  maxFields: number;
  /** Estimated work: see operationLimitsRule. */
  maxCost: number;
}

/** Room for any real client (our console sends under 10 aliases and 100 fields), not for 1,000 copies of a query. */
export const OPERATION_LIMITS: OperationLimits = { maxAliases: 50, maxFields: 500, maxCost: 10_000 };

/** A root field reads the database; anything below it is in memory. */
const ROOT_FIELD_COST = 10;
/** A list without a literal `first` counts this many items (a `first` from a variable counts as the page maximum). */
const DEFAULT_LIST_SIZE = 10;
const MAX_PAGE_SIZE = 100;

interface Tally {
  fields: number;
  aliases: number;
  cost: number;
}

/**
 * Refuses, before anything executes, operations with too many aliases or
 * fields or too high a cost. Cost: each field 1 (a root field 10), times the
 * sizes of the lists it sits in (`first`, else 10); a connection (an object
 * field taking `first`) passes its page size to the lists directly inside it
 * (`edges`, `nodes`). Introspection (`__*`) is free here, the depth limit
 * bounds it. Each fragment is tallied once per page size, so fragments
 * spreading each other cannot make this check itself expensive.
 */
export function operationLimitsRule(limits: OperationLimits = OPERATION_LIMITS): ValidationRule {
  return (context) => {
    const schema = context.getSchema();
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    const fragmentTallies = new Map<string, Tally>();

    const tally = (
      selectionSet: SelectionSetNode,
      parent: GraphQLCompositeType | undefined,
      root: boolean,
      visiting: Set<string>,
      pageSize?: number,
    ): Tally => {
      const sum: Tally = { fields: 0, aliases: 0, cost: 0 };
      const add = (part: Tally, times = 1) => {
        sum.fields += part.fields;
        sum.aliases += part.aliases;
        sum.cost += part.cost * times;
      };
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          const definition = fieldDefinition(parent, selection.name.value);
          const type = definition ? getNamedType(definition.type) : undefined;
          const isList = definition !== undefined && isListType(getNullableType(definition.type));
          const paged = definition?.args.some((argument) => argument.name === 'first') ?? false;
          const connectionPageSize = definition && paged && !isList ? listSize(selection, definition) : undefined;
          const child = selection.selectionSet
            ? tally(selection.selectionSet, type && isCompositeType(type) ? type : undefined, false, visiting, connectionPageSize)
            : { fields: 0, aliases: 0, cost: 0 };
          const free = selection.name.value.startsWith('__');
          add({ fields: 1, aliases: selection.alias ? 1 : 0, cost: free ? 0 : root ? ROOT_FIELD_COST : 1 });
          const times = !definition || !isList ? 1 : !paged && pageSize !== undefined ? pageSize : listSize(selection, definition);
          add(free ? { ...child, cost: 0 } : child, times);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
          add(tally(selection.selectionSet, condition && isCompositeType(condition) ? condition : parent, root, visiting, pageSize));
        } else {
          add(fragmentTally(selection.name.value, root, visiting, pageSize));
        }
      }
      return sum;
    };
    const fragmentTally = (name: string, root: boolean, visiting: Set<string>, pageSize?: number): Tally => {
      const key = `${name}:${pageSize ?? ''}`;
      const known = fragmentTallies.get(key);
      if (known) return known;
      const fragment = fragments.get(name);
      // Unknown or cyclic fragments are other rules' errors (KnownFragmentNames, NoFragmentCycles).
      if (!fragment || visiting.has(name)) return { fields: 0, aliases: 0, cost: 0 };
      const type = schema.getType(fragment.typeCondition.name.value);
      const result = tally(fragment.selectionSet, type && isCompositeType(type) ? type : undefined, root, new Set(visiting).add(name), pageSize);
      fragmentTallies.set(key, result);
      return result;
    };

    return {
      OperationDefinition(operation) {
        const rootType =
          operation.operation === 'mutation'
            ? schema.getMutationType()
            : operation.operation === 'subscription'
              ? schema.getSubscriptionType()
              : schema.getQueryType();
        const { fields, aliases, cost } = tally(operation.selectionSet, rootType ?? undefined, true, new Set());
        const name = operation.name ? `"${operation.name.value}"` : 'the operation';
        const report = (message: string) => context.reportError(new GraphQLError(message, { nodes: [operation] }));
        if (aliases > limits.maxAliases) report(`${name} uses ${aliases} aliases; the maximum is ${limits.maxAliases}`);
        if (fields > limits.maxFields) report(`${name} selects ${fields} fields; the maximum is ${limits.maxFields}`);
        if (cost > limits.maxCost)
          report(`${name} costs ${cost} (a root field 10, any other field 1, times the list sizes it sits in); the maximum is ${limits.maxCost}`);
      },
    };
  };
}

function fieldDefinition(parent: GraphQLCompositeType | undefined, name: string): GraphQLField<unknown, unknown> | undefined {
  return parent && 'getFields' in parent ? parent.getFields()[name] : undefined;
}

function listSize(selection: FieldNode, definition: GraphQLField<unknown, unknown>): number {
  const first = selection.arguments?.find((argument) => argument.name.value === 'first');
  if (first?.value.kind === Kind.INT) return Math.min(Math.max(Number(first.value.value), 1), MAX_PAGE_SIZE);
  if (first?.value.kind === Kind.VARIABLE) return MAX_PAGE_SIZE;
  const declared = definition.args.find((argument) => argument.name === 'first')?.defaultValue;
  return typeof declared === 'number' ? declared : DEFAULT_LIST_SIZE;
}
