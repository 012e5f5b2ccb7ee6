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
  if (mode === 'sequential') return jobs.map((_job, index) => (index === 0 ? [] : [jobs[index - 1]?.id ?? '']));
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
  // Everything below works on list indexes: parents[i] are the indexes job i depends on.
  const indexOf = new Map(jobs.map((job, index) => [job.id, index]));
  const parents = jobs.map((job, self) => job.dependsOn.map((dep) => indexOf.get(dep) ?? -1).filter((dep) => dep >= 0 && dep !== self));
  const order = topologicalOrder(parents);

  const layer = new Array<number>(jobs.length).fill(-1);
  for (const index of order) layer[index] = Math.max(-1, ...(parents[index] ?? []).map((dep) => layer[dep] ?? -1)) + 1;
  const layerCount = jobs.length === 0 ? 0 : Math.max(...layer) + 1;

  const row = new Array<number>(jobs.length).fill(0);
  const byLayer: number[][] = Array.from({ length: layerCount }, () => []);
  layer.forEach((at, index) => byLayer[at]?.push(index));
  for (const indexes of byLayer) {
    const weight = (index: number): number => {
      const rows = (parents[index] ?? []).map((dep) => row[dep] ?? 0);
      return rows.length === 0 ? index : rows.reduce((a, b) => a + b, 0) / rows.length;
    };
    indexes.sort((a, b) => weight(a) - weight(b) || a - b);
    indexes.forEach((index, at) => (row[index] = at));
  }

  const path = longestPath(jobs, parents, order);
  const onPath = new Set(path.slice(1).map((index, at) => `${path[at]}>${index}`));
  return {
    nodes: jobs.map((job, index) => ({ id: job.id, layer: layer[index] ?? 0, row: row[index] ?? 0 })),
    edges: jobs.flatMap((job, index) =>
      (parents[index] ?? []).map((dep) => ({ from: jobs[dep]?.id ?? '', to: job.id, critical: onPath.has(`${dep}>${index}`) })),
    ),
    layers: layerCount,
    rows: Math.max(0, ...byLayer.map((indexes) => indexes.length)),
    criticalPath: path.map((index) => jobs[index]?.id ?? ''),
  };
}

/** Kahn's algorithm in list order; jobs left over (a cycle) are appended in list order. */
function topologicalOrder(parents: readonly number[][]): number[] {
  const remaining = parents.map((deps) => deps.length);
  const children: number[][] = parents.map(() => []);
  parents.forEach((deps, index) => deps.forEach((dep) => children[dep]?.push(index)));
  const ready = remaining.flatMap((count, index) => (count === 0 ? [index] : []));
  const order: number[] = [];
  for (let next = ready.shift(); next !== undefined; next = ready.shift()) {
    order.push(next);
    for (const child of children[next] ?? []) {
      remaining[child] = (remaining[child] ?? 0) - 1;
      if (remaining[child] === 0) ready.push(child);
    }
  }
  const placed = new Set(order);
  parents.forEach((_deps, index) => placed.has(index) || order.push(index));
  return order;
}

interface Chain {
  total: number;
  length: number;
  previous: number;
}

/**
 * The chain with the greatest total duration (what bounds the workflow's run
 * time); between chains of equal duration, the one with more jobs — so before
 * anything has run it is simply the longest chain.
 */
function longestPath(jobs: readonly DagJob[], parents: readonly number[][], order: readonly number[]): number[] {
  const better = (a: Chain, b: Chain | undefined) => b === undefined || a.total > b.total || (a.total === b.total && a.length > b.length);
  const best: (Chain | undefined)[] = new Array(jobs.length);
  for (const index of order) {
    const duration = Math.max(0, jobs[index]?.durationMs ?? 0);
    let chain: Chain = { total: duration, length: 1, previous: -1 };
    for (const dep of parents[index] ?? []) {
      const before = best[dep];
      if (!before) continue;
      const candidate = { total: before.total + duration, length: before.length + 1, previous: dep };
      if (better(candidate, chain)) chain = candidate;
    }
    best[index] = chain;
  }
  let end = -1;
  for (const index of order) {
    const chain = best[index];
    if (chain && better(chain, best[end])) end = index;
  }
  const path: number[] = [];
  for (let index = end; index >= 0; index = best[index]?.previous ?? -1) path.unshift(index);
  return path;
}
