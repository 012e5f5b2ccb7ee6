/** Edges as job id → ids it depends on. */
export type DependencyMap = ReadonlyMap<string, readonly string[]>;

/**
 * A cycle, if any, as the path that closes it (`['a', 'b', 'a']`). The search
 * starts from jobs in list order so the reported cycle is stable for a body.
 */
export function findCycle(order: readonly string[], deps: DependencyMap): string[] | undefined {
  const WHITE = 0;
  const GREY = 1;
  const BLACK = 2;
  const color = new Map(order.map((id) => [id, WHITE]));
  const stack: string[] = [];

  const visit = (id: string): string[] | undefined => {
    color.set(id, GREY);
    stack.push(id);
    for (const next of deps.get(id) ?? []) {
      const c = color.get(next);
      if (c === GREY) return [...stack.slice(stack.indexOf(next)), next];
      if (c === WHITE) {
        const found = visit(next);
        if (found) return found;
      }
    }
    stack.pop();
    color.set(id, BLACK);
    return undefined;
  };

  for (const id of order) {
    if (color.get(id) === WHITE) {
      const found = visit(id);
      if (found) return found;
    }
  }
  return undefined;
}

/** Every job `id` transitively depends on (its ancestors); the graph must be acyclic. */
export function ancestorsOf(id: string, deps: DependencyMap): Set<string> {
  const seen = new Set<string>();
  const pending = [...(deps.get(id) ?? [])];
  while (pending.length > 0) {
    const next = pending.pop() as string;
    if (seen.has(next)) continue;
    seen.add(next);
    pending.push(...(deps.get(next) ?? []));
  }
  return seen;
}
