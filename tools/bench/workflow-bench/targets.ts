/**
 * The throughput issue's targets, one row each: the figure measured in this
 * run (null when its phase failed or this bench does not measure it), the
 * target, and whether it was met. A figure not measured is said so, never guessed.
 */
export interface TargetRow {
  figure: string;
  value: number | null;
  unit: string;
  target: string;
  /** 'met' / 'missed'; 'not measured' with the reason in `note`; 'ceiling' for the queue's own figure (no target). */
  status: 'met' | 'missed' | 'not measured' | 'ceiling';
  note?: string;
}

export function atLeast(figure: string, value: number | null | undefined, unit: string, min: number, note?: string): TargetRow {
  return judged(figure, value, unit, `>= ${min} ${unit}`, (v) => v >= min, note);
}

export function atMost(figure: string, value: number | null | undefined, unit: string, max: number, note?: string): TargetRow {
  return judged(figure, value, unit, `<= ${max} ${unit}`, (v) => v <= max, note);
}

export function notMeasured(figure: string, target: string, note: string): TargetRow {
  return { figure, value: null, unit: '', target, status: 'not measured', note };
}

function judged(figure: string, value: number | null | undefined, unit: string, target: string, met: (v: number) => boolean, note?: string): TargetRow {
  if (value === null || value === undefined || Number.isNaN(value))
    return { figure, value: null, unit, target, status: 'not measured', note: note ? `its phase failed (${note})` : 'its phase failed' };
  return { figure, value, unit, target, status: met(value) ? 'met' : 'missed', ...(note && { note }) };
}

export function targetsTable(rows: TargetRow[]): string {
  const cells = rows.map((r) => [
    r.figure,
    r.value === null ? '-' : `${Math.round(r.value * 100) / 100} ${r.unit}`.trim(),
    r.target,
    r.status === 'met' ? 'MET' : r.status === 'missed' ? 'MISSED' : r.status,
    r.note ?? '',
  ]);
  const header = ['figure', 'measured', 'target', 'status', 'how / note'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((cell, i) => (i === c.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}
