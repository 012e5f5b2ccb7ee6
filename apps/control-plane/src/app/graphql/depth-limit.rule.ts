import { GraphQLError, Kind, type FragmentDefinitionNode, type SelectionSetNode, type ValidationRule } from 'graphql';

/**
 * The standard introspection query (GraphiQL, codegen) is 15 levels deep;
 * our own types nest at most 3. Anything deeper is abuse, typically the
 * recursive `__type { fields { type { fields ... } } }`.
 */
export const MAX_QUERY_DEPTH = 15;

/**
 * Refuses operations whose fields nest deeper than `maxDepth` (`{ a { b } }`
 * is 2 deep), before anything executes. Fragments count where they are
 * spread; each fragment's depth is computed once, so a document of fragments
 * spreading each other cannot make this check itself expensive.
 */
export function depthLimitRule(maxDepth: number): ValidationRule {
  return (context) => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    const fragmentDepths = new Map<string, number>();
    const depthOf = (selectionSet: SelectionSetNode, visiting: Set<string>): number => {
      let deepest = 0;
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) deepest = Math.max(deepest, 1 + (selection.selectionSet ? depthOf(selection.selectionSet, visiting) : 0));
        else if (selection.kind === Kind.INLINE_FRAGMENT) deepest = Math.max(deepest, depthOf(selection.selectionSet, visiting));
        else deepest = Math.max(deepest, fragmentDepth(selection.name.value, visiting));
      }
      return deepest;
    };
    const fragmentDepth = (name: string, visiting: Set<string>): number => {
      const known = fragmentDepths.get(name);
      if (known !== undefined) return known;
      const fragment = fragments.get(name);
      // Unknown or cyclic fragments are other rules' errors (KnownFragmentNames, NoFragmentCycles).
      if (!fragment || visiting.has(name)) return 0;
      const depth = depthOf(fragment.selectionSet, new Set(visiting).add(name));
      fragmentDepths.set(name, depth);
      return depth;
    };
    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation.selectionSet, new Set());
        if (depth > maxDepth) {
          const name = operation.name ? `"${operation.name.value}"` : 'the operation';
          context.reportError(new GraphQLError(`${name} is ${depth} levels deep; the maximum is ${maxDepth}`, { nodes: [operation] }));
        }
      },
    };
  };
}
