// The jobs as a graph: nodes are buttons (keyboard reachable, named by job id)
// placed by layoutDag, dependencies are SVG curves beneath them, the critical
// path drawn thicker and marked data-critical.
import { useMemo } from 'react';
import type { Job, Workflow } from '../api/types';
import { graphEdges, layoutDag } from './dag-layout';

// Wide enough for a 20-character job id in the monospace label; longer ones are cut (the title has it whole).
const NODE_W = 240;
const NODE_H = 56;
const GAP_X = 64;
const GAP_Y = 20;
const PAD = 12;

/** How long a job ran so far (ms): its duration once finished, the time since it started while it runs. */
export function jobDurationMs(job: Job, now: number): number {
  if (job.durationMs !== undefined) return job.durationMs;
  if (job.startedAt && job.finishedAt) return Date.parse(job.finishedAt) - Date.parse(job.startedAt);
  if (job.startedAt && job.state === 'RUNNING') return now - Date.parse(job.startedAt);
  return 0;
}

export function JobGraph({ workflow, now, selected, onSelect }: { workflow: Workflow; now: number; selected?: string; onSelect: (jobId: string) => void }) {
  const layout = useMemo(() => {
    const deps = graphEdges(workflow.jobs, workflow.mode);
    return layoutDag(workflow.jobs.map((job, index) => ({ id: job.id, dependsOn: deps[index] ?? [], durationMs: jobDurationMs(job, now) })));
  }, [workflow.jobs, workflow.mode, now]);
  const jobs = new Map(workflow.jobs.map((job) => [job.id, job]));
  const critical = new Set(layout.criticalPath);
  const position = new Map(layout.nodes.map((node) => [node.id, { x: PAD + node.layer * (NODE_W + GAP_X), y: PAD + node.row * (NODE_H + GAP_Y) }]));
  const width = PAD * 2 + Math.max(1, layout.layers) * NODE_W + Math.max(0, layout.layers - 1) * GAP_X;
  const height = PAD * 2 + Math.max(1, layout.rows) * NODE_H + Math.max(0, layout.rows - 1) * GAP_Y;

  return (
    <figure aria-label="Job graph" className="graph card">
      <div className="graph-scroll">
        <div className="graph-canvas" style={{ width, height }}>
          <svg width={width} height={height} aria-hidden="true" focusable="false" className="graph-edges">
            <defs>
              <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                <path d="M0 0 10 5 0 10z" className="arrow" />
              </marker>
              <marker id="arrow-critical" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                <path d="M0 0 10 5 0 10z" className="arrow critical" />
              </marker>
            </defs>
            {layout.edges.map((edge) => {
              const from = position.get(edge.from);
              const to = position.get(edge.to);
              if (!from || !to) return null;
              const x1 = from.x + NODE_W;
              const y1 = from.y + NODE_H / 2;
              const x2 = to.x - 2;
              const y2 = to.y + NODE_H / 2;
              const bend = Math.max(24, (x2 - x1) / 2);
              return (
                <path
                  key={`${edge.from}>${edge.to}`}
                  d={`M${x1} ${y1} C${x1 + bend} ${y1} ${x2 - bend} ${y2} ${x2} ${y2}`}
                  className={edge.critical ? 'edge critical' : 'edge'}
                  markerEnd={edge.critical ? 'url(#arrow-critical)' : 'url(#arrow)'}
                />
              );
            })}
          </svg>
          {layout.nodes.map((node) => {
            const job = jobs.get(node.id);
            const at = position.get(node.id);
            if (!job || !at) return null;
            return (
              <button
                key={node.id}
                type="button"
                aria-label={node.id}
                aria-pressed={selected === node.id}
                title={`${node.id}: ${job.state}${critical.has(node.id) ? ' (critical path)' : ''}`}
                data-critical={critical.has(node.id) ? 'true' : undefined}
                data-state={job.state}
                className={`node state-${job.state}${critical.has(node.id) ? ' critical' : ''}`}
                style={{ left: at.x, top: at.y, width: NODE_W, height: NODE_H }}
                onClick={() => onSelect(node.id)}
              >
                <span className="node-id">{node.id}</span>
                <span className="node-state">
                  {job.state}
                  {job.attempts > 1 ? ` · attempt ${job.attempts}` : ''}
                </span>
              </button>
            );
          })}
        </div>
      </div>
      <figcaption className="muted small">
        <span className="legend-critical" aria-hidden="true" /> Critical path (longest chain by duration): {layout.criticalPath.join(' → ') || '—'}
      </figcaption>
    </figure>
  );
}
