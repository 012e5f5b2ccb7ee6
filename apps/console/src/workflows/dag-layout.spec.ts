import { describe, expect, it } from 'vitest';
import { graphEdges, layoutDag, type DagJob } from './dag-layout';

const job = (id: string, dependsOn: string[] = [], durationMs = 0): DagJob => ({ id, dependsOn, durationMs });

describe('graphEdges', () => {
  it('chains a sequential workflow in list order', () => {
    expect(graphEdges([{ id: 'a' }, { id: 'b' }, { id: 'c' }], 'sequential')).toEqual([[], ['a'], ['b']]);
  });
  it("keeps a dag workflow's dependsOn", () => {
    expect(
      graphEdges(
        [
          { id: 'a', dependsOn: [] },
          { id: 'b', dependsOn: ['a'] },
        ],
        'dag',
      ),
    ).toEqual([[], ['a']]);
  });
});

describe('layoutDag', () => {
  it('puts each job one layer after its deepest dependency', () => {
    const layout = layoutDag([job('fetch'), job('resize', ['fetch']), job('thumb', ['fetch']), job('publish', ['resize', 'thumb']), job('audit')]);
    const at = Object.fromEntries(layout.nodes.map((node) => [node.id, [node.layer, node.row]]));
    expect(at).toEqual({ fetch: [0, 0], audit: [0, 1], resize: [1, 0], thumb: [1, 1], publish: [2, 0] });
    expect(layout.layers).toBe(3);
    expect(layout.rows).toBe(2);
    expect(layout.edges).toHaveLength(4);
  });

  it('takes the chain with the greatest total duration as the critical path', () => {
    const layout = layoutDag([job('a', [], 100), job('fast', ['a'], 50), job('slow', ['a'], 900), job('z', ['fast', 'slow'], 10)]);
    expect(layout.criticalPath).toEqual(['a', 'slow', 'z']);
    expect(
      layout.edges
        .filter((edge) => edge.critical)
        .map((edge) => `${edge.from}>${edge.to}`)
        .sort(),
    ).toEqual(['a>slow', 'slow>z']);
  });

  it('before anything ran, the longest chain is the critical path', () => {
    expect(layoutDag([job('a'), job('b', ['a']), job('c', ['b']), job('d')]).criticalPath).toEqual(['a', 'b', 'c']);
  });

  it('ignores unknown dependencies and survives a cycle', () => {
    const layout = layoutDag([job('a', ['ghost']), job('b', ['c']), job('c', ['b'])]);
    expect(layout.nodes.map((node) => node.id).sort()).toEqual(['a', 'b', 'c']);
    expect(layout.edges.map((edge) => `${edge.from}>${edge.to}`).sort()).toEqual(['b>c', 'c>b']);
  });

  it('lays out nothing for no jobs', () => {
    expect(layoutDag([])).toEqual({ nodes: [], edges: [], layers: 0, rows: 0, criticalPath: [] });
  });
});
