// Where each job of a workflow sits in the job graph, and which chain of jobs
// is the critical path. Pure: the component only draws what this returns.

export interface DagJob {
  id: string;
  dependsOn: readonly string[];
  /** How long the job ran (ms); 0 when it has not run. */
  durationMs: number;
}

export interface DagNode {
  id: string;
  /** Column: the longest chain of dependencies before it. */
  layer: number;
  /** Row within its layer. */
  row: number;
}

export interface DagEdge {
  from: string;
  to: string;
  critical: boolean;
}

export interface DagLayout {
  nodes: DagNode[];
  edges: DagEdge[];
  layers: number;
  /** The most rows of any layer. */
  rows: number;
  /** Job ids on the critical path, first to last. */
  criticalPath: string[];
}

/**
 * The dependencies as drawn: a `dag` workflow's dependsOn; a sequential one
 * runs in list order, so each job depends on the one before it.
 */
export function graphEdges(jobs: readonly { id: string; dependsOn?: readonly string[] }[], mode: 'sequential' | 'dag'): DagJob['dependsOn'][] {
  if (mode === 'sequential') return jobs.map((_job, index) => (index === 0 ? [] : [jobs[index - 1]!.id]));
  return jobs.map((job) => job.dependsOn ?? []);
}

/**
 * Layered layout: a job's layer is the length of the longest dependency chain
 * before it (so every edge points rightwards); within a layer jobs are ordered
 * by the mean row of their parents (fewer crossings), then by list order.
 * Dependencies on unknown ids are ignored; a cycle (the API refuses them) would
 * leave the jobs on it in layer 0 rather than loop.
 */
export function layoutDag(jobs: readonly DagJob[]): DagLayout {
  const known = new Map(jobs.map((job, index) => [job.id, index]));
  const parents = new Map(jobs.map((job) => [job.id, job.dependsOn.filter((dep) => known.has(dep) && dep !== job.id)]));
  const order = topologicalOrder(jobs, parents);

  const layerOf = new Map<string, number>();
  for (const id of order) layerOf.set(id, Math.max(-1, ...parents.get(id)!.map((dep) => layerOf.get(dep) ?? -1)) + 1);

  const layerCount = jobs.length === 0 ? 0 : Math.max(...layerOf.values()) + 1;
  const rowOf = new Map<string, number>();
  const byLayer: string[][] = Array.from({ length: layerCount }, () => []);
  for (const job of jobs) byLayer[layerOf.get(job.id)!]!.push(job.id);
  for (const ids of byLayer) {
    const weight = (id: string): number => {
      const rows = parents.get(id)!.map((dep) => rowOf.get(dep) ?? 0);
      return rows.length === 0 ? known.get(id)! : rows.reduce((a, b) => a + b, 0) / rows.length;
    };
    ids.sort((a, b) => weight(a) - weight(b) || known.get(a)! - known.get(b)!);
    ids.forEach((id, row) => rowOf.set(id, row));
  }

  const criticalPath = longestPath(jobs, parents, order);
  const onPath = new Set(criticalPath.slice(1).map((id, index) => `${criticalPath[index]}→${id}`));
  return {
    nodes: jobs.map((job) => ({ id: job.id, layer: layerOf.get(job.id)!, row: rowOf.get(job.id)! })),
    edges: jobs.flatMap((job) => parents.get(job.id)!.map((dep) => ({ from: dep, to: job.id, critical: onPath.has(`${dep}→${job.id}`) }))),
    layers: layerCount,
    rows: Math.max(0, ...byLayer.map((ids) => ids.length)),
    criticalPath,
  };
}

/** Kahn's algorithm in list order; jobs left over (a cycle) are appended in list order. */
function topologicalOrder(jobs: readonly DagJob[], parents: Map<string, string[]>): string[] {
  const remaining = new Map(jobs.map((job) => [job.id, parents.get(job.id)!.length]));
  const children = new Map<string, string[]>(jobs.map((job) => [job.id, []]));
  for (const job of jobs) for (const dep of parents.get(job.id)!) children.get(dep)!.push(job.id);
  const ready = jobs.filter((job) => remaining.get(job.id) === 0).map((job) => job.id);
  const order: string[] = [];
  while (ready.length > 0) {
    const id = ready.shift()!;
    order.push(id);
    for (const child of children.get(id)!) {
      const left = remaining.get(child)! - 1;
      remaining.set(child, left);
      if (left === 0) ready.push(child);
    }
  }
  const placed = new Set(order);
  for (const job of jobs) if (!placed.has(job.id)) order.push(job.id);
  return order;
}

/**
 * The chain with the greatest total duration (what bounds the workflow's run
 * time); between chains of equal duration, the one with more jobs — so before
 * anything has run it is simply the longest chain.
 */
function longestPath(jobs: readonly DagJob[], parents: Map<string, string[]>, order: readonly string[]): string[] {
  const duration = new Map(jobs.map((job) => [job.id, Math.max(0, job.durationMs)]));
  const best = new Map<string, { total: number; length: number; previous?: string }>();
  const better = (a: { total: number; length: number }, b: { total: number; length: number } | undefined) =>
    b === undefined || a.total > b.total || (a.total === b.total && a.length > b.length);
  for (const id of order) {
    let entry: { total: number; length: number; previous?: string } = { total: duration.get(id)!, length: 1 };
    for (const dep of parents.get(id)!) {
      const before = best.get(dep);
      if (!before) continue;
      const candidate = { total: before.total + duration.get(id)!, length: before.length + 1, previous: dep };
      if (better(candidate, entry)) entry = candidate;
    }
    best.set(id, entry);
  }
  let end: string | undefined;
  for (const id of order) if (end === undefined || better(best.get(id)!, best.get(end))) end = id;
  const path: string[] = [];
  for (let id = end; id !== undefined; id = best.get(id)!.previous) path.unshift(id);
  return path;
}
